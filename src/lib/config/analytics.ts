/**
 * Analytics: off unless the site config names a provider. When on, it is the
 * one third-party script on the site, loaded with `defer` (never blocking the
 * page), and the Content-Security-Policy gains exactly the origins it needs.
 */
import { z } from 'astro/zod';

const https = (what: string) => z.string({ error: `${what} as an https URL` }).refine((v) => /^https:\/\//.test(v) && URL.canParse(v), { error: `${what} as an https URL` });
const hostname = z.string({ error: 'a host name such as "example.com"' }).regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, { error: 'a host name such as "example.com"' });

export const analyticsSchema = z.discriminatedUnion(
  'provider',
  [
    z.strictObject({ provider: z.literal('plausible'), domain: hostname, src: https('the script').default('https://plausible.io/js/script.js') }),
    z.strictObject({ provider: z.literal('umami'), websiteId: z.uuid({ error: 'the website id (a UUID)' }), src: https('the script') }),
    z.strictObject({ provider: z.literal('goatcounter'), code: z.string({ error: 'your GoatCounter code' }).regex(/^[a-z0-9-]+$/, { error: 'your GoatCounter code' }) }),
    z.strictObject({
      provider: z.literal('script'),
      src: https('the script'),
      attributes: z.record(z.string().regex(/^data-[a-z0-9-]+$/, { error: 'a data-* attribute name' }), z.string()).default({}),
      connect: z.array(https('an endpoint'), { error: 'a list of endpoint URLs' }).default([]),
    }),
  ],
  { error: 'analytics as { provider: "plausible" | "umami" | "goatcounter" | "script", … }' },
);

export type Analytics = z.output<typeof analyticsSchema>;

/** The <script> to add to every page: its URL and data- attributes. */
export function analyticsScript(a: Analytics): { src: string; attributes: Record<string, string> } {
  switch (a.provider) {
    case 'plausible': return { src: a.src, attributes: { 'data-domain': a.domain } };
    case 'umami': return { src: a.src, attributes: { 'data-website-id': a.websiteId } };
    case 'goatcounter': return { src: 'https://gc.zgo.at/count.js', attributes: { 'data-goatcounter': `https://${a.code}.goatcounter.com/count` } };
    case 'script': return { src: a.src, attributes: a.attributes };
  }
}

const origin = (url: string) => new URL(url).origin;
const unique = (values: string[]) => [...new Set(values)];

/** Origins the CSP must allow: where the script comes from and where it reports (as fetch/beacon, or as an image pixel). */
export function analyticsOrigins(a: Analytics | undefined): { script: string[]; connect: string[]; img: string[] } {
  if (!a) return { script: [], connect: [], img: [] };
  const { src, attributes } = analyticsScript(a);
  const endpoint = a.provider === 'goatcounter' ? [origin(attributes['data-goatcounter']!)] : a.provider === 'script' ? a.connect.map(origin) : [origin(src)];
  return { script: [origin(src)], connect: unique(endpoint), img: a.provider === 'goatcounter' ? unique(endpoint) : [] };
}
