/** The related picks are reused only when records, publication at the build clock, options and engine are all the same. */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedPicks, picksKey } from '../../../src/data/related-cache.ts';
import { computeAllRelated } from '../../../src/lib/related/index.ts';
import type { RelatedRecord } from '../../../src/lib/related/types.ts';

const record = (id: string, day: number, bodyText: string): RelatedRecord => ({
  id, title: `Article ${id}`, description: '', highlights: [], headings: [], bodyText, tags: [], category: 'chips', authors: ['a'], pubDate: new Date(Date.UTC(2026, 0, day)),
});
const records = [record('a', 1, 'wafer packaging chiplets yield'), record('b', 2, 'chiplets packaging interposer yield'), record('c', 3, 'export rules for accelerators')];
const now = new Date(Date.UTC(2026, 5, 1));
const sources = { 'engine.ts': 'export const v = 1;' };

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('related picks cache key', () => {
  const key = picksKey(records, { k: 2, now }, now, sources);
  it('is stable, and ignores a clock that publishes nothing new', () => {
    expect(picksKey(records, { k: 2, now }, now, sources)).toBe(key);
    const later = new Date(Date.UTC(2026, 6, 1));
    expect(picksKey(records, { k: 2, now: later }, later, sources)).toBe(key);
  });
  it('changes with any record field, publication at the clock, the options and the engine sources', () => {
    expect(picksKey([records[0]!, { ...records[1]!, bodyText: 'changed' }, records[2]!], { k: 2, now }, now, sources)).not.toBe(key);
    expect(picksKey([records[0]!, { ...records[1]!, tags: ['hbm'] }, records[2]!], { k: 2, now }, now, sources)).not.toBe(key);
    const early = new Date(Date.UTC(2026, 0, 2, 12));
    expect(picksKey(records, { k: 2, now: early }, early, sources)).not.toBe(key);
    expect(picksKey(records, { k: 3, now }, now, sources)).not.toBe(key);
    expect(picksKey(records, { k: 2, now }, now, { 'engine.ts': 'export const v = 2;' })).not.toBe(key);
  });
});

describe('related picks cache', () => {
  it('computes once, then reuses the stored picks; a new key replaces the old file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'related-cache-'));
    let runs = 0;
    const compute = () => (runs++, computeAllRelated(records, { k: 2, now }));
    const first = await cachedPicks(dir, 'one', compute);
    const second = await cachedPicks(dir, 'one', compute);
    expect(runs).toBe(1);
    expect(second).toEqual(first);
    expect(first['a']!.length).toBe(2);
    await cachedPicks(dir, 'two', compute);
    expect(runs).toBe(2);
    expect(readdirSync(dir)).toEqual(['picks-two.json']);
  });
  it('computes every time without a cache folder', async () => {
    let runs = 0;
    await cachedPicks(undefined, 'one', () => (runs++, {}));
    await cachedPicks(undefined, 'one', async () => (runs++, {}));
    expect(runs).toBe(2);
    expect(existsSync(path.join(tmpdir(), 'picks-one.json'))).toBe(false);
  });
});
