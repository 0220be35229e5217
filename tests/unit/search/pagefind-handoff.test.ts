/**
 * `npm run build` indexes after Astro's process has exited: with
 * BROADSHEET_SEARCH_HANDOFF set, the integration only writes down the folder;
 * without it (a plain `astro build`), it indexes the folder itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pagefindIntegration, { indexSearchAfterBuild } from '../../../src/integrations/pagefind.ts';
import { handoffFile } from '../../../src/integrations/pagefind-after-build.ts';

let root = '';
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  delete process.env['BROADSHEET_SEARCH_HANDOFF'];
});

function site(): string {
  root = mkdtempSync(path.join(tmpdir(), 'pagefind-handoff-'));
  const dir = path.join(root, 'dist');
  mkdirSync(path.join(dir, 'articles', 'a'), { recursive: true });
  writeFileSync(path.join(dir, 'articles', 'a', 'index.html'), '<!doctype html><html lang="en"><head><title>a</title></head><body><article data-pagefind-body><h1>Chiplets</h1><p>Packaging news.</p></article></body></html>');
  return dir;
}

const logger = { info: () => {}, warn: () => {}, error: () => {} };
async function buildDone(dir: string): Promise<void> {
  const hooks = pagefindIntegration().hooks as Record<string, (options: unknown) => Promise<void> | void>;
  hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(path.join(root, 'cache') + '/') } });
  await hooks['astro:build:done']!({ dir: pathToFileURL(dir + '/'), logger });
}

describe('search index handoff', () => {
  it('with the build script, the integration hands the folder over and the script indexes it', async () => {
    const dir = site();
    const file = path.join(root, 'handoff.json');
    process.env['BROADSHEET_SEARCH_HANDOFF'] = file;
    expect(handoffFile()).toBe(file);
    await buildDone(dir);
    expect(existsSync(path.join(dir, 'pagefind'))).toBe(false);
    const handoff = JSON.parse(readFileSync(file, 'utf8'));
    expect([path.resolve(handoff.siteDir), path.resolve(handoff.cacheDir)]).toEqual([dir, path.join(root, 'cache')]);
    await indexSearchAfterBuild(handoff, dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(1);
  }, 60_000);

  it('without it (plain astro build), the integration indexes in its own process', async () => {
    const dir = site();
    expect(handoffFile()).toBeUndefined();
    await buildDone(dir);
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  }, 60_000);
});
