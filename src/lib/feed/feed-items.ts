// Selection and cleaning shared by every feed format. A feed selects once
// (selectFeedRecords) and turns each selected record into a FeedItem once
// (toFeedItem); rssChannel and toJsonFeed only serialise those items, so RSS and
// JSON Feed list the same items in the same order.
import { byNewest, isVisible } from '../content/publishing.ts';
import { absoluteUrl } from '../content/urls.ts';
import { isValidDate } from './dates.ts';
import { prepareFeedHtml } from './sanitize.ts';
import type { ArticleRecord, FeedImage, FeedItem, FeedSelection, FeedSite } from './types.ts';
import { cleanText } from './xml-text.ts';

export const DEFAULT_FEED_LIMIT = 50;

/**
 * Published records only, newest first, then capped at `limit`. "Published"
 * and "newest first" are the site's own rules (isVisible and byNewest from
 * src/lib/content/publishing.ts, the record's slug as its id), applied as in a
 * production build whatever the environment: feeds never list drafts or
 * scheduled articles. Records with an invalid pubDate are dropped as well.
 */
export function selectFeedRecords(records: readonly ArticleRecord[], selection: FeedSelection): ArticleRecord[] {
  const { now } = selection;
  const limit = selection.limit ?? DEFAULT_FEED_LIMIT;
  if (!isValidDate(now)) throw new TypeError('feed selection: `now` must be a valid Date');
  return records
    .filter((record) => isValidDate(record.pubDate))
    .map((record) => ({ record, id: record.slug, pubDate: record.pubDate, draft: record.draft === true }))
    .filter((entry) => isVisible(entry, { now, includeUnpublished: false }))
    .sort(byNewest)
    .slice(0, Math.max(0, Math.floor(limit)))
    .map((entry) => entry.record);
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
    url: absoluteUrl(site.url, image.url),
    type: cleanText(image.type),
    length: image.length,
  };
}

/**
 * Turn one record into a FeedItem: absolute URLs, safe HTML, clean text. The
 * result depends only on the record and the site, not on which feed lists it,
 * so a build can make it once per article and share it (see feedItemCache).
 */
export function toFeedItem(record: ArticleRecord, site: FeedSite, contentHtml?: string): FeedItem {
  const url = absoluteUrl(site.url, record.url);
  const modified =
    isValidDate(record.updatedDate) && record.updatedDate.getTime() > record.pubDate.getTime()
      ? record.updatedDate
      : undefined;
  return {
    id: url,
    url,
    title: cleanText(record.title),
    summary: cleanText(record.description),
    // Given when prepared elsewhere (a worker thread: src/data/feed-prep.ts), by this same function.
    contentHtml: contentHtml ?? prepareFeedHtml(record.html, url, site.url, site.html),
    published: record.pubDate,
    modified,
    authors: record.authors
      .map((a) => ({ id: a.id, name: cleanText(a.name) }))
      .filter((a) => a.name !== ''),
    categories: feedCategories(record),
    image: feedImage(record.image, site),
  };
}

/** selectFeedRecords + toFeedItem, for callers that prepare each feed on its own. */
export function toFeedItems(
  records: readonly ArticleRecord[],
  site: FeedSite,
  selection: FeedSelection,
): FeedItem[] {
  return selectFeedRecords(records, selection).map((r) => toFeedItem(r, site));
}

/** toFeedItem memoised by article id, with a count of the feeds still to list each item. */
export interface FeedItemCache<T> {
  (source: T): Promise<FeedItem>;
  /** One more feed will list these ids: their items stay cached until it is done. */
  expect(ids: Iterable<string>): void;
  /** A feed listing these ids is written: an expected item no other feed still lists is dropped. */
  done(ids: Iterable<string>): void;
  /** Whether an announced feed still has to list this id. */
  expected(id: string): boolean;
  /**
   * Starts an item ahead of the feeds that list it, its HTML prepared by `prepareAhead`
   * when given (a worker thread: src/data/feed-prep.ts); the feeds then find it made.
   */
  start(source: T): Promise<FeedItem>;
}

/**
 * toFeedItem memoised by article id, for a build in which one article appears
 * in several feeds (the site feed, its category, tag and author feeds).
 * `load` fetches the full record (rendered HTML, hero image); it runs, and the
 * HTML is sanitised and absolutised, once per id (for an item started ahead,
 * by `prepareAhead` when given: prepareFeedHtml with `site.html`, run elsewhere). The first call for an id
 * wins, so callers must pass the same article for the same id. A failed load
 * is forgotten, so a later call (a rebuild in dev) tries again.
 *
 * A build that announces its feeds up front (`expect`, then `done` as each is
 * written) holds an item only until the last feed listing it is written, not
 * every full-content item until the end of the build. Items nobody announced
 * are kept, as before.
 */
export function feedItemCache<T extends { id: string }>(
  site: FeedSite,
  load: (source: T) => Promise<ArticleRecord>,
  prepareAhead?: (html: string, articleUrl: string, siteUrl: string) => Promise<string>,
): FeedItemCache<T> {
  const items = new Map<string, Promise<FeedItem>>();
  const remaining = new Map<string, number>();
  const get = (source: T, ahead: boolean) => {
    let item = items.get(source.id);
    if (!item) {
      const prepare = ahead ? prepareAhead : undefined;
      item = load(source).then(async (record) => toFeedItem(record, site, prepare && (await prepare(record.html, absoluteUrl(site.url, record.url), site.url))));
      item.catch(() => items.delete(source.id));
      items.set(source.id, item);
    }
    return item;
  };
  // A feed waiting for an item prepares it here: handing it to a worker would only add the hand-over.
  const item = (source: T) => get(source, false);
  item.start = (source: T) => get(source, true);
  item.expect = (ids: Iterable<string>) => {
    for (const id of ids) remaining.set(id, (remaining.get(id) ?? 0) + 1);
  };
  item.expected = (id: string) => remaining.has(id);
  item.done = (ids: Iterable<string>) => {
    for (const id of ids) {
      const left = remaining.get(id);
      if (left === undefined) continue;
      if (left > 1) remaining.set(id, left - 1);
      else {
        remaining.delete(id);
        items.delete(id);
      }
    }
  };
  return item;
}
