/**
 * The one content reader, end to end: npm run check:content, a real build
 * over the broken cases, the same dist/ from builds in two time zones, and
 * Astro's entry cache re-parsing only the file that changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildFixture, OUTPUT, readOut, ROOT } from '../support/build.ts';
import { walk } from '../support/files.ts';

const NOW = '2026-11-30T00:00:00Z';

function checkContent(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/check-content.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BROADSHEET_NOW: NOW } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check:content', () => {
  it('lists problems grouped by file with line:column and exits 1', () => {
    const result = checkContent('--content', 'tests/fixtures/broken-cases/content');
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('Broadsheet found 26 content problems in 24 files:');
    expect(result.stderr).toContain(
      '  tests/fixtures/broken-cases/content/articles/script-in-prose.mdx\n' +
        '    - 10:42 (body): expected valid MDX (escape < and { in prose as \\< and \\{), found Unexpected closing tag `</script>`, expected an open tag first\n',
    );
    expect(result.stdout.trim().split('\n').at(-1)).toBe('content has problems: 15 articles and 1 authors in tests/fixtures/broken-cases/content, 26 problems, 10 warnings');
  });

  it('exits 0 when there are only warnings', () => {
    const result = checkContent('--content', 'tests/fixtures/timezone/content');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('content OK: 3 articles and 1 authors in tests/fixtures/timezone/content, 0 problems, 3 warnings');
  });

  it('--json gives the same findings as data', () => {
    const result = checkContent('--content', 'tests/fixtures/broken-cases/content', '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; problems: { file: string; field: string; line?: number }[]; warnings: unknown[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(26);
    expect(report.problems).toContainEqual({
      file: 'tests/fixtures/broken-cases/content/articles/linked-hero/index.mdx',
      field: 'heroImage',
      line: 8,
      expected: 'an image file inside the content folder, as a path relative to this file',
      found: '"./photo.png" (a symbolic link to a file outside the content folder)',
    });
  });

  it('rejects an unknown option with the usage line', () => {
    const result = checkContent('--jsn');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("check:content: Unknown option '--jsn' (usage: npm run check:content -- [--content DIR] [--json])\n");
  });
});

describe('a build over the broken cases', () => {
  const result = buildFixture(`broken-cases-${process.pid}`, 'tests/fixtures/broken-cases/content');
  const output = result.stdout + result.stderr;

  it('fails before rendering, with the same report as check:content and no stack', () => {
    expect(result.status).toBe(1);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
    expect(output).toContain(checkContent('--content', 'tests/fixtures/broken-cases/content').stderr.trim());
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('dates and the entry cache', () => {
  // A private copy: the cache is keyed by folder, and one file is edited below.
  const content = path.join(OUTPUT, `tz-content-${process.pid}`);
  const builds: Record<string, ReturnType<typeof buildFixture>> = {};

  beforeAll(() => {
    rmSync(content, { recursive: true, force: true });
    cpSync(path.join(ROOT, 'tests/fixtures/timezone/content'), content, { recursive: true });
    builds['utc'] = buildFixture(`tz-utc-${process.pid}`, content, { TZ: 'UTC' });
    builds['tokyo'] = buildFixture(`tz-tokyo-${process.pid}`, content, { TZ: 'Asia/Tokyo' });
    const file = path.join(content, 'articles/calendar-day.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: A calendar day', 'title: A calendar day, edited'));
    builds['edited'] = buildFixture(`tz-edited-${process.pid}`, content, { TZ: 'Asia/Tokyo' });
  });

  afterAll(() => {
    rmSync(content, { recursive: true, force: true });
    for (const build of Object.values(builds)) rmSync(build.outDir, { recursive: true, force: true });
    const cache = path.join(ROOT, 'node_modules/.astro');
    for (const name of existsSync(cache) ? readdirSync(cache) : []) if (name.startsWith(`tz-content-${process.pid}-`)) rmSync(path.join(cache, name), { recursive: true, force: true });
  });

  it('builds byte-identical sites with TZ=UTC and TZ=Asia/Tokyo', () => {
    const utc = builds['utc']!;
    const tokyo = builds['tokyo']!;
    expect(utc.status, utc.stderr).toBe(0);
    expect(tokyo.status, tokyo.stderr).toBe(0);
    const files = walk(utc.outDir);
    expect(walk(tokyo.outDir)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(path.join(utc.outDir, file)).equals(readFileSync(path.join(tokyo.outDir, file))));
    expect(differing).toEqual([]);
  });

  it('prints the instant and the day everywhere the same way', () => {
    const html = readOut(builds['tokyo']!.outDir, 'articles/late-in-tokyo/index.html');
    expect(html).toMatch(/<time datetime="2026-03-05T14:30:00.000Z"[^>]*>March 5, 2026<\/time>/);
    expect(html).toMatch(/<time datetime="2026-03-05T16:15:00.000Z"[^>]*>March 5, 2026<\/time>/);
    const sitemap = readOut(builds['tokyo']!.outDir, 'sitemap-0.xml');
    expect(sitemap).toMatch(/<loc>https:\/\/broadsheet\.example\.com\/articles\/late-in-tokyo\/<\/loc>\s*<lastmod>2026-03-05T16:15:00\.000Z<\/lastmod>/);
    const day = readOut(builds['tokyo']!.outDir, 'articles/calendar-day/index.html');
    expect(day).toMatch(/<time datetime="2026-03-06T00:00:00.000Z"[^>]*>March 6, 2026<\/time>/);
  });

  it('parses every entry once, then only the file that changed', () => {
    expect(builds['utc']!.stdout).toContain('articles: 3 parsed (.mdx: 2 rendered to HTML, 0 compiled as modules), 0 unchanged');
    expect(builds['tokyo']!.stdout).toContain('articles: 0 parsed, 3 unchanged');
    expect(builds['edited']!.stdout).toContain('articles: 1 parsed, 2 unchanged');
    expect(builds['edited']!.stdout).toContain('authors: 0 parsed, 1 unchanged');
    expect(readOut(builds['edited']!.outDir, 'articles/calendar-day/index.html')).toContain('A calendar day, edited');
  });
});
