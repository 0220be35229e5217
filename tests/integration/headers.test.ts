/**
 * public/_headers reaches the built site, and its CSP header only repeats
 * rules the per-page CSP <meta> tag also sets, plus frame-ancestors (which a
 * meta tag cannot carry): the two policies never disagree.
 */
import { describe, expect, inject, it } from 'vitest';
import { readOut } from '../support/build.ts';
import { page } from '../support/dom.ts';

const out = inject('siteOut');
const headers = readOut(out, '_headers');
const headerValue = (name: string) => new RegExp(`^\\s+${name}: (.+)$`, 'm').exec(headers)?.[1];

describe('response headers for hosts', () => {
  it('sets the security headers on every path and a year of caching on hashed assets', () => {
    expect(headerValue('X-Content-Type-Options')).toBe('nosniff');
    expect(headerValue('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headerValue('Permissions-Policy')).toContain('camera=()');
    expect(headers).toMatch(/^\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it("carries frame-ancestors and otherwise only directives the page's meta CSP has too", () => {
    const header = headerValue('Content-Security-Policy')!.split(';').map((d) => d.trim());
    expect(header).toContain("frame-ancestors 'none'");
    const meta = page(out, 'index.html').querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const metaDirectives = meta.split(';').map((d) => d.trim());
    for (const directive of header.filter((d) => !d.startsWith('frame-ancestors'))) expect(metaDirectives, directive).toContain(directive);
  });
});
