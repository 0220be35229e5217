import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bodyTextCache } from '../../../src/data/body-text-cache.ts';
import { extractBodyText } from '../../../src/lib/related/text.ts';

const entries = [
  { id: 'a', digest: 'd1', body: '## Chips\n\nThe **new** accelerator ships with [HBM](https://example.com).' },
  { id: 'b', digest: 'd2', body: 'Plain `code` and text.' },
];

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'body-text-'));
  dirs.push(dir);
  return dir;
};

function build(dir: string, list = entries) {
  const cache = bodyTextCache(dir);
  const texts = list.map((entry) => cache.textOf(entry));
  cache.save();
  return texts;
}

describe('bodyTextCache', () => {
  it('extracts what extractBodyText extracts, and keeps it for the next build', () => {
    const dir = tempDir();
    expect(build(dir)).toEqual(entries.map((e) => extractBodyText(e.body)));
    // The next build reads the kept text (doctored here to tell it from a fresh extraction).
    const file = path.join(dir, 'body-text.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.texts['a\0d1'] = 'kept';
    writeFileSync(file, JSON.stringify(stored));
    expect(build(dir)[0]).toBe('kept');
  });

  it('extracts again when the digest changed, and drops entries the build no longer has', () => {
    const dir = tempDir();
    build(dir);
    const edited = [{ ...entries[0]!, digest: 'd3', body: 'Edited text.' }];
    expect(build(dir, edited)).toEqual(['Edited text.']);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'body-text.json'), 'utf8')).texts)).toEqual(['a\0d3']);
  });

  it('ignores a file written by another version of the extractor', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'body-text.json'), JSON.stringify({ version: 'older', texts: { 'a\0d1': 'stale' } }));
    expect(build(dir)[0]).toBe(extractBodyText(entries[0]!.body));
  });

  it('works without a cache folder, and for entries without a digest', () => {
    const cache = bodyTextCache(undefined);
    expect(cache.textOf({ id: 'x', body: 'Some *text*.' })).toBe('Some text.');
    expect(() => cache.save()).not.toThrow();
  });
});
