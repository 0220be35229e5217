/**
 * `content` in the site config: how far article bodies are trusted, and the
 * additions to the author-HTML allow-list (src/lib/html/policy.ts).
 */
import { z } from 'astro/zod';
import { NEVER_TAGS, isForbiddenAttribute } from '../html/policy.ts';

const host = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'a host name such as "images.example.com" (no scheme, path or port)' });
const tagName = z.string().regex(/^(\*|[a-z][a-z0-9-]*)$/, { error: 'a lower-case element name such as "iframe"' });
const attrName = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'a lower-case attribute name such as "title"' });

export const contentSettingsSchema = z
  .strictObject({
    /**
     * 'trusted' (default): MDX bodies are code, run at build time, like the theme.
     * 'untrusted': bodies may not use import/export or {expressions}; components
     * from mdxComponents and Markdown still work. The environment variable
     * BROADSHEET_CONTENT_TRUST=untrusted forces it (e.g. for contributors' pull requests).
     */
    trust: z.enum(['trusted', 'untrusted'], { error: '"trusted" or "untrusted"' }).default('trusted'),
    html: z
      .strictObject({
        allow: z
          .record(tagName, z.array(attrName, { error: 'a list of attribute names' }), { error: 'elements mapped to their allowed attributes, e.g. { iframe: ["src", "title"] }' })
          .superRefine((allow, ctx) => {
            for (const [tag, names] of Object.entries(allow)) {
              if ((NEVER_TAGS as readonly string[]).includes(tag)) ctx.addIssue({ code: 'custom', path: [tag], message: `an element that can be allowed ("${tag}" can never be: it can redirect, run code or post data)` });
              names.forEach((name, i) => {
                if (isForbiddenAttribute(name)) ctx.addIssue({ code: 'custom', path: [tag, i], message: `an attribute that can be allowed ("${name}" can never be: event handlers, style, srcdoc and data-pagefind-* stay the theme's)` });
              });
            }
          })
          .default({}),
        imageHosts: z.array(host).default([]),
        frameHosts: z.array(host).default([]),
      })
      .default({ allow: {}, imageHosts: [], frameHosts: [] }),
  })
  .default({ trust: 'trusted', html: { allow: {}, imageHosts: [], frameHosts: [] } });

export type ContentSettings = z.output<typeof contentSettingsSchema>;

/** The trust level in force: the environment can only make it stricter. */
export function effectiveTrust(settings: ContentSettings, env: Record<string, string | undefined> = process.env): 'trusted' | 'untrusted' {
  return env['BROADSHEET_CONTENT_TRUST']?.trim().toLowerCase() === 'untrusted' ? 'untrusted' : settings.trust;
}
