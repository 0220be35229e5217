// One selection and cleaning step shared by every feed format, so RSS and
// JSON Feed always list the same items in the same order.
import { isValidDate } from './dates.ts';
import { prepareFeedHtml } from './sanitize.ts';
import type { ArticleRecord, FeedImage, FeedItem, FeedSelection, FeedSite } from './types.ts';
import { cleanText } from './xml-text.ts';

export const DEFAULT_FEED_LIMIT = 50;

/**
 * Published records only (no drafts, nothing dated after `now`, no invalid
 * dates), newest first, then capped at `limit`. Ties are broken by slug so the
 * output does not depend on input order.
 */
export function selectFeedRecords(records: readonly ArticleRecord[], selection: FeedSelection): ArticleRecord[] {
  const now = selection.now.getTime();
  const limit = selection.limit ?? DEFAULT_FEED_LIMIT;
  if (!Number.isFinite(now)) throw new TypeError('feed selection: `now` must be a valid Date');
  return records
    .filter((r) => r.draft !== true && isValidDate(r.pubDate) && r.pubDate.getTime() <= now)
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || compareStrings(a.slug, b.slug))
    .slice(0, Math.max(0, Math.floor(limit)));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Resolve a possibly site-relative URL against the site URL. */
export function absoluteSiteUrl(url: string, site: FeedSite): string {
  return new URL(url, site.url).href;
}

/** Category name first, then tags: cleaned, empty ones dropped, first spelling wins. */
export function feedCategories(record: ArticleRecord): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [record.category.name, ...record.tags]) {
    const name = cleanText(raw);
    const key = name.toLocaleLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function feedImage(image: FeedImage | undefined, site: FeedSite): FeedImage | undefined {
  if (!image || !image.url) return undefined;
  return {
    url: absoluteSiteUrl(image.url, site),
    type: cleanText(image.type),
    length: image.length,
  };
}

/** Turn one record into a FeedItem: absolute URLs, safe HTML, clean text. */
export function toFeedItem(record: ArticleRecord, site: FeedSite): FeedItem {
  const url = absoluteSiteUrl(record.url, site);
  const modified =
    isValidDate(record.updatedDate) && record.updatedDate.getTime() > record.pubDate.getTime()
      ? record.updatedDate
      : undefined;
  return {
    id: url,
    url,
    title: cleanText(record.title),
    summary: cleanText(record.description),
    contentHtml: prepareFeedHtml(record.html, url, site.url),
    published: record.pubDate,
    modified,
    authors: record.authors
      .map((a) => ({ id: a.id, name: cleanText(a.name) }))
      .filter((a) => a.name !== ''),
    categories: feedCategories(record),
    image: feedImage(record.image, site),
  };
}

/** selectFeedRecords + toFeedItem. */
export function toFeedItems(
  records: readonly ArticleRecord[],
  site: FeedSite,
  selection: FeedSelection,
): FeedItem[] {
  return selectFeedRecords(records, selection).map((r) => toFeedItem(r, site));
}
