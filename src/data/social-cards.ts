/**
 * Per-article social cards (1200×630 PNG), drawn by src/lib/og and rendered by
 * a pool of worker threads (src/data/og/pool.ts), one per core. The og route's
 * getStaticPaths plans every card at once: each card's key is a hash of all
 * that decides its pixels (src/lib/og/cache.ts), cards missing from the cache
 * start rendering in the background while Astro renders the other pages, and
 * cache entries no visible article uses any more are pruned. The cache lives
 * in the site's Astro cache folder (one per content folder), under og/.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cardKey, unusedEntries } from '../lib/og/cache.ts';
import { missingLetters } from '../lib/og/layout.ts';
import site from '../site.config.ts';
import type { ArticleView } from './articles.ts';
import { imageSourceFile } from './image-file.ts';
import { loadCardFontFamilies } from './og/font-files.ts';
import { rendererFingerprint } from './og/fingerprint.ts';
import type { CardJob } from './og/jobs.ts';
import { createCardPool, type CardPool } from './og/pool.ts';

/** The project root and Astro's cache folder (one per content folder: see cacheDirFor in src/data/content-loader.ts), set by src/integrations/broadsheet.ts. */
const ROOT: string = import.meta.env['BROADSHEET_ROOT'] ?? process.cwd();
const CACHE_DIR: string = import.meta.env['BROADSHEET_CACHE_DIR'] ?? path.join(ROOT, 'node_modules/.astro');

export function cardCacheDir(): string {
  return path.join(CACHE_DIR, 'og');
}


interface PlannedCard {
  key: string;
  /** Settles when the card is in the cache folder. No bytes are kept: 10,000 cards are over 1 GB of PNG. */
  ready: Promise<void>;
  file: string;
}

let pool: CardPool | undefined;
const planned = new Map<string, PlannedCard>();

function plan(article: ArticleView, hero: Buffer | undefined, renderer: string, dir: string): PlannedCard {
  const heroPath = hero ? imageSourceFile(article.hero?.src) : undefined;
  const input = {
    siteName: site.name,
    accent: site.accentColor,
    category: article.categoryInfo.name,
    title: article.title,
    date: article.pubDate.toISOString(),
    authors: article.authors.map((a) => a.name),
    hero: hero !== undefined,
    language: site.language,
    timeZone: site.timeZone,
  };
  const { hero: _, date, ...rest } = input;
  const key = cardKey({ renderer, ...rest, date, hero });
  const file = path.join(dir, `${key}.png`);
  const job: CardJob = { input, heroPath, file };
  // A missing card starts rendering now; the worker writes it to the cache, and its page reads it from there.
  const ready = existsSync(file) ? Promise.resolve() : (pool ??= createCardPool(ROOT)).render(job).then(() => undefined);
  ready.catch(() => {}); // awaited by the page; this only keeps Node from calling it unhandled meanwhile
  return { key, ready, file };
}

/** Plans the cards of all `articles` (see the file comment) and returns each article's cache key. */
export async function planSocialCards(articles: readonly ArticleView[]): Promise<Map<string, string>> {
  const renderer = rendererFingerprint(ROOT);
  const dir = cardCacheDir();
  const coverage = loadCardFontFamilies(ROOT).serifCoverage;
  const keys = new Map<string, string>();
  for (const article of articles) {
    const missing = missingLetters(coverage, article.title);
    if (missing.length) console.warn(`[broadsheet:og] ${article.entry.filePath ?? article.id}: the bundled fonts cannot draw "${missing.join('')}" in the title; its social card shows the category instead of the title`);
    const heroPath = imageSourceFile(article.hero?.src);
    const card = plan(article, heroPath ? await readFile(heroPath) : undefined, renderer, dir);
    planned.set(article.id, card);
    keys.set(article.id, card.key);
  }
  if (existsSync(dir)) {
    const used = new Set(keys.values());
    for (const file of unusedEntries(readdirSync(dir), used)) rmSync(path.join(dir, file), { force: true });
  }
  return keys;
}

/** The card of a planned article. */
export async function socialCard(article: ArticleView): Promise<Buffer> {
  const card = planned.get(article.id);
  if (!card) throw new Error(`social card: ${article.id} was not planned (planSocialCards runs in the og route's getStaticPaths)`);
  await card.ready;
  return readFile(card.file);
}

