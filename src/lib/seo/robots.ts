/** robots.txt: everything may be crawled; the sitemap index is announced. */
export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /search/', '', `Sitemap: ${new URL('/sitemap-index.xml', siteUrl).href}`, ''].join('\n');
}
