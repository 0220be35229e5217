/**
 * Frontmatter schemas for articles and authors. Each rule's error text is the
 * "expected" half of a problem report; the "found" half comes from the input.
 */
import { z } from 'astro/zod';
import { MAX_TAG_LENGTH, normaliseTags, slugify } from './slugs.ts';
import { parseContentDate } from './dates.ts';

/** C0 control characters (other than tab and newline) are invalid in HTML and XML: drop them. */
export const stripControlChars = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

/** Whether text shows anything: zero-width and other format characters, spaces and marks alone do not. */
export const hasVisibleText = (text: string) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);

/**
 * A text field as readers see it: control characters dropped, trimmed, and
 * rejected when nothing visible is left (a title of only a zero-width space).
 */
const visibleText = (what: string, max?: number) => {
  const base = z.string({ error: what }).transform(stripControlChars).pipe(z.string().trim());
  const bounded = max ? base.pipe(z.string().max(max, { error: what })) : base;
  return bounded.refine(hasVisibleText, { error: what });
};

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
    title: visibleText('a source title (text)'),
    url: absoluteUrl('the source link'),
    publisher: visibleText('a publisher name (text)').optional(),
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
      title: visibleText('a title of 1–140 visible characters', 140),
      description: visibleText('a dek (description) of 1–300 visible characters', 300),
      pubDate: dateField('the publication date', options.timeZone),
      updatedDate: dateField('the update date', options.timeZone).optional(),
      author: idList('an author id or a list of author ids'),
      category: z.string({ error: 'a category slug' }).min(1, { error: 'a category slug' }),
      tags: z
        .array(
          z
            .string({ error: 'a tag with at least one letter or digit' })
            .refine((tag) => slugify(tag) !== '', { error: 'a tag with at least one letter or digit' })
            .refine((tag) => slugify(tag).length <= MAX_TAG_LENGTH, { error: `a tag of at most ${MAX_TAG_LENGTH} characters (it becomes a URL and a file name)` }),
          { error: 'a list of tags' },
        )
        .default([])
        .transform(normaliseTags),
      heroImage: heroImage.optional(),
      heroAlt: visibleText('alt text for the hero image').optional(),
      heroCaption: visibleText('a hero caption of 1–400 visible characters', 400).optional(),
      heroCredit: visibleText('a hero credit of 1–200 visible characters', 200).optional(),
      highlights: z.array(visibleText('a highlight (text)'), { error: 'a list of highlights' }).default([]),
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
    name: visibleText('a name (text)', 100),
    role: visibleText('a role (text)', 100).optional(),
    bio: visibleText('a short bio of at most 400 characters', 400).optional(),
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
