/**
 * Each article's plain body text (for reading time and related articles), kept
 * between builds by the entry's digest. Extracting it from 1,000 bodies took
 * 0.2-0.35 s of every build's getStaticPaths, a no-change or one-edit rebuild
 * included (CPU profiles of `npm run bench -- --cpu-prof`); reading it back
 * takes a few tens of milliseconds. One file in Astro's cache folder, rewritten
 * only when an entry changed; entries no longer in the build are dropped then.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractBodyText } from '../lib/related/text.ts';

// The extractor's source, embedded at build time: a change to it never serves old texts.
const EXTRACTOR = Object.values(import.meta.glob('../lib/related/text.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>).join('');
const VERSION = createHash('sha256').update(EXTRACTOR).digest('hex').slice(0, 16);

interface Stored { version: string; texts: Record<string, string> }

export interface BodyTextCache {
  /** The body text of an entry: from the last build when its digest is unchanged, else extracted now. */
  textOf(entry: { id: string; digest?: string | number | undefined; body?: string | undefined }): string;
  /** Writes the texts this build used, if any was new. */
  save(): void;
}

export function bodyTextCache(dir: string | undefined): BodyTextCache {
  const file = dir ? path.join(dir, 'body-text.json') : undefined;
  let previous: Record<string, string> = {};
  try {
    const stored = file ? (JSON.parse(readFileSync(file, 'utf8')) as Stored) : undefined;
    if (stored?.version === VERSION) previous = stored.texts;
  } catch {
    // first build, or an unreadable file: extract everything
  }
  const used: Record<string, string> = {};
  let extracted = 0;
  return {
    textOf(entry) {
      if (!entry.digest) return extractBodyText(entry.body ?? '');
      const key = `${entry.id}\0${entry.digest}`;
      let text = previous[key];
      if (text === undefined) {
        text = extractBodyText(entry.body ?? '');
        extracted++;
      }
      return (used[key] = text);
    },
    save() {
      if (!file || (extracted === 0 && Object.keys(used).length === Object.keys(previous).length)) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ version: VERSION, texts: used } satisfies Stored));
        renameSync(tmp, file);
      } catch {
        // A read-only cache folder only costs the next build the extraction.
      }
    },
  };
}
