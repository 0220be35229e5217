/**
 * The related picks of the last build, reused when nothing they depend on has
 * changed: the records (every field the engine reads), which of them are
 * published at this build's clock, the options, and the engine's own sources.
 * A rebuild with no content change then skips the engine (0.8 s of a
 * 1,000-article rebuild, profiled). Kept in Astro's cache folder, one file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RelatedPick, RelatedRecord } from '../lib/related/types.ts';

type Picks = Record<string, RelatedPick[]>;

// The engine's sources, embedded at build time: a change to the engine never serves old picks.
const ENGINE_SOURCES = import.meta.glob('../lib/related/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Everything the picks depend on, hashed. `now` matters only as which records are published by then. */
export function picksKey(records: readonly RelatedRecord[], options: Record<string, unknown>, now: Date, sources: Record<string, string> = ENGINE_SOURCES): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(sources).sort()) hash.update(`${file}\0${sources[file]}\0`);
  const { now: _now, ...settings } = options;
  hash.update(JSON.stringify(settings));
  for (const record of records) hash.update(`\0${record.pubDate.getTime() <= now.getTime() ? 1 : 0}${JSON.stringify(record)}`);
  return hash.digest('hex').slice(0, 32);
}

/** The cached picks for `key` from `dir`, or computes, stores (replacing older entries) and returns them. */
export async function cachedPicks(dir: string | undefined, key: string, compute: () => Picks | Promise<Picks>): Promise<Picks> {
  if (!dir) return compute();
  const file = path.join(dir, `picks-${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Picks;
  } catch {
    const picks = await compute();
    try {
      mkdirSync(dir, { recursive: true });
      for (const name of readdirSync(dir)) if (name !== path.basename(file)) rmSync(path.join(dir, name), { force: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(picks));
      renameSync(tmp, file);
    } catch {
      // A read-only cache folder only costs the next build the computation.
    }
    return picks;
  }
}
