/**
 * The card cache key: a hash of everything that decides the image. The
 * article's inputs, the hero's bytes, and `renderer`, a fingerprint of the
 * drawing code, the font files and the PNG encoder (computed by the adapter,
 * src/data/og/fingerprint.ts), so a layout, font or sharp change re-renders
 * every card instead of serving a stale one.
 */
import { createHash } from 'node:crypto';

export interface CardKeyParts {
  /** Fingerprint of template and layout sources, font bytes and sharp's version. */
  renderer: string;
  siteName: string;
  accent: string;
  language: string;
  title: string;
  category: string;
  /** ISO date. */
  date: string;
  /** The zone the date is shown in. */
  timeZone?: string;
  authors: string[];
  /** The hero file's bytes (hashed), or undefined without a hero. */
  hero: Buffer | undefined;
}

export function cardKey(parts: CardKeyParts): string {
  const { hero, ...rest } = parts;
  const heroHash = hero ? createHash('sha256').update(hero).digest('hex') : null;
  return createHash('sha256').update(JSON.stringify({ ...rest, hero: heroHash })).digest('hex').slice(0, 24);
}

/** Cache file names (`<key>.png`) that `used` does not list: what a build may prune. */
export function unusedEntries(files: readonly string[], used: ReadonlySet<string>): string[] {
  return files.filter((f) => /^[0-9a-f]{24}\.png$/.test(f) && !used.has(f.slice(0, -4)));
}
