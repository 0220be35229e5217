/** Structured data for search engines, serialised safely for a <script> element. */

/**
 * JSON with every character that could end the script element or open a
 * comment escaped, so author text can never break out of it.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface SiteInfo {
  name: string;
  url: string;
  logoUrl: string;
}

export interface ArticleInfo {
  url: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  imageUrls: string[];
  /** The hero's caption and credit, attached to the last image (the hero) as an ImageObject. */
  heroCaption?: string | undefined;
  heroCredit?: string | undefined;
  authors: { name: string; url: string }[];
  section: string;
  keywords: string[];
}

export function organization(site: SiteInfo) {
  return { '@type': 'Organization', name: site.name, url: site.url, logo: { '@type': 'ImageObject', url: site.logoUrl } };
}

export function newsArticle(article: ArticleInfo, site: SiteInfo) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    headline: article.title,
    description: article.description,
    image: articleImages(article),
    datePublished: article.pubDate.toISOString(),
    dateModified: (article.updatedDate ?? article.pubDate).toISOString(),
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url })),
    publisher: organization(site),
    articleSection: article.section,
    keywords: article.keywords.join(', '),
  };
}

/** Image URLs; the hero (last) becomes an ImageObject when it has a caption or credit. */
function articleImages(article: ArticleInfo): (string | Record<string, string>)[] {
  const { imageUrls, heroCaption, heroCredit } = article;
  if (imageUrls.length < 2 || (!heroCaption && !heroCredit)) return imageUrls;
  const hero = {
    '@type': 'ImageObject', url: imageUrls.at(-1)!,
    ...(heroCaption ? { caption: heroCaption } : {}),
    ...(heroCredit ? { creditText: heroCredit } : {}),
  };
  return [...imageUrls.slice(0, -1), hero];
}

export function breadcrumbList(crumbs: readonly { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: crumb.url })),
  };
}

export function webSite(site: SiteInfo & { description: string; language: string }) {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: site.name, url: site.url, description: site.description, inLanguage: site.language, publisher: organization(site) };
}
