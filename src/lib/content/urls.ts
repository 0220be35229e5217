/** The URL scheme. Every page and feed builds its links here. */

const withPage = (base: string, page: number) => (page > 1 ? `${base}${page}/` : base);

export const urls = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  category: (slug: string, page = 1) => withPage(`/category/${slug}/`, page),
  tag: (tag: string, page = 1) => withPage(`/tags/${tag}/`, page),
  tags: () => '/tags/',
  author: (id: string, page = 1) => withPage(`/authors/${id}/`, page),
  authors: () => '/authors/',
  archive: () => '/archive/',
  search: () => '/search/',
  feed: (sectionPath = '/') => `${sectionPath}rss.xml`,
  jsonFeed: () => '/feed.json',
  feeds: () => '/feeds/',
  newsletterThanks: () => '/newsletter/thanks/',
  sitemap: () => '/sitemap-index.xml',
  og: (slug: string) => `/og/${slug}.png`,
};

/** Resolves a site path against the configured site URL. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
