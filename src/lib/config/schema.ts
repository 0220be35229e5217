/** The site owner's configuration, checked at run time with friendly errors. */
import { z } from 'astro/zod';
import { relatedOptionsSchema } from '../related/options.ts';
import { issuesToProblems } from '../content/problems.ts';
import { isTimeZone } from '../content/dates.ts';
import { analyticsSchema } from './analytics.ts';
import { contentSettingsSchema } from './content-settings.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a lower-case slug such as "models"' });
const url = z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: 'an absolute http(s) URL' });
const sitePath = z.string({ error: 'a path starting with "/"' }).regex(/^\//, { error: 'a path starting with "/"' });
const count = (min: number, max: number) => {
  const error = `a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

const link = z.strictObject({ label: text('a link label'), href: text('a link target such as "/archive/" or "https://…"') }, { error: 'a link as { label, href }' });
const links = z.array(link, { error: 'a list of { label, href } links' });
// A CSS font-family list; nothing that could end the declaration it is written into.
const fontStack = z.string({ error: 'a CSS font-family list such as "Georgia, serif"' }).regex(/^[^;{}<>\\]+$/, { error: 'a CSS font-family list such as "Georgia, serif"' });

export const categorySchema = z.strictObject({
  slug,
  name: text('a display name'),
  description: text('a one-line description'),
});

/**
 * A newsletter sign-up form that posts straight to the owner's provider (any
 * service that accepts a plain HTML form POST). Off by default; when off, the
 * "Subscribe" blocks point to the feeds instead.
 */
export const newsletterSchema = z
  .strictObject({
    enabled: z.boolean({ error: 'true or false' }).default(false),
    /** The provider's form endpoint, e.g. https://example-provider.com/subscribe/your-list */
    action: url.optional(),
    method: z.enum(['post', 'get'], { error: '"post" or "get"' }).default('post'),
    /** The name the provider expects for the address field. */
    emailField: text('the email field name the provider expects, such as "email"').default('email'),
    /** Extra fields the provider needs (list id, tags...), sent as hidden inputs. */
    hiddenFields: z.record(z.string(), z.string({ error: 'a text value' }), { error: 'an object of field names and text values' }).default({}),
    /** If the provider accepts a "redirect to" field, its name: it is sent the site's /newsletter/thanks/ URL. */
    redirectField: text('a field name such as "redirect_url"').optional(),
    title: text('a heading for the sign-up block').default('Get the newsletter'),
    description: text('one sentence on what subscribers get').default('The week’s most important stories, explained, in one email every Friday.'),
  })
  .refine((n) => !n.enabled || n.action !== undefined, { path: ['action'], error: 'the provider’s form URL (required when the newsletter is enabled)' });

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
    favicon: sitePath.default('/favicon.svg'),
    fonts: z.strictObject({ serif: fontStack.optional(), sans: fontStack.optional() }).default({}),
    nav: links.default([]),
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
    search: z.boolean({ error: 'true or false' }).default(true),
    dateFormat: z.enum(['full', 'long', 'medium', 'short'], { error: 'one of "full", "long", "medium", "short"' }).default('long'),
    footer: z.strictObject({ text: text('a line of footer text').default('© {year} {name}. Built with Broadsheet.'), links: links.default([]) }).prefault({}),
    subscribe: z.strictObject({ title: text('a heading').default('Subscribe'), text: text('a sentence').optional(), links: links.optional() }).prefault({}),
    analytics: analyticsSchema.optional(),
    content: contentSettingsSchema,
    newsletter: newsletterSchema.default({ enabled: false, method: 'post', emailField: 'email', hiddenFields: {}, title: 'Get the newsletter', description: 'The week’s most important stories, explained, in one email every Friday.' }),
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
export type NewsletterConfig = z.output<typeof newsletterSchema>;

/**
 * BROADSHEET_CONFIG: a JSON object whose top-level settings replace the file's
 * (e.g. '{"analytics":null,"search":false}' for a preview). Checked like the file.
 */
function settingsFromEnv(json: string | undefined): Partial<SiteConfigInput> {
  if (!json?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`Broadsheet: BROADSHEET_CONFIG is not valid JSON (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('Broadsheet: BROADSHEET_CONFIG must be a JSON object of settings, such as {"search": false}');
  // null means "leave the setting out" (e.g. switch analytics off).
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null ? undefined : v]));
}

/**
 * Validates the config and throws one error listing every problem, with what was found.
 * The SITE_URL environment variable, when set, replaces `url`: one config serves
 * a deploy preview, a GitHub Pages project site (https://user.github.io/repo/)
 * and production. BROADSHEET_CONFIG replaces whole settings (see settingsFromEnv).
 */
export function defineSiteConfig(input: SiteConfigInput, file = 'src/site.config.ts', env: Record<string, string | undefined> = globalThis.process?.env ?? {}): SiteConfig {
  const siteUrl = env['SITE_URL']?.trim();
  const checked = { ...input, ...settingsFromEnv(env['BROADSHEET_CONFIG']), ...(siteUrl ? { url: siteUrl } : {}) };
  const result = siteConfigSchema.safeParse(checked);
  if (result.success) return result.data;
  const problems = issuesToProblems(file, checked, result.error.issues, siteConfigSchema);
  const lines = problems.map((p) => `  - ${p.field}: expected ${p.expected.replace(/^Invalid input: expected /, '')}, found ${p.found}`);
  throw new Error(`Broadsheet: ${file} has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
