/** Head metadata and JSON-LD for pages, from plain views plus the site config. */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { abs, urls } from './urls.ts';
import { breadcrumbList, newsArticle, webSite, type SiteInfo } from '../lib/seo/json-ld.ts';
import site from '../site.config.ts';
import type { ArticleView } from './articles.ts';

export { abs };
export const siteInfo: SiteInfo = { name: site.name, url: abs(urls.home()), logoUrl: abs(site.logo) };

/** A 1200×630 JPEG for social previews, cropped from the hero. */
export async function socialImage(src: ImageMetadata, alt: string) {
  const image = await getImage({ src, width: 1200, height: 630, fit: 'cover', format: 'jpeg', quality: 80 });
  return { url: abs(image.src), alt, width: 1200, height: 630 };
}

export interface Crumb { name: string; path: string }

export function breadcrumbJsonLd(crumbs: Crumb[]) {
  return breadcrumbList(crumbs.map((c) => ({ name: c.name, url: abs(c.path) })));
}

export function websiteJsonLd() {
  return webSite({ ...siteInfo, description: site.description, language: site.language });
}

export async function articleHead(article: ArticleView, crumbs: Crumb[]) {
  // The per-article social card (src/pages/og/[slug].png.ts) leads; the cropped hero stays a second JSON-LD image.
  const image = { url: abs(urls.og(article.id)), alt: article.title, width: 1200, height: 630 };
  const hero = article.hero ? await socialImage(article.hero.src, article.hero.alt) : undefined;
  const canonical = article.canonicalUrl ?? abs(article.url);
  const jsonLd = [
    newsArticle(
      {
        url: canonical,
        title: article.title,
        description: article.description,
        pubDate: article.pubDate,
        updatedDate: article.updatedDate,
        imageUrls: hero ? [image.url, hero.url] : [image.url],
        heroCaption: article.hero?.caption,
        heroCredit: article.hero?.credit,
        authors: article.authors.map((a) => ({ name: a.name, url: abs(a.url) })),
        section: article.categoryInfo.name,
        keywords: article.tags,
      },
      siteInfo,
    ),
    breadcrumbJsonLd(crumbs),
  ];
  return {
    title: article.title,
    description: article.description,
    path: article.url,
    canonicalUrl: article.canonicalUrl,
    image,
    type: 'article' as const,
    article: { published: article.pubDate, modified: article.updatedDate, authors: article.authors.map((a) => a.name), section: article.categoryInfo.name, tags: article.tags },
    jsonLd,
  };
}
