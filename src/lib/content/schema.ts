/**
 * Frontmatter schemas for articles and authors. Each rule's error text is the
 * "expected" half of a problem report; the "found" half comes from the input.
 */
import { z } from 'astro/zod';
import { normaliseTags, slugify } from './slugs.ts';
import { parseContentDate } from './dates.ts';

/** C0 control characters (other than tab and newline) are invalid in HTML and XML: drop them. */
export const stripControlChars = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

/** Rules that the schema checks per file and the cross-check repeats on raw data when other fields fail. */
export const HERO_ALT_REQUIRED = 'alt text for the hero image (required when heroImage is set)';
export const UPDATE_NOT_BEFORE_PUB = 'an update date on or after pubDate';

/** What the article schema needs from the site and the build. */
export interface ArticleSchemaOptions {
  /** The site's IANA time zone: date-times without a zone are read in it. */
  timeZone?: string | undefined;
  /** The build clock: an update cannot be dated after it. Omitted, it is not checked. */
  now?: Date | undefined;
}

export const updateNotAfterNow = (now: Date) => `an update date not after the build clock (${now.toISOString()})`;

const dateField = (what: string, timeZone: string | undefined) =>
  z.unknown().transform((value, ctx) => {
    const result = parseContentDate(value, timeZone);
    if ('error' in result) {
      ctx.addIssue({ code: 'custom', message: `${what} as ${result.error}` });
      return z.NEVER;
    }
    return result.date;
  });

const absoluteUrl = (what: string) =>
  z.string({ error: `${what} as an absolute http(s) URL` }).refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), {
    error: `${what} as an absolute http(s) URL`,
  });

// One id or a list of ids; repeats are dropped so a byline never names a person twice.
const idList = (what: string) =>
  z
    .union([z.string({ error: what }).trim().min(1, { error: what }), z.array(z.string({ error: what }).trim().min(1, { error: what }), { error: what }).min(1, { error: what })], { error: what })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]);

export const sourceSchema = z.strictObject(
  {
    title: z.string({ error: 'a source title (text)' }).trim().min(1, { error: 'a source title (text)' }).transform(stripControlChars),
    url: absoluteUrl('the source link'),
    publisher: z.string({ error: 'a publisher name (text)' }).min(1, { error: 'a publisher name (text)' }).optional(),
  },
  { error: 'a source as { title, url, publisher? }' },
);

/**
 * The article schema. `image` lets Astro swap in its `image()` helper for the
 * hero; the pure validator keeps the relative path and checks the file itself.
 */
export function makeArticleSchema<Image extends z.ZodType = z.ZodString>(image?: Image, options: ArticleSchemaOptions = {}) {
  const heroImage = (image ?? z.string({ error: 'a relative path to a local image' })) as Image;
  return z
    .strictObject({
      title: z.string({ error: 'a title of 1–140 characters' }).trim().min(1, { error: 'a title of 1–140 characters' }).max(140, { error: 'a title of 1–140 characters' })
        .transform(stripControlChars),
      description: z
        .string({ error: 'a dek (description) of 1–300 characters' })
        .trim()
        .min(1, { error: 'a dek (description) of 1–300 characters' })
        .max(300, { error: 'a dek (description) of 1–300 characters' })
        .transform(stripControlChars),
      pubDate: dateField('the publication date', options.timeZone),
      updatedDate: dateField('the update date', options.timeZone).optional(),
      author: idList('an author id or a list of author ids'),
      category: z.string({ error: 'a category slug' }).min(1, { error: 'a category slug' }),
      tags: z
        .array(z.string({ error: 'a tag with at least one letter or digit' }).refine((tag) => slugify(tag) !== '', { error: 'a tag with at least one letter or digit' }), { error: 'a list of tags' })
        .default([])
        .transform(normaliseTags),
      heroImage: heroImage.optional(),
      heroAlt: z.string({ error: 'alt text for the hero image' }).trim().min(1, { error: 'alt text for the hero image' }).transform(stripControlChars).optional(),
      highlights: z.array(z.string({ error: 'a highlight (text)' }).trim().min(1, { error: 'a highlight (text)' }).transform(stripControlChars), { error: 'a list of highlights' }).default([]),
      sources: z.array(sourceSchema, { error: 'a list of sources' }).default([]),
      draft: z.boolean({ error: 'true or false' }).default(false),
      featured: z.boolean({ error: 'true or false' }).default(false),
      canonicalUrl: absoluteUrl('the canonical URL').optional(),
      related: z.array(z.string({ error: 'an article slug' }), { error: 'a list of article slugs' }).default([]),
    })
    .superRefine((data, ctx) => {
      if (data.heroImage !== undefined && !data.heroAlt) {
        ctx.addIssue({ code: 'custom', path: ['heroAlt'], message: HERO_ALT_REQUIRED });
      }
      if (data.updatedDate && data.updatedDate.getTime() < data.pubDate.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['updatedDate'], message: UPDATE_NOT_BEFORE_PUB });
      }
      if (options.now && data.updatedDate && data.updatedDate.getTime() > options.now.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['updatedDate'], message: updateNotAfterNow(options.now) });
      }
    });
}


export function makeAuthorSchema<Image extends z.ZodType = z.ZodString>(image?: Image) {
  const avatar = (image ?? z.string({ error: 'a relative path to a local image' })) as Image;
  return z.strictObject({
    name: z.string({ error: 'a name (text)' }).trim().min(1, { error: 'a name (text)' }),
    role: z.string({ error: 'a role (text)' }).optional(),
    bio: z.string({ error: 'a short bio (text)' }).max(400, { error: 'a short bio of at most 400 characters' }).optional(),
    avatar: avatar.optional(),
    links: z
      .strictObject(
        {
          website: absoluteUrl('a website').optional(),
          x: absoluteUrl('an X profile').optional(),
          github: absoluteUrl('a GitHub profile').optional(),
          linkedin: absoluteUrl('a LinkedIn profile').optional(),
          mastodon: absoluteUrl('a Mastodon profile').optional(),
          email: z.email({ error: 'an email address' }).optional(),
        },
        { error: 'links as { website, x, github, linkedin, mastodon, email }' },
      )
      .default({}),
  });
}

export const articleSchema = makeArticleSchema();
export const authorSchema = makeAuthorSchema();
export type ArticleData = z.output<typeof articleSchema>;
export type AuthorData = z.output<typeof authorSchema>;
export const ARTICLE_KEYS = Object.keys(articleSchema.shape);
