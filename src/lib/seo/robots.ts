import { siteUrls } from '../content/urls.ts';

/** robots.txt: everything may be crawled but search results; the sitemap index is announced. Under a base path, both keep it. */
export function robotsTxt(siteUrl: string): string {
  const urls = siteUrls(siteUrl);
  return ['User-agent: *', 'Allow: /', `Disallow: ${urls.search()}`, '', `Sitemap: ${urls.absolute(urls.sitemap())}`, ''].join('\n');
}
