/**
 * What the feed endpoints share: the site as the feed library sees it, the
 * mapping from ArticleView to the library's ArticleRecord (full HTML and an
 * optimised hero enclosure), the per-build cache of prepared items, and the
 * two responses. Endpoints only choose
 * which articles go in and what the feed is called.
 */
import type { ImageMetadata } from 'astro';
import { getConfiguredImageService, getImage, imageConfig } from 'astro:assets';
import rss from '@astrojs/rss';
import { imageSourceFile } from './image-file.ts';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  feedItemCache, rssChannel, selectFeedRecords, toJsonFeed,
  type ArticleRecord, type FeedImage, type FeedItem, type FeedSite,
} from '../lib/feed/index.ts';
import { urls } from './urls.ts';
import site from '../site.config.ts';
import { htmlPolicy } from '../lib/html/policy.ts';
import { getArticles, now as buildNow, onArticleRendered, type ArticleView } from './articles.ts';
import { articleFeedHtml } from './feed-html.ts';
import { workerPreparer } from './feed-prep.ts';

/**
 * `BROADSHEET_FEEDS=off` builds the site without any feed files (used to
 * measure what feeds cost). Dynamic feed routes then list no paths and the two
 * site-wide endpoints answer with an empty body, which Astro does not write.
 */
export function feedsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const value = (env['BROADSHEET_FEEDS'] ?? '').trim().toLowerCase();
  return !['off', '0', 'false', 'no'].includes(value);
}

/** The response of a site-wide feed endpoint when feeds are switched off: no file. */
export function noFeed(): Response {
  return new Response(null, { status: 404 });
}

/** PNG, because RSS 2.0's <image> only allows GIF, JPEG or PNG (see scripts/make-logo-png.mjs). */
export const FEED_LOGO = '/logo.png';

export const feedSite: FeedSite = {
  name: site.name,
  description: site.description,
  url: site.url,
  language: site.language,
  logoUrl: FEED_LOGO,
  // Feeds and article pages share one author-HTML allow-list.
  html: htmlPolicy(site.content.html),
};

/** Hero enclosures are re-encoded as JPEG (what every reader can show) at most this wide. */
export const FEED_IMAGE_WIDTH = 1200;

const MIME: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
};

const runtimeLogger = {
  info: (msg: string) => console.info(msg),
  warn: (msg: string) => console.warn(msg),
  error: (msg: string) => console.error(msg),
};

function sourcePath(src: ImageMetadata): string {
  const fsPath = imageSourceFile(src);
  if (!fsPath) throw new Error(`feeds: hero image ${src.src} has no source file path`);
  return fsPath;
}

/**
 * The hero as a feed enclosure: an optimised JPEG from astro:assets (so the URL
 * is a file Astro writes to dist/), with its byte length. That file is only
 * written after the pages, so the length comes from running the same image
 * service transform on the same source bytes with the same options Astro will
 * use; the integration tests compare it with the file in dist/. The result goes
 * into Astro's own image cache (cacheDir/assets/<file name>, which holds the
 * encoded bytes of local images), so Astro copies it instead of encoding the
 * hero a second time, and a later build reads the length from there without
 * encoding at all. With an image service that cannot transform locally, the
 * original file is used instead.
 */
