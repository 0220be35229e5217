// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), built from FeedItems like
// the RSS feed, so given the same items both list them in the same order.
import { rfc3339 } from './dates.ts';
import { absoluteUrl } from '../content/urls.ts';
import { channelLink } from './rss.ts';
import type { FeedAuthor, FeedItem, FeedSite } from './types.ts';
import { cleanText } from './xml-text.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  image?: string;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  icon?: string;
  favicon?: string;
  language: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

export interface JsonFeedOptions {
  /** This JSON document: a site path such as `/feed.json` (what the site passes) or an absolute URL. */
  feedUrl: string;
  /** Site path or absolute URL; defaults to the site's home page. */
  homePageUrl?: string | undefined;
  /** Defaults to the site name. */
  title?: string | undefined;
  description?: string | undefined;
  /** Author profile URL (site path or absolute); omitted from the feed when not given. */
  authorUrl?: ((author: FeedAuthor) => string | undefined) | undefined;
}

function jsonItem(item: FeedItem, site: FeedSite, options: JsonFeedOptions): JsonFeedItem {
  const out: JsonFeedItem = {
    id: item.id,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    date_published: rfc3339(item.published),
  };
  if (item.summary) out.summary = item.summary;
  if (item.modified) out.date_modified = rfc3339(item.modified);
  if (item.authors.length > 0) {
    out.authors = item.authors.map((a) => {
      const url = options.authorUrl?.(a);
      return url ? { name: a.name, url: absoluteUrl(site.url, url) } : { name: a.name };
    });
  }
  if (item.categories.length > 0) out.tags = item.categories;
  if (item.image) out.image = item.image.url;
  return out;
}

/**
 * A JSON Feed 1.1 object; serialise with JSON.stringify. `items` are already
 * selected and prepared (selectFeedRecords + toFeedItem, or toFeedItems) and
 * are listed as given.
 */
export function toJsonFeed(
  items: readonly FeedItem[],
  site: FeedSite,
  options: JsonFeedOptions,
): JsonFeed {
  const home = options.homePageUrl ? absoluteUrl(site.url, options.homePageUrl) : channelLink(site);
  const feed: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: cleanText(options.title ?? site.name),
    home_page_url: home,
    feed_url: absoluteUrl(site.url, options.feedUrl),
    language: cleanText(site.language),
    authors: [{ name: cleanText(site.name), url: channelLink(site) }],
    items: items.map((item) => jsonItem(item, site, options)),
  };
  const description = cleanText(options.description ?? site.description);
  if (description) feed.description = description;
  if (site.logoUrl) feed.icon = absoluteUrl(site.url, site.logoUrl);
  const favicon = site.faviconUrl ?? site.logoUrl;
  if (favicon) feed.favicon = absoluteUrl(site.url, favicon);
  return feed;
}
