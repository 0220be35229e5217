/** Real Pagefind runs over a two-article site (plus a page outside articles/, never indexed): an unchanged site reuses the last bundle, a changed page re-indexes. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexSite } from '../../../src/integrations/pagefind.ts';
import { packageVersion } from '../../../src/integrations/package-version.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const page = (title: string, text: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, tree(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full).toString('base64');
  }
  return out;
}

function site(): { dir: string; cache: string } {
  root = mkdtempSync(path.join(tmpdir(), 'pagefind-cache-'));
  const dir = path.join(root, 'dist');
  for (const [slug, text] of [['a', 'Sparse experts and memory bandwidth'], ['b', 'Export controls on accelerators']] as const) {
    mkdirSync(path.join(dir, 'articles', slug), { recursive: true });
    writeFileSync(path.join(dir, 'articles', slug, 'index.html'), page(slug, text));
  }
  // Pagefind reads article pages only: a body marker elsewhere is not indexed.
  mkdirSync(path.join(dir, 'about'));
  writeFileSync(path.join(dir, 'about', 'index.html'), page('about', 'Not an article'));
  return { dir, cache: path.join(root, 'cache') };
}

describe('Pagefind bundle reuse', () => {
  it('reuses the last bundle byte for byte when no page changed, and indexes again when one did', async () => {
    const { dir, cache } = site();
    const first = await indexSite(dir, cache);
    expect(first).toMatchObject({ pages: 2 });
    expect(first.reused).toBeUndefined();
    const bundle = tree(path.join(dir, 'pagefind'));

    rmSync(path.join(dir, 'pagefind'), { recursive: true });
    const second = await indexSite(dir, cache);
    expect(second).toMatchObject({ pages: 2, reused: true });
    expect(tree(path.join(dir, 'pagefind'))).toEqual(bundle);

    writeFileSync(path.join(dir, 'articles', 'b', 'index.html'), page('b', 'Export controls on accelerators and packaging'));
    const third = await indexSite(dir, cache);
    expect(third.reused).toBeUndefined();
    expect(tree(path.join(dir, 'pagefind'))).not.toEqual(bundle);
  }, 60_000);

  it('never reuses a bundle whose copy was not finished', async () => {
    const { dir, cache } = site();
    await indexSite(dir, cache);
    rmSync(path.join(cache, 'broadsheet-digest.txt'));
    expect((await indexSite(dir, cache)).reused).toBeUndefined();
  }, 60_000);

  it('keys bundles by the installed Pagefind version (an import-only package) and other dependencies too', () => {
    for (const pkg of ['pagefind', 'satteri', 'subset-font', 'harfbuzzjs']) expect(packageVersion(pkg), pkg).toMatch(/^\d+\.\d+\.\d+/);
    expect(packageVersion('no-such-package-here')).toBe('');
  });
});
