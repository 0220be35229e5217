/**
 * Writes the planned social cards into the build's output, as files linked
 * (or copied) from the card cache, once the pages are done. They used to be an Astro route
 * (`/og/<slug>.png`): one by one on the main thread, each card's PNG was read,
 * wrapped in a Response, read back and written, about 2.5 ms a card (2.5-2.6 s
 * of a cold 1,000-article build's routes, `npm run bench`), with nothing drawn.
 * The og route still plans every card (src/data/social-cards.ts), and still
 * serves them in `astro dev`; a build writes them here instead, in the
 * social-cards integration's build:done hook.
 *
 * The plans live in the og route's module instance, inside Vite's bundle; the
 * integration is another instance in the same process: shared through globalThis.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { linkOrCopy } from '../../lib/build/link-files.ts';

export interface PlannedCard {
  file: string;
  /** The article's file, named when its card fails. */
  source: string;
  /** Settles when the PNG is in the cache. */
  ready: Promise<void>;
}

const SHARED = Symbol.for('broadsheet.planned-cards');

/** Article id -> its planned card, for this build. */
export function plannedCards(): Map<string, PlannedCard> {
  const registry = globalThis as Record<symbol, Map<string, PlannedCard> | undefined>;
  return (registry[SHARED] ??= new Map());
}

/** A planned card's PNG, once rendered; a card that could not be rendered fails with the article's file. */
export async function readyCard(card: PlannedCard): Promise<string> {
  try {
    await card.ready;
  } catch (error) {
    throw new Error(`${card.source}: its social card could not be rendered: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return card.file;
}

/** Links (or copies) every planned card to `<outDir>/og/<id>.png`; fails naming the first article whose card failed. */
export async function writePlannedCards(outDir: string): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const cards = [...plannedCards()];
  if (cards.length === 0) return { count: 0, ms: 0 };
  // Every card settles before the first failure is reported: no render is still writing when the build stops.
  const files = await Promise.allSettled(cards.map(([, card]) => readyCard(card)));
  const failed = files.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const dir = path.join(outDir, 'og');
  mkdirSync(dir, { recursive: true });
  // Synchronous: 1,000 copies queued at once on libuv's thread pool took 0.7 s in a build. Linked, not
  // copied: the cache writes each card as a new file and renames it (jobs.ts), never over an old one;
  // copying took 53-310 ms of a 1,000-article build's build:done.
  cards.forEach(([id], i) => linkOrCopy((files[i] as PromiseFulfilledResult<string>).value, path.join(dir, `${id}.png`)));
  return { count: cards.length, ms: performance.now() - started };
}
