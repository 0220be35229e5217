import { absoluteUrl, urls } from '../content/urls.ts';

/** robots.txt: everything may be crawled but search results; the sitemap index is announced. */
export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Allow: /', `Disallow: ${urls.search()}`, '', `Sitemap: ${absoluteUrl(siteUrl, urls.sitemap())}`, ''].join('\n');
}
