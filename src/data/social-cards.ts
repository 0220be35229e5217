/**
 * Per-article social cards (1200×630 PNG), drawn by src/lib/og and rendered by
 * a pool of worker threads (src/data/og/pool.ts). A production build starts
 * them before Vite bundles (src/integrations/social-cards.ts); the og route's
 * getStaticPaths then plans every card again from the collection entries:
 * each card's key is a hash of all that decides its pixels (src/lib/og/cache.ts).
 * A card already rendered ahead, or in flight, is awaited (by the dev route, or by
 * the build's copy step, src/data/og/write-cards.ts); one missing from the
 * cache (`astro dev`, or one the early pass did not know) starts rendering
 * now. Cache entries no visible article uses any more are pruned. The cache
 * lives in the site's Astro cache folder (one per content folder), under og/.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unusedEntries } from '../lib/og/cache.ts';
import { missingLetters } from '../lib/og/layout.ts';
import type { ArticleView } from './articles.ts';
import { imageSourceFile } from './image-file.ts';
import { renderedAhead } from './og/ahead.ts';
import { BUNDLED_CARD_SOURCES } from './og/bundled-sources.ts';
import { loadCardFontFamilies } from './og/font-files.ts';
import { rendererFingerprint } from './og/fingerprint.ts';
import { planCard, type CardSource } from './og/plan.ts';
import { sharedCardPool } from './og/pool.ts';
import { plannedCards, readyCard } from './og/write-cards.ts';

/** The project root and Astro's cache folder (one per content folder: see cacheDirFor in src/data/content-loader.ts), set by src/integrations/broadsheet.ts. */
const ROOT: string = import.meta.env.BROADSHEET_ROOT ?? process.cwd();
const CACHE_DIR: string = import.meta.env.BROADSHEET_CACHE_DIR ?? path.join(ROOT, 'node_modules/.astro');

export function cardCacheDir(): string {
  return path.join(CACHE_DIR, 'og');
}

const planned = plannedCards();

export function cardSourceOf(article: ArticleView): CardSource {
  return {
    id: article.id,
    file: article.entry.filePath ?? article.id,
    title: article.title,
    category: article.categoryInfo.name,
    pubDate: article.pubDate,
    authors: article.authors.map((a) => a.name),
    heroPath: imageSourceFile(article.hero?.src),
  };
}

/** Plans the cards of all `articles` (see the file comment) and returns each article's cache key. */
export async function planSocialCards(articles: readonly ArticleView[]): Promise<Map<string, string>> {
  const renderer = rendererFingerprint(BUNDLED_CARD_SOURCES, ROOT);
  const dir = cardCacheDir();
  const coverage = loadCardFontFamilies(ROOT).serifCoverage;
  const pool = sharedCardPool(ROOT);
  // All cores but the one Astro renders the pages on: the cards are copied only once the pages are written
  // (src/data/og/write-cards.ts), so rendering them beside the pages only has to finish by then. A worker
  // per core starved the pages (cold builds, N = 1,000: routes 14.3-14.6 s against 11.6 s when the cards
  // were done before them) and added a second worker's memory to the build's peak.
  pool.resize(Math.max(1, os.availableParallelism() - 1));
  planned.clear();
  const keys = new Map<string, string>();
  const counts = { ahead: 0, cached: 0, now: 0 };
  for (const article of articles) {
    const source = cardSourceOf(article);
    const missing = missingLetters(coverage, article.title);
    if (missing.length) console.warn(`[broadsheet:og] ${source.file}: the bundled fonts cannot draw "${missing.join('')}" in the title; its social card shows the category instead of the title`);
    const { key, job } = await planCard(source, renderer, dir);
    const ahead = renderedAhead(key);
    const cached = !ahead && existsSync(job.file);
    // A render from an earlier build in this process may have had its file pruned since: render it again.
    const ready = ahead ? ahead.then(() => (existsSync(job.file) ? undefined : pool.render(job))) : cached ? Promise.resolve() : pool.render(job);
    counts[ahead ? 'ahead' : cached ? 'cached' : 'now']++;
    ready.catch(() => {}); // awaited by the page; this only keeps Node from calling it unhandled meanwhile
    planned.set(article.id, { file: job.file, source: source.file, ready });
    keys.set(article.id, key);
  }
  console.log(`[broadsheet:og] ${articles.length} social cards: ${counts.ahead} rendered ahead of the pages, ${counts.cached} from the cache, ${counts.now} rendered now`);
  if (existsSync(dir)) {
    const used = new Set(keys.values());
    for (const file of unusedEntries(readdirSync(dir), used)) rmSync(path.join(dir, file), { force: true });
  }
  return keys;
}

/** The card of a planned article (`astro dev`; a build copies them: src/data/og/write-cards.ts). */
export async function socialCard(article: ArticleView): Promise<Buffer> {
  const card = planned.get(article.id);
  if (!card) throw new Error(`social card: ${article.id} was not planned (planSocialCards runs in the og route's getStaticPaths)`);
  return readFile(await readyCard(card));
}
