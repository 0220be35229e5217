/**
 * Renders the social cards ahead of the pages. A card needs only the article's
 * title, category, date, authors and hero, and the site config, all known
 * before Vite bundles anything; so a production build reads the content folder
 * through the site's own reader (loadSiteContent, already parsed by the
 * pre-flight check), plans every visible article's card (the same cut-offs as
 * the pages: no drafts, nothing scheduled after the build clock) and feeds the
 * missing ones to the card workers while Astro syncs content and bundles. The
 * og route's plan then finds each card rendered or in flight (src/data/og/ahead.ts),
 * and build:done copies every card into the output (src/data/og/write-cards.ts).
 *
 * `astro dev` does not render ahead: its og route renders on demand.
 * BROADSHEET_CARDS_AHEAD=0 turns the early pass off (the route renders every
 * card, as in dev); the output is the same either way.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClock, visibleArticles, type LoadedContent } from '../lib/content/index.ts';
import site from '../site.config.ts';
import { contentDir, loadSiteContent } from '../data/content-loader.ts';
import { renderAhead } from '../data/og/ahead.ts';
import { rendererFingerprint, sourcesOnDisk } from '../data/og/fingerprint.ts';
import { planCard, type CardSource } from '../data/og/plan.ts';
import { sharedCardPool } from '../data/og/pool.ts';
import { writePlannedCards } from '../data/og/write-cards.ts';

/**
 * Workers while Astro syncs content and bundles: all cores but the one the
 * bundler keeps busy; the og route raises the pool to a worker per core. On
 * 2 cores, 1 worker beat 2 (`npm run bench -- --n 1000 --sites broadsheet
 * --scenarios cold`, load 8-11: 127.8 s against 139.5 s; with 2, content sync and
 * bundling took 22.7 s and 18.2 s instead of 17.3 s and 13.8 s).
 */
export const WORKERS_WHILE_BUNDLING = Math.max(1, os.availableParallelism() - 1);

/** The card records of the articles a production build shows, newest first. */
export function visibleCardSources(content: Pick<LoadedContent, 'articles' | 'authors'>, now: Date): CardSource[] {
  const names = new Map(content.authors.map((a) => [a.id, a.data.name]));
  const categories = new Map(site.categories.map((c) => [c.slug, c.name]));
  const articles = content.articles.map((a) => ({ ...a, pubDate: a.data.pubDate, draft: a.data.draft }));
  return visibleArticles(articles, { now, includeUnpublished: false }).map((a) => ({
    id: a.id,
    file: a.file,
    title: a.data.title,
    category: categories.get(a.data.category) ?? a.data.category,
    pubDate: a.data.pubDate,
    authors: a.data.author.map((id) => names.get(id) ?? id),
    // Resolved as Astro's image() resolves it: relative to the article's file.
    heroPath: a.data.heroImage ? path.resolve(path.dirname(a.path), decodeURI(a.data.heroImage.replace(/[?#].*$/, ''))) : undefined,
  }));
}

/** When the last card rendered ahead was done, for the closing log line (a line in the middle of the routes would split one of Astro's). */
let finished: { count: number; seconds: number } | undefined;

async function startCards(root: string, cacheDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const content = await loadSiteContent(contentDir());
  // A broken folder stops the build in the broadsheet integration; nothing to render ahead.
  if (content.problems.length) return;
  const renderer = rendererFingerprint(sourcesOnDisk(root), root);
  const dir = path.join(cacheDir, 'og');
  const plans = await Promise.all(visibleCardSources(content, buildClock()).map((source) => planCard(source, renderer, dir)));
  const pool = sharedCardPool(root);
  pool.resize(WORKERS_WHILE_BUNDLING);
  const renders = renderAhead(plans, pool);
  logger.info(`${plans.length} social cards planned in ${Math.round(performance.now() - started)} ms: ${renders.length} to render ahead of the pages, ${plans.length - renders.length} cached`);
  if (renders.length) void Promise.allSettled(renders).then(() => (finished = { count: renders.length, seconds: (performance.now() - started) / 1000 }));
}

export default function socialCards(): AstroIntegration {
  return {
    name: 'broadsheet:og',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' || process.env['VITEST'] || process.env['BROADSHEET_CARDS_AHEAD'] === '0') return;
        // Not awaited: the build goes on while cards render. A failure here only loses the head
        // start; the og route plans every card again and renders what is missing.
        startCards(fileURLToPath(config.root), fileURLToPath(config.cacheDir), logger).catch((error) =>
          logger.warn(`social cards could not be rendered ahead (the og route renders them): ${error instanceof Error ? error.message : String(error)}`),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (finished) logger.info(`${finished.count} social cards rendered ahead; the last was done ${finished.seconds.toFixed(1)} s after planning began`);
        // The og route planned them; the pages are written: copy each card from the cache (src/data/og/write-cards.ts).
        const written = await writePlannedCards(fileURLToPath(dir));
        if (written.count) logger.info(`wrote ${written.count} social cards to og/ in ${Math.round(written.ms)} ms`);
      },
    },
  };
}
