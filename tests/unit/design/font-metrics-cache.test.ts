/**
 * Fallback metrics are measured with HarfBuzz once and kept in the font cache
 * (src/integrations/fonts.ts): the stylesheet is the same with or without the
 * cache, and a later build reads the kept file instead of measuring again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fontCss } from '../../../src/integrations/fonts.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fallback metrics cache', () => {
  it('gives the same stylesheet, and reads the kept metrics on the next build', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'font-metrics-'));
    const measured = await fontCss();
    const used = new Set<string>();
    expect(await fontCss(undefined, { dir, used })).toBe(measured);
    const kept = readdirSync(dir).filter((f) => f.startsWith('metrics.'));
    expect(kept.length).toBeGreaterThan(0);
    expect([...used].sort()).toEqual(kept.sort());

    // Proof the next build reads the files: a kept value shows up in the stylesheet.
    const file = path.join(dir, kept[0]!);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), unitsPerEm: 1 }));
    expect(await fontCss(undefined, { dir, used: new Set() })).not.toBe(measured);
  }, 60_000);
});
