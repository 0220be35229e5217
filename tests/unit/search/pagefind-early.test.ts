/**
 * The search index started while Astro still writes the site
 * (src/integrations/pagefind-early.ts): it starts only once every announced
 * article page is complete, its bundle is kept only if no page changed after it
 * started, and it gives the same bundle as indexing after the build.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EarlySearch } from '../../../src/integrations/pagefind-early.ts';
import { buildIndex, indexSite, searchDigest } from '../../../src/integrations/pagefind.ts';
import { fileStamp } from '../../../src/lib/build/output-prefill.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><p>${body}</p></article></body></html>`;

function writePage(dir: string, slug: string, html: string): void {
  mkdirSync(path.join(dir, 'articles', slug), { recursive: true });
  writeFileSync(path.join(dir, 'articles', slug, 'index.html'), html);
}

function newSite(): string {
  root = mkdtempSync(path.join(tmpdir(), 'pagefind-early-'));
  const dir = path.join(root, 'site');
  mkdirSync(dir);
  return dir;
}

const until = async (condition: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Every file of a bundle, by relative path, for comparing two bundles. */
function bundle(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')]));
}

const announce = (count: number) => ({ type: 'broadsheet:search', articlePages: count });
/** What the Pagefind integration sends when search is on. */
const searchOn = () => ({ type: 'broadsheet:search', cacheDir: path.join(root, 'cache') });

/** One complete article page, and an early index told that search is on and that one page comes. */
function watchOnePage(dir: string, cacheDir = path.join(root, 'cache')): EarlySearch {
  writePage(dir, 'a', page('Chiplets', 'Packaging news.'));
  const early = new EarlySearch(dir);
  early.onMessage({ type: 'broadsheet:search', cacheDir });
  early.onMessage(announce(1));
  return early;
}

