// Inputs for @astrojs/rss. How it serialises (checked against its dist source,
// v4.0.19):
// - title, description, categories, content and attributes are escaped by
//   fast-xml-parser's XMLBuilder: pass plain strings, never pre-escaped XML.
// - content becomes <content:encoded> as escaped text, not CDATA, so `]]>` in
//   an article is harmless.
// - customData is NOT raw: it is parsed with XMLParser and rebuilt. Named
//   entities are decoded and re-escaped, numeric references are not decoded
//   (they would be double-escaped), text is trimmed, and text that looks like
//   a number or boolean is coerced ("007" comes out as "7"). Hence escapeXml
//   with named entities only.
// - Control characters are passed through verbatim, producing invalid XML, so
//   every string is cleaned here first.
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { rfc3339, rssDate, newestDate } from './dates.ts';
import { absoluteUrl, basePath, urlScheme } from '../content/urls.ts';
import { toFeedItems } from './feed-items.ts';
import type { ArticleRecord, FeedItem, FeedSelection, FeedSite } from './types.ts';
import { cleanText, escapeHtmlText, escapeXml } from './xml-text.ts';

export const RSS_NAMESPACES = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

export const RSS_STYLESHEET = '/rss.xsl';
export const DEFAULT_GENERATOR = 'Broadsheet (Astro)';

function isByteLength(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

function itemCustomData(item: FeedItem): string {
  const parts = item.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`);
  // RSS has no "updated" element; DC Terms' `modified` says exactly that.
  if (item.modified) parts.push(`<dcterms:modified>${rfc3339(item.modified)}</dcterms:modified>`);
  if (item.image) {
    const { url, type, length } = item.image;
    const size = isByteLength(length) ? ` fileSize="${length}"` : '';
    const mime = type ? ` type="${escapeXml(type)}"` : '';
    parts.push(`<media:content url="${escapeXml(url)}"${mime}${size} medium="image"/>`);
  }
  return parts.join('');
}

/** One FeedItem in the shape @astrojs/rss's `items` expects. */
export function toRssItem(item: FeedItem): RSSFeedItem {
  const rssItem: RSSFeedItem = {
    // RSS needs a title or a description; fall back to the permalink.
    title: item.title || item.url,
    link: item.url,
    pubDate: item.published,
    content: item.contentHtml,
    categories: item.categories,
    customData: itemCustomData(item),
  };
  // RSS <description> is HTML to readers; escape the plain-text dek so `<` and
  // `&` in it are shown, not interpreted. (XMLBuilder then escapes for XML.)
  if (item.summary) rssItem.description = escapeHtmlText(item.summary);
  if (item.image && item.image.type && isByteLength(item.image.length)) {
    rssItem.enclosure = { url: item.image.url, type: item.image.type, length: item.image.length };
  }
  return rssItem;
}

/**
 * Published records, newest first, limited, as @astrojs/rss items: the whole
 * pipeline for one feed in one call (tests use it; the site builds items once
 * and passes them to rssChannel).
 */
export function toRssItems(
  records: readonly ArticleRecord[],
  site: FeedSite,
  selection: FeedSelection,
): RSSFeedItem[] {
  return toFeedItems(records, site, selection).map(toRssItem);
}

export interface RssFeedOptions {
  /**
   * The feed's items, already selected and prepared (selectFeedRecords +
   * toFeedItem, or toFeedItems), in the order to list them. Listed as given.
   */
  items: readonly FeedItem[];
  /**
   * The feed itself, for <atom:link rel="self">: a site path such as
   * `/category/models/rss.xml` (what the site passes) or an absolute URL.
   */
  feedUrl: string;
  /** Defaults to the site name (e.g. pass "Broadsheet — Security" for a category feed). */
  title?: string | undefined;
  /** Defaults to the site description. */
  description?: string | undefined;
  /** A site path or URL; defaults to '/rss.xsl' (under the site's base path); pass false for no stylesheet. */
  stylesheet?: string | false | undefined;
  generator?: string | undefined;
}

function isSvg(url: string): boolean {
  return /\.svgz?(?:[?#]|$)/i.test(url);
}

/** The site's home page with a trailing slash, as @astrojs/rss writes <link>. */
export function channelLink(site: FeedSite): string {
  const url = new URL(site.url);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * Complete options for `rss()` / `getRssString()`, items included, so the
 * channel's lastBuildDate is computed from exactly the items listed. It is the
 * newest publish/update date among them: deterministic, not "now". Selection
 * is the caller's: `feed.items` is listed as given.
 */
export function rssChannel(site: FeedSite, feed: RssFeedOptions): RSSOptions {
  const { items } = feed;
  const title = cleanText(feed.title ?? site.name);
  const link = channelLink(site);
  const lastBuild = newestDate(items.flatMap((i) => [i.published, i.modified]));

  const channelData = [
    `<language>${escapeXml(cleanText(site.language))}</language>`,
    lastBuild ? `<lastBuildDate>${rssDate(lastBuild)}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(absoluteUrl(site.url, feed.feedUrl))}" rel="self" type="application/rss+xml"/>`,
    // RSS 2.0 only allows GIF, JPEG or PNG here; an SVG logo is left out.
    site.logoUrl && !isSvg(site.logoUrl)
      ? `<image><url>${escapeXml(absoluteUrl(site.url, site.logoUrl))}</url>` +
        `<title>${escapeXml(title)}</title><link>${escapeXml(link)}</link></image>`
      : '',
    `<generator>${escapeXml(cleanText(feed.generator ?? DEFAULT_GENERATOR))}</generator>`,
  ];

  // A site path: under a base path the stylesheet lives under it too.
  const sheet = feed.stylesheet ?? RSS_STYLESHEET;
  const stylesheet = sheet && urlScheme(basePath(site.url)).link(sheet);
  return {
    title,
    description: cleanText(feed.description ?? site.description),
    site: site.url,
    xmlns: { ...RSS_NAMESPACES },
    ...(stylesheet ? { stylesheet } : {}),
    customData: channelData.join(''),
    items: items.map(toRssItem),
  };
}
