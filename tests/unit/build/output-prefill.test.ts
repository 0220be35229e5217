/**
 * A rebuild's output folder starts with the last build's reusable pages
 * (src/lib/build/output-prefill.ts), only when the last output is exactly what
 * Astro's manifest describes; copies Astro no longer has are removed after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ASTRO_MANIFEST, prefillOutput, removeStale, stampOutput } from '../../../src/lib/build/output-prefill.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Astro's manifest, shaped as astro/dist/core/build/incremental.js writes it. */
const manifest = (outputs: string[]) => JSON.stringify({ version: 1, routes: { 'src/pages/articles/[slug].astro': { dependencyHash: 'h', paths: Object.fromEntries(outputs.map((o, i) => [`/p${i}`, { cacheKey: `k${i}`, outputFile: o }])) } } });

/** A last build: its output, Astro's cache with a manifest listing `outputs`, a fresh building folder. */
function lastBuild(outputs = ['articles/a/index.html', 'articles/b/index.html', 'tags/x/rss.xml']) {
  root = mkdtempSync(path.join(tmpdir(), 'prefill-'));
  const outDir = path.join(root, 'dist');
  const cacheDir = path.join(root, 'cache');
  for (const file of outputs) put(path.join(outDir, file), `old ${file}`);
  put(path.join(outDir, 'index.html'), 'home, not reusable');
  put(path.join(cacheDir, ASTRO_MANIFEST), manifest(outputs));
  return { outDir, cacheDir, building: path.join(root, '.dist.building') };
}

describe('prefilling the output from the last build', () => {
  it('copies every page Astro may reuse, once the output is stamped', () => {
    const { outDir, cacheDir, building } = lastBuild();
    expect(prefillOutput(cacheDir, outDir, building)).toBeUndefined();
    stampOutput(cacheDir, outDir);
    const prefill = prefillOutput(cacheDir, outDir, building)!;
    expect([...prefill.files.keys()].sort()).toEqual(['articles/a/index.html', 'articles/b/index.html', 'tags/x/rss.xml']);
    expect(readFileSync(path.join(building, 'tags/x/rss.xml'), 'utf8')).toBe('old tags/x/rss.xml');
    expect(existsSync(path.join(building, 'index.html'))).toBe(false);
  });

  it('copies nothing for another output folder, or once Astro\'s manifest changed since the stamp', () => {
    const { outDir, cacheDir, building } = lastBuild();
    stampOutput(cacheDir, outDir);
    expect(prefillOutput(cacheDir, path.join(root, 'elsewhere'), building)).toBeUndefined();
    // A build that failed after Astro wrote its manifest: the output is older than the manifest.
    writeFileSync(path.join(cacheDir, ASTRO_MANIFEST), manifest(['articles/a/index.html']));
    expect(prefillOutput(cacheDir, outDir, building)).toBeUndefined();
    expect(existsSync(building)).toBe(false);
  });

  it('refuses a manifest it cannot read or whose files lie outside the output', () => {
    const { outDir, cacheDir, building } = lastBuild(['../outside.html']);
    stampOutput(cacheDir, outDir);
    expect(prefillOutput(cacheDir, outDir, building)).toBeUndefined();
    writeFileSync(path.join(cacheDir, ASTRO_MANIFEST), '{ not json');
    stampOutput(cacheDir, outDir);
    expect(prefillOutput(cacheDir, outDir, building)).toBeUndefined();
  });

  it('skips a page missing from the last output (Astro copies it from its own cache)', () => {
    const { outDir, cacheDir, building } = lastBuild();
    stampOutput(cacheDir, outDir);
    rmSync(path.join(outDir, 'articles/b'), { recursive: true });
    expect([...prefillOutput(cacheDir, outDir, building)!.files.keys()]).toEqual(['articles/a/index.html', 'tags/x/rss.xml']);
  });

  it('after Astro, removes the copies it neither wrote again nor kept, and their empty folders', () => {
    const { outDir, cacheDir, building } = lastBuild();
    stampOutput(cacheDir, outDir);
    const prefill = prefillOutput(cacheDir, outDir, building)!;
    // This build: article a kept as it was, b removed, the feed lost its key but was written again.
    writeFileSync(path.join(building, 'tags/x/rss.xml'), 'new feed');
    writeFileSync(path.join(cacheDir, ASTRO_MANIFEST), manifest(['articles/a/index.html']));
    expect(removeStale(prefill, cacheDir, building)).toEqual(['articles/b/index.html']);
    expect(existsSync(path.join(building, 'articles/b'))).toBe(false);
    expect(existsSync(path.join(building, 'articles/a/index.html'))).toBe(true);
    expect(readFileSync(path.join(building, 'tags/x/rss.xml'), 'utf8')).toBe('new feed');
  });
});
