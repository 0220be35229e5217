/**
 * Incremental builds must be invisible: build the fixture, edit one article,
 * rebuild over the first build's output (pages whose cacheKey is unchanged are
 * kept from it: src/lib/build/output-prefill.ts), and compare every output file
 * with a clean build of the edited content. Then remove an article and rebuild
 * again: its page must not survive from the last output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildFixture, OUTPUT, ROOT, type BuildResult } from '../support/build.ts';
import { cacheDirFor } from '../../src/data/content-loader.ts';

const content = path.join(OUTPUT, `incremental-${process.pid}`, 'content');
const cache = path.resolve(ROOT, cacheDirFor(content));
const edited = path.join(content, 'articles', 'chip-note-05.md');

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = path.posix.join(prefix, name);
    return statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name), rel) : [rel];
  });
}

function ok(result: BuildResult): BuildResult {
  if (result.status !== 0) throw new Error(`build failed (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return result;
}

/** Routes the build log lists as rendered ("(+12ms)") and as reused ("(cached)" or "(restored)"). */
function routes(log: string) {
  const rendered = [...log.matchAll(/├─ (\S+) +\(\+(?:\d+m )?[\d.]+m?s\)/g)].map((m) => m[1]!);
  const reused = [...log.matchAll(/├─ (\S+) +\((?:cached|restored)\)/g)].map((m) => m[1]!);
  return { rendered, reused };
}

/** The og route's plan: cards in total, rendered ahead of the pages, from the cache, rendered in the route. */
function cards(log: string) {
  const [total, ahead, cached, now] = /\[broadsheet:og\] (\d+) social cards: (\d+) rendered ahead of the pages, (\d+) from the cache, (\d+) rendered now/.exec(log)!.slice(1).map(Number);
  return { total, ahead, cached, now };
}

let incremental: BuildResult;
let clean: BuildResult;
let removal: BuildResult;
const removed = path.join(content, 'articles', 'chip-note-13.md');

beforeAll(() => {
  rmSync(path.dirname(content), { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'tests/fixtures/site/content'), content, { recursive: true });
  // Same outDir for both builds (emptied before each): astro:assets embeds outDir in the code of
  // every page with images, so another outDir changes their module hash and nothing is reused.
  ok(buildFixture(`incremental-${process.pid}-out`, content));
  // The edit changes what the article's page, card, listings, feeds and related cards show.
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('title: "Chip note 05"', 'title: "Chip note 05, revised"').replace('memory bandwidth.', 'memory bandwidth, and now packaging too.'));
  // Started from another shell (`_` is its last command) with other variables: page code must not depend on them.
  incremental = ok(buildFixture(`incremental-${process.pid}-out`, content, { _: '/bin/another-shell', ROOT: '/another/root' }, { keepOutput: true }));
  // Kept aside: the next build replaces that folder.
  const kept = `${incremental.outDir}-edited`;
  cpSync(incremental.outDir, kept, { recursive: true });
  const moved = path.join(path.dirname(content), 'chip-note-13.md');
  renameSync(removed, moved);
  removal = ok(buildFixture(`incremental-${process.pid}-out`, content, {}, { keepOutput: true }));
  renameSync(moved, removed);
  incremental = { ...incremental, outDir: kept };
  rmSync(cache, { recursive: true, force: true });
  clean = ok(buildFixture(`incremental-clean-${process.pid}`, content));
}, 600_000);

afterAll(() => {
  for (const dir of [path.dirname(content), cache, incremental?.outDir, removal?.outDir, clean?.outDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('reuses unchanged pages and re-renders the pages that show the edited article', () => {
    const { rendered, reused } = routes(incremental.stdout);
    expect(reused.length).toBeGreaterThan(0);
    for (const page of ['/articles/chip-note-05/index.html', '/category/chips/index.html', '/authors/bo-lindgren/index.html', '/tags/chip-notes/index.html', '/category/chips/rss.xml']) {
      expect(rendered, page).toContain(page);
    }
    // An article that neither shows nor is shown next to chip note 05 is not rendered again: its page is kept
    // from the last output, which the build copied in before Astro started writing.
    expect(reused).toContain('/articles/full-feature/index.html');
    // Feeds that do not list it are reused too (their code once carried the shell's `_`).
    expect(reused.filter((r) => r.endsWith('/rss.xml')).length).toBeGreaterThan(0);
    expect(incremental.stdout).toContain('/articles/full-feature/index.html (cached)');
    expect(incremental.stdout).toMatch(/build: \d+ pages of the last build copied in beside Astro/);
    // The clean build rendered everything.
    expect(routes(clean.stdout).reused).toEqual([]);
    // Cards are copied from the card cache after the routes: only the edited title's card is drawn again.
    expect(cards(incremental.stdout)).toEqual({ total: 16, ahead: 1, cached: 15, now: 0 });
    expect(cards(clean.stdout)).toEqual({ total: 16, ahead: 16, cached: 0, now: 0 });
  });

  it('writes exactly the files of a clean build of the edited content, byte for byte', () => {
    const a = files(incremental.outDir).sort();
    const b = files(clean.outDir).sort();
    expect(a).toEqual(b);
    const differing = a.filter((f) => !readFileSync(path.join(incremental.outDir, f)).equals(readFileSync(path.join(clean.outDir, f))));
    // Known, not ours: two clean builds of the same content can highlight a code block
    // differently (Shiki's light-theme colours for a few tokens, same text), so code
    // blocks are set aside, and only in files that differ; everything else must match.
    const withoutCode = (f: string, dir: string) => readFileSync(path.join(dir, f), 'utf8').replace(/(?:<|&lt;)pre[\s\S]*?(?:<|&lt;)\/pre(?:>|&gt;)/g, '<pre/>');
    expect(differing.filter((f) => withoutCode(f, incremental.outDir) !== withoutCode(f, clean.outDir))).toEqual([]);
    expect(readFileSync(path.join(incremental.outDir, 'articles/chip-note-05/index.html'), 'utf8')).toContain('Chip note 05, revised');
  });

  it('drops the page of a removed article instead of keeping it from the last output', () => {
    expect(removal.stdout).toMatch(/build: \d+ pages of the last build copied in beside Astro/);
    expect(removal.stdout).toMatch(/build: removed \d+ pages? of the last build that this one no longer has/);
    expect(existsSync(path.join(removal.outDir, 'articles/chip-note-13'))).toBe(false);
    expect(existsSync(path.join(removal.outDir, 'og/chip-note-13.png'))).toBe(false);
    expect(readFileSync(path.join(removal.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('chip-note-13');
    // Its words are not in the search index either (Pagefind fragments are gzipped JSON).
    const fragments = readdirSync(path.join(removal.outDir, 'pagefind/fragment')).map((f) => gunzipSync(readFileSync(path.join(removal.outDir, 'pagefind/fragment', f))).toString('utf8'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.some((f) => f.includes('Chip note 13'))).toBe(false);
    expect(fragments.some((f) => f.includes('Chip note 12'))).toBe(true);
  });
});
