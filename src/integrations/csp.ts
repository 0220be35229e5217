/**
 * Astro's Content-Security-Policy (`security.csp`), delivered as a
 * <meta http-equiv> tag on every page. Astro hashes the scripts and styles it
 * bundles or inlines itself; this adds what it cannot see:
 *  - the hash of the inline no-flash theme script (`is:inline` is not hashed);
 *  - 'wasm-unsafe-eval', which Pagefind needs to compile its WebAssembly;
 *  - inline `style` attributes (Shiki's dual-theme colours, the accent colour on
 *    <html>) via style-src-attr 'unsafe-inline'; <style> elements stay hashed.
 *  - when analytics is on, its script and reporting origins (src/lib/config/analytics.ts).
 * `frame-ancestors`, `report-uri` and `sandbox` are ignored in a meta tag, so
 * they are not set here; add them as HTTP headers at the host if needed.
 */
import type { AstroUserConfig } from 'astro';
import { createHash } from 'node:crypto';
import { THEME_INIT_SCRIPT } from '../lib/theme/init-script.ts';
import { analyticsOrigins, type Analytics } from '../lib/config/analytics.ts';
import site from '../site.config.ts';

export const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}` as const;

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * `analytics` (from the site config) adds the origins its script loads from and
 * reports to; `html` (the site's content.html) adds its image and frame hosts to
 * img-src and frame-src. Nothing else is third-party.
 */
export function cspConfig(analytics?: Analytics, html: { imageHosts?: readonly string[]; frameHosts?: readonly string[] } = {}): CspOptions {
  const extra = analyticsOrigins(analytics);
  const hosts = (list: readonly string[] = []) => list.map((host) => ` https://${host}`).join('');
  return {
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      `img-src 'self' data:${extra.img.map((o) => ` ${o}`).join('')}${hosts(html.imageHosts)}` as const,
      ...(extra.connect.length ? [`connect-src 'self' ${extra.connect.join(' ')}` as const] : []),
      ...(html.frameHosts?.length ? [`frame-src${hosts(html.frameHosts)}` as const] : []),
      "object-src 'none'",
      "base-uri 'self'",
      // The newsletter form posts to the owner's provider: allow exactly that origin.
      `form-action 'self'${site.newsletter.enabled && site.newsletter.action ? ` ${new URL(site.newsletter.action).origin}` : ''}`,
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'", ...extra.script],
      hashes: [sha256(THEME_INIT_SCRIPT)],
    },
    styleDirective: {
      resources: [
        { resource: "'self'", kind: 'element' },
        { resource: "'unsafe-inline'", kind: 'attribute' },
      ],
    },
  };
}
