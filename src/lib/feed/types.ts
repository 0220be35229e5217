// Plain data shapes the feed library works on. Endpoints map content entries
// onto ArticleRecord; nothing here knows about Astro collections.
import type { HtmlPolicy } from '../html/policy.ts';

export interface FeedAuthor {
  id: string;
  name: string;
}

export interface FeedCategory {
  slug: string;
  name: string;
}

export interface FeedImage {
  /** Site-relative (`/images/x.jpg`) or absolute. */
  url: string;
  /** MIME type, e.g. `image/jpeg`. */
  type: string;
  /** File size in bytes (RSS enclosures require it). */
  length: number;
}

export interface ArticleRecord {
  slug: string;
  title: string;
  /** The dek: one or two plain-text sentences. */
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  authors: FeedAuthor[];
  category: FeedCategory;
  tags: string[];
  /** Permalink: a site path (`/articles/x/`, what the site passes) or an absolute URL; resolved against the site URL. */
  url: string;
  /** Rendered article HTML; untrusted (relative URLs, possibly hostile markup). */
  html: string;
  image?: FeedImage | undefined;
  draft?: boolean | undefined;
}

export interface FeedSite {
  name: string;
  description: string;
  /**
   * Absolute site URL, e.g. `https://example.com` or `https://example.com/blog`
   * (the site's `site.url`, stored without a trailing slash). Links and site
   * paths are made absolute with absoluteUrl (src/lib/content/urls.ts), which
   * keeps the base path: `/logo.png` becomes `https://example.com/blog/logo.png`.
   */
  url: string;
  /** BCP 47 tag, e.g. `en-GB`. */
  language: string;
  /** Site-relative or absolute. */
  logoUrl: string;
  /** Optional small square icon for JSON Feed `favicon`; falls back to logoUrl. */
  faviconUrl?: string | undefined;
  /** The author-HTML allow-list (site config `content.html`); the base list when absent. */
  html?: HtmlPolicy | undefined;
}

/** Which records make it into a feed (selectFeedRecords). */
export interface FeedSelection {
  /** Anything published after this instant is left out (scheduled posts). */
  now: Date;
  /** Maximum number of items, applied after sorting newest first. Default 50. */
  limit?: number | undefined;
}

/** A record after selection and cleaning: every field is safe to serialise. */
export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  /** Only set when the article was updated after publication. */
  modified?: Date | undefined;
  authors: FeedAuthor[];
  /** Category name first, then tags, without duplicates. */
  categories: string[];
  image?: FeedImage | undefined;
}
