// Feed HTML is shown by readers we do not control, so it goes through the same
// allow-list as author HTML on the pages (src/lib/html/policy.ts): no scripts,
// styles, embeds, forms, event handlers or search metadata.
import { htmlPolicy, type HtmlPolicy } from '../html/policy.ts';
import { sanitizeAuthorHtml } from '../html/sanitize-html.ts';
import { absolutizingTransform } from './absolutize.ts';
import { absoluteUrl } from '../content/urls.ts';
import { stripXmlInvalidChars } from './xml-text.ts';

const BASE_POLICY = htmlPolicy();

/**
 * Reduce untrusted article HTML to the allow-list and remove characters
 * XML 1.0 forbids (decoded entities such as `&#1;` included, hence after
 * sanitising). URLs are not made absolute, so relative links would break in a
 * reader: the feeds use prepareFeedHtml; this is the sanitising half on its
 * own, for tests.
 */
export function sanitizeFeedHtml(html: string, policy: HtmlPolicy = BASE_POLICY): string {
  return stripXmlInvalidChars(sanitizeAuthorHtml(html, policy));
}

/**
 * Sanitise and absolutise in one parse. `articleUrl` may be site-relative; it is
 * resolved against `siteUrl`, and the result is the base for relative URLs.
 * Absolutising runs before the URL check, so the check sees final URLs; the
 * site's own host counts as an allowed image host.
 */
export function prepareFeedHtml(html: string, articleUrl: string, siteUrl: string, policy: HtmlPolicy = BASE_POLICY): string {
  const base = new URL(absoluteUrl(siteUrl, articleUrl));
  return stripXmlInvalidChars(sanitizeAuthorHtml(html, policy, { transform: absolutizingTransform(base), ownHosts: [base.hostname] }));
}