describe('early search index', () => {
  it('starts only when every announced page is complete, and gives the same bundle as indexing afterwards', async () => {
    const dir = newSite();
    const early = new EarlySearch(dir);
    early.onMessage(searchOn());
    early.onMessage(announce(2));
    writePage(dir, 'a', page('Chiplets', 'Packaging news about chiplets.'));
    // Half-written: no closing tag yet.
    writePage(dir, 'b', page('Memory', 'High bandwidth memory').replace('</html>', ''));
    await new Promise((r) => setTimeout(r, 400));
    expect(early.index()).toBeUndefined();

    let starts = 0;
    const again = new EarlySearch(dir, undefined, () => starts++);
    again.onMessage(announce(2));
    again.onMessage(searchOn());
    writePage(dir, 'b', page('Memory', 'High bandwidth memory stacks.'));
    await until(() => readdirSync(dir).includes('pagefind'));
    // The build script asks Astro's process to collect garbage then.
    expect(starts).toBe(1);
    const result = await indexSite(dir, undefined, again.index());
    expect(result.aheadMs).toBeGreaterThanOrEqual(0);
    expect(result.pages).toBe(2);
    const kept = bundle(path.join(dir, 'pagefind'));

    await buildIndex(dir, path.join(dir, 'pagefind'));
    expect(bundle(path.join(dir, 'pagefind'))).toEqual(kept);
  }, 60_000);

  it('indexes afresh when a page changed after the early index started', async () => {
    const dir = newSite();
    const early = watchOnePage(dir);
    await until(() => readdirSync(dir).includes('pagefind'));
    writePage(dir, 'a', page('Chiplets', 'Packaging news, now about interposers.'));
    const result = await indexSite(dir, undefined, early.index());
    expect(result.aheadMs).toBeUndefined();
    const fresh = bundle(path.join(dir, 'pagefind'));
    await buildIndex(dir, path.join(dir, 'pagefind'));
    expect(bundle(path.join(dir, 'pagefind'))).toEqual(fresh);
    // The bundle holds the page as it is now, not as it was when the early index started.
    const fragments = Object.entries(fresh).filter(([f]) => f.startsWith('fragment'));
    expect(fragments).toHaveLength(1);
    expect(gunzipSync(Buffer.from(fragments[0]![1], 'base64')).toString('utf8')).toContain('interposers');
  }, 60_000);

  it('files its bundle in the cache, so the next build with the same pages reuses it and starts nothing', async () => {
    const dir = newSite();
    const cacheDir = path.join(root, 'cache');
    const early = watchOnePage(dir, cacheDir);
    await until(() => readdirSync(dir).includes('pagefind'));
    expect((await indexSite(dir, cacheDir, early.index())).aheadMs).toBeGreaterThanOrEqual(0);

    rmSync(path.join(dir, 'pagefind'), { recursive: true });
    const next = new EarlySearch(dir);
    next.onMessage({ type: 'broadsheet:search', cacheDir });
    next.onMessage(announce(1));
    await new Promise((r) => setTimeout(r, 400));
    expect(next.index()).toBeUndefined();
    expect((await indexSite(dir, cacheDir)).reused).toBe(true);
  }, 60_000);

  it('hands over the digest it took, while the pages stay as they were', async () => {
    const dir = newSite();
    const early = watchOnePage(dir);
    await until(() => early.digest() !== undefined);
    expect(early.digest()).toBe(searchDigest(dir));
    await indexSite(dir, path.join(root, 'cache'), early.index(), early.digest());
    writePage(dir, 'a', page('Chiplets', 'Packaging news, rewritten at length.'));
    expect(early.digest()).toBeUndefined();
  }, 60_000);

  it('with the last build\'s pages copied in, waits for the last article page to be written again', async () => {
    const dir = newSite();
    writePage(dir, 'a', page('Chiplets', 'Packaging news.'));
    writePage(dir, 'b', page('Memory', 'Stacks.'));
    writePage(dir, 'gone', page('Removed', 'An article removed since.'));
    const prefilled = new Map(['a', 'b', 'gone'].map((slug) => [`articles/${slug}/index.html`, fileStamp(path.join(dir, 'articles', slug, 'index.html'))!]));
    let starts = 0;
    const early = new EarlySearch(dir, undefined, () => starts++, () => prefilled);
    early.onMessage(searchOn());
    early.onMessage({ ...announce(2), lastArticlePage: 'articles/b/index.html' });
    await new Promise((r) => setTimeout(r, 400));
    // Every page is complete, but Astro has not reached the last one yet.
    expect(starts).toBe(0);
    writePage(dir, 'b', page('Memory', 'Stacks, rewritten.'));
    await new Promise((r) => setTimeout(r, 400));
    // Written again, but the removed article's copy is still there: not early.
    expect(starts).toBe(0);
    rmSync(path.join(dir, 'articles', 'gone'), { recursive: true });
    await until(() => readdirSync(dir).includes('pagefind'));
    expect(starts).toBe(1);
    expect((await indexSite(dir, undefined, early.index())).aheadMs).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('never starts with search off, above its article limit, or for messages that are not its own', async () => {
    const dir = newSite();
    writePage(dir, 'a', page('Chiplets', 'Packaging news.'));
    writePage(dir, 'b', page('Memory', 'Stacks.'));
    // search: false — the Pagefind integration says nothing, so the announced pages are not indexed.
    const off = new EarlySearch(dir);
    off.onMessage(announce(2));
    const early = new EarlySearch(dir, 1);
    early.onMessage(searchOn());
    early.onMessage(announce(2));
    early.onMessage({ type: 'other', articlePages: 1 });
    early.onMessage({ type: 'broadsheet:search', articlePages: 'two' });
    await new Promise((r) => setTimeout(r, 400));
    expect(off.index()).toBeUndefined();
    expect(early.index()).toBeUndefined();
    expect(readdirSync(dir)).not.toContain('pagefind');
  }, 60_000);
});
