/** The site owner's configuration, checked at run time with friendly errors. */
import { z } from 'astro/zod';
import { relatedOptionsSchema } from '../related/options.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a lower-case slug such as "models"' });
const url = z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: 'an absolute http(s) URL' });
const sitePath = z.string().regex(/^\//, { error: 'a path starting with "/"' });

export const categorySchema = z.strictObject({
  slug,
  name: z.string().min(1, { error: 'a display name' }),
  description: z.string().min(1, { error: 'a one-line description' }),
});

export const siteConfigSchema = z
  .strictObject({
    name: z.string().min(1, { error: 'the publication name' }),
    tagline: z.string().min(1, { error: 'a short tagline' }),
    description: z.string().min(1, { error: 'a description for search engines and feeds' }).max(300),
    url: url.transform((v) => v.replace(/\/+$/, '')),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'a BCP 47 language tag such as "en" or "en-GB"' }),
    locale: z.string().default('en_US'),
    logo: sitePath,
    defaultSocialImage: sitePath,
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'a hex colour such as "#c2410c"' }),
    nav: z.array(z.strictObject({ label: z.string().min(1), href: z.string().min(1) })).default([]),
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
        homeLatest: z.number().int().min(1).max(50).default(8),
        homePerCategory: z.number().int().min(1).max(12).default(3),
        section: z.number().int().min(1).max(100).default(12),
      })
      .default({ homeLatest: 8, homePerCategory: 3, section: 12 }),
    feeds: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }),
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

/** Validates the config and throws one error listing every problem. */
export function defineSiteConfig(input: SiteConfigInput, file = 'src/site.config.ts'): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.') || '(root)';
    return issue.code === 'unrecognized_keys' ? `  - ${issue.keys.join(', ')}: not a known setting` : `  - ${where}: expected ${issue.message.replace(/^Invalid input: expected /, '')}`;
  });
  throw new Error(`Broadsheet: ${file} has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
