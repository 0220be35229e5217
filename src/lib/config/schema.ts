/** The site owner's configuration, checked at run time with friendly errors. */
import { z } from 'astro/zod';
import { relatedOptionsSchema } from '../related/options.ts';
import { issuesToProblems } from '../content/problems.ts';
import { isTimeZone } from '../content/dates.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a lower-case slug such as "models"' });
const url = z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: 'an absolute http(s) URL' });
const sitePath = z.string({ error: 'a path starting with "/"' }).regex(/^\//, { error: 'a path starting with "/"' });
const count = (min: number, max: number) => {
  const error = `a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

export const categorySchema = z.strictObject({
  slug,
  name: text('a display name'),
  description: text('a one-line description'),
});

export const siteConfigSchema = z
  .strictObject({
    name: text('the publication name'),
    tagline: text('a short tagline'),
    description: text('a description for search engines and feeds, up to 300 characters').pipe(z.string().max(300, { error: 'a description for search engines and feeds, up to 300 characters' })),
    url: url.transform((v) => v.replace(/\/+$/, '')),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'a BCP 47 language tag such as "en" or "en-GB"' }),
    // Date-times written without a zone are read in it; pages, feeds, sitemap and JSON-LD show dates in it.
    timeZone: z
      .string({ error: 'an IANA time zone such as "Europe/Berlin" or "UTC"' })
      .refine(isTimeZone, { error: 'an IANA time zone such as "Europe/Berlin" or "UTC"' })
      .optional(),
    locale: z.string({ error: 'an Open Graph locale such as "en_US"' }).regex(/^[a-z]{2,3}_[A-Z]{2}$/, { error: 'an Open Graph locale such as "en_US"' }).default('en_US'),
    logo: sitePath,
    defaultSocialImage: sitePath,
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'a hex colour such as "#c2410c"' }),
    nav: z.array(z.strictObject({ label: text('a link label'), href: text('a link target such as "/archive/"') }), { error: 'a list of { label, href } links' }).default([]),
    categories: z.array(categorySchema).min(1, { error: 'at least one category' }),
    social: z
      .strictObject({
        x: z.string().regex(/^@?\w{1,15}$/, { error: 'an X handle such as "@broadsheet"' }).optional(),
        mastodon: url.optional(),
        github: url.optional(),
        linkedin: url.optional(),
      })
      .default({}),
    pageSizes: z
      .strictObject({
        homeLatest: count(1, 50).default(8),
        homePerCategory: count(1, 12).default(3),
        section: count(1, 100).default(12),
      })
      .default({ homeLatest: 8, homePerCategory: 3, section: 12 }),
    feeds: z.strictObject({ limit: count(1, 500).default(50) }).default({ limit: 50 }),
    related: relatedOptionsSchema,
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.categories.forEach((category, i) => {
      if (seen.has(category.slug)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'slug'], message: `a unique slug ("${category.slug}" is used twice)` });
      seen.add(category.slug);
    });
  });

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;
export type Category = z.output<typeof categorySchema>;

/** Validates the config and throws one error listing every problem, with what was found. */
export function defineSiteConfig(input: SiteConfigInput, file = 'src/site.config.ts'): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = issuesToProblems(file, input, result.error.issues, siteConfigSchema);
  const lines = problems.map((p) => `  - ${p.field}: expected ${p.expected.replace(/^Invalid input: expected /, '')}, found ${p.found}`);
  throw new Error(`Broadsheet: ${file} has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