async function heroImage(src: ImageMetadata): Promise<FeedImage> {
  const service = await getConfiguredImageService();
  const fsPath = sourcePath(src);
  if (!('transform' in service) || typeof service.transform !== 'function') {
    return { url: src.src, type: MIME[src.format] ?? `image/${src.format}`, length: (await stat(fsPath)).size };
  }
  const image = await getImage({ src, width: Math.min(FEED_IMAGE_WIDTH, src.width), format: 'jpeg' });
  const url = image.src; // reading src registers the transform for the build
  const type = MIME[image.options.format ?? 'jpeg'] ?? 'image/jpeg';
  const cached = path.join(ASSETS_CACHE, path.posix.basename(url.split('?')[0]!));
  const hit = await stat(cached).catch(() => undefined);
  if (hit) return { url, type, length: hit.size };
  const { data, format } = await service.transform(
    await readFile(fsPath),
    { ...image.options, src: src.src },
    imageConfig,
    runtimeLogger,
  );
  await mkdir(path.dirname(cached), { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, cached);
  return { url, type: MIME[format] ?? `image/${format}`, length: data.byteLength };
}

/** Astro's image cache (set by src/integrations/broadsheet.ts). */
const ASSETS_CACHE = path.join(import.meta.env.BROADSHEET_CACHE_DIR ?? 'node_modules/.astro', 'assets');

const heroCache = new Map<string, Promise<FeedImage>>();

function cachedHeroImage(src: ImageMetadata): Promise<FeedImage> {
  const key = sourcePath(src);
  let image = heroCache.get(key);
  if (!image) heroCache.set(key, (image = heroImage(src)));
  return image;
}

/** Everything but the HTML and image: enough to select, cheap to make. */
function baseRecord(article: ArticleView): ArticleRecord {
  return {
    slug: article.id,
    title: article.title,
    description: article.description,
    pubDate: article.pubDate,
    updatedDate: article.updatedDate,
    authors: article.authors.map(({ id, name }) => ({ id, name })),
    category: { slug: article.categoryInfo.slug, name: article.categoryInfo.name },
    tags: article.tags,
    url: article.url,
    html: '',
    draft: article.draft,
  };
}

/** The full record: rendered body and hero enclosure. */
async function fullRecord(article: ArticleView): Promise<ArticleRecord> {
  const [html, image] = await Promise.all([
    articleFeedHtml(article),
    article.hero ? cachedHeroImage(article.hero.src) : undefined,
  ]);
  return { ...baseRecord(article), html, image };
}

/**
 * One prepared FeedItem per article id per build: an article listed by the
 * site feed, the JSON Feed and its category, tag and author feeds is rendered,
 * sanitised and absolutised once, and dropped after the last feed listing it
 * is written (see planFeeds).
 */
// Vite bundles this module: the worker file is named from the project root (as the related and card workers are).
const ROOT: string = import.meta.env.BROADSHEET_ROOT ?? process.cwd();
const feedItem = feedItemCache<ArticleView>(feedSite, fullRecord, workerPreparer(feedSite.html, path.join(ROOT, 'src/lib/feed/prepare-worker.ts')));

/**
 * Up to this many articles, each item is started as its article's page renders
 * (startFeedItem), so the worker prepares it while the other pages render.
 * Above it, items are made when a feed asks, as before: started early, the
 * 8,000-odd items of a 10,000-article site would all be held until their feeds.
 */
const START_WITH_PAGES_LIMIT = 3000;

/**
 * Called by an article page as it renders (articleRendered in articles.ts): starts the
 * article's feed item if a planned feed lists it. Only pages Astro renders call
 * it, so an incremental build starts only the items of re-rendered articles.
 */
function startFeedItem(article: ArticleView): void {
  if (!feedItem.expected(article.id)) return;
  // A failure is forgotten by the cache and reported by the feed that lists the article.
  feedItem.start(article).catch(() => {});
}

/** The ids a feed over these articles lists: the feed's one selection (published, newest first, capped). */
function selectedIds(articles: readonly ArticleView[], now: Date): string[] {
  return selectFeedRecords(articles.map(baseRecord), { now, limit: site.feeds.limit }).map((record) => record.slug);
}

let siteFeedsPlanned = false;

/**
 * Announces the feeds a route will write (from its getStaticPaths, which Astro
 * runs for every route before it renders any), so each prepared item is held
 * only until the last feed listing it is written: at 10,000 articles the 160-odd
 * feeds list about 8,000 distinct full-content items. The first call also
 * announces the two site-wide feeds (/rss.xml and /feed.json list every article).
 * An item listed by a feed nobody announced is simply kept to the end.
 */
export async function planFeeds(lists: readonly (readonly ArticleView[])[]): Promise<void> {
  if (!siteFeedsPlanned) {
    siteFeedsPlanned = true;
    const articles = await getArticles();
    // A build only: `astro dev` renders a page per request and makes an item when its feed is asked for.
    if (!import.meta.env.DEV && articles.length <= START_WITH_PAGES_LIMIT) onArticleRendered(startFeedItem);
    const everything = selectedIds(articles, buildNow);
    feedItem.expect(everything);
    feedItem.expect(everything);
  }
  for (const list of lists) feedItem.expect(selectedIds(list, buildNow));
}

function itemsOf(articles: readonly ArticleView[], ids: readonly string[]): Promise<FeedItem[]> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return Promise.all(ids.map((id) => feedItem(byId.get(id)!)));
}

/**
 * The items a feed lists: published, newest first, at most `site.feeds.limit`.
 * This is the feed's one selection; only the selected articles are rendered,
 * so a long archive costs no more than the newest few.
 */
export function feedItems(articles: readonly ArticleView[], now = buildNow): Promise<FeedItem[]> {
  return itemsOf(articles, selectedIds(articles, now));
}

/** Serialises one feed's items, then lets go of those no other feed still lists. */
async function withItems<R>(articles: readonly ArticleView[], write: (items: FeedItem[]) => R): Promise<Awaited<R>> {
  const ids = selectedIds(articles, buildNow);
  try {
    return await write(await itemsOf(articles, ids));
  } finally {
    feedItem.done(ids);
  }
}

export interface FeedMeta {
  /** Site path of the feed, e.g. `/category/models/rss.xml`. */
  path: string;
  /** Defaults to the site name. */
  title?: string | undefined;
  /** Defaults to the site description. */
  description?: string | undefined;
}

/** An RSS 2.0 response for the given articles. */
export async function rssResponse(articles: readonly ArticleView[], meta: FeedMeta): Promise<Response> {
  return withItems(articles, (items) => rss(
    rssChannel(feedSite, {
      items,
      feedUrl: meta.path,
      title: meta.title,
      description: meta.description,
      // No XSLT: Chromium is removing it (and warns on every feed page); people get /feeds/ instead.
      stylesheet: false,
    }),
  ));
}

/** A JSON Feed 1.1 response for the given articles. */
export async function jsonFeedResponse(articles: readonly ArticleView[], meta: FeedMeta): Promise<Response> {
  const feed = await withItems(articles, (items) => toJsonFeed(items, feedSite, {
    feedUrl: meta.path,
    homePageUrl: urls.home(),
    title: meta.title,
    description: meta.description,
    authorUrl: (author) => urls.author(author.id),
  }));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}

/** "Broadsheet — Models": the channel title of a section feed. */
export function sectionFeedTitle(name: string): string {
  return `${site.name} — ${name}`;
}
