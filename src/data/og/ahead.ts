/**
 * Cards rendered ahead of the pages. The early renderer
 * (src/integrations/social-cards.ts) starts every missing card while Astro
 * syncs content and bundles; the og route, a separate module instance in the
 * same process, finds those renders here by cache key and awaits them instead
 * of starting its own. Shared through globalThis for that reason.
 */
import { existsSync } from 'node:fs';
import type { CardPlan } from './plan.ts';
import type { CardPool } from './pool.ts';

const SHARED = Symbol.for('broadsheet.cards-ahead');

/** Cache key -> the render writing that key's file. */
function renders(): Map<string, Promise<void>> {
  const registry = globalThis as Record<symbol, Map<string, Promise<void>> | undefined>;
  return (registry[SHARED] ??= new Map());
}

/** The render started ahead for `key`, if any (settled or not). */
export function renderedAhead(key: string): Promise<void> | undefined {
  return renders().get(key);
}

/** Queues every plan whose file is not cached yet; returns the renders it started. */
export function renderAhead(plans: readonly CardPlan[], pool: CardPool): Promise<void>[] {
  const map = renders();
  const queued: Promise<void>[] = [];
  for (const plan of plans) {
    if (map.has(plan.key) || existsSync(plan.job.file)) continue;
    const render = pool.render(plan.job);
    render.catch(() => {}); // the og route awaits it and reports a failure with the article's file
    map.set(plan.key, render);
    queued.push(render);
  }
  return queued;
}
