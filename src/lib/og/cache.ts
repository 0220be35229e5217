/**
 * Cards are cached by a hash of everything drawn on them, so a rebuild only
 * renders cards whose article, hero, accent or template changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CardKeyParts {
  templateVersion: number;
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

export interface CachedCard {
  png: Buffer;
  /** True when the card came from the cache. */
  hit: boolean;
}

/** Returns the cached PNG for `key`, or renders, stores (atomically: builds may run side by side) and returns it. */
export async function cachedCard(dir: string, key: string, render: () => Promise<Buffer>): Promise<CachedCard> {
  const file = path.join(dir, `${key}.png`);
  if (existsSync(file)) return { png: readFileSync(file), hit: true };
  const png = await render();
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return { png, hit: false };
}
