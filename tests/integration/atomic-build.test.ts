/**
 * `npm run build` never damages the last good output: a build that fails (MDX
 * syntax error, an image that cannot be decoded) or is killed part-way leaves
 * every file of dist/ byte-identical, and no temporary folder stays behind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT, ROOT, cleanEnv } from '../support/build.ts';

const work = path.join(OUTPUT, `atomic-${process.pid}`);
const content = path.join(work, 'content');
const out = path.join(work, 'dist');
const env = () => ({ ...cleanEnv(), NO_COLOR: '1', CONTENT_DIR: content, BROADSHEET_NOW: '2026-11-30T00:00:00Z' });
const args = ['scripts/build.mjs', '--out', out];

function build() {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: env(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, log: r.stdout + r.stderr };
}

/** Relative path -> sha256 of every file under dir. */
function checksums(dir: string, prefix = ''): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(sums, checksums(full, `${prefix}${name}/`));
    else sums[`${prefix}${name}`] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return sums;
}

const leftovers = () => readdirSync(work).filter((name) => name.startsWith('.dist.')).sort();
/** The replaced output is deleted by a detached process after the build exits (removeInBackground): give it time. */
async function settledLeftovers(): Promise<string[]> {
  for (let i = 0; i < 600 && leftovers().some((name) => name.startsWith('.dist.previous-')); i++) await new Promise((r) => setTimeout(r, 50));
  return leftovers();
}
const article = (file: string, body: string, extra = '') =>
  writeFileSync(
    path.join(content, 'articles', file),
    `---\ntitle: "Broken on purpose"\ndescription: "An article that makes the build fail."\npubDate: 2026-03-03\nauthor: bo-lindgren\ncategory: chips\n${extra}---\n\n${body}\n`,
  );

describe('an atomic build', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(ROOT, 'tests/fixtures/atomic/content'), content, { recursive: true });
  const first = build();
  const good = first.status === 0 ? checksums(out) : {};

  it('writes the output by swapping in a finished build', () => {
    expect(first.status, first.log.slice(-3000)).toBe(0);
    expect(Object.keys(good)).toContain('index.html');
    expect(Object.keys(good)).toContain('pagefind/pagefind-entry.json');
    expect(Object.keys(good)).toContain('sitemap-index.xml');
    expect(leftovers()).toEqual([]);
  });

  it('an MDX syntax error leaves dist/ byte-identical', () => {
    article('syntax-error.mdx', 'An unclosed <div> tag and a {broken expression.');
    const r = build();
    rmSync(path.join(content, 'articles', 'syntax-error.mdx'));
    expect(r.status).toBe(1);
    expect(r.log).toMatch(/left unchanged\./);
    expect(checksums(out)).toEqual(good);
    expect(leftovers()).toEqual([]);
  }, 600_000);

  it('an image that cannot be decoded leaves dist/ byte-identical', () => {
    mkdirSync(path.join(content, 'articles', 'bad-image'));
    writeFileSync(path.join(content, 'articles', 'bad-image', 'hero.jpg'), 'this is not a JPEG');
    article(path.join('bad-image', 'index.md'), 'Body text.', 'heroImage: ./hero.jpg\nheroAlt: "A picture that is not one"\n');
    const r = build();
    rmSync(path.join(content, 'articles', 'bad-image'), { recursive: true });
    expect(r.status).toBe(1);
    expect(r.log).toMatch(/left unchanged\./);
    expect(checksums(out)).toEqual(good);
    expect(leftovers()).toEqual([]);
  }, 600_000);

  it('a build killed part-way (SIGKILL) leaves dist/ byte-identical; the next build cleans up', async () => {
    article('extra.md', 'A new article, so the next build differs from the last good one.');
    const child = spawn(process.execPath, args, { cwd: ROOT, env: env(), stdio: 'ignore' });
    const building = path.join(work, '.dist.building');
    // Kill once the new build has written pages, i.e. mid-way through.
    const hasPages = () => existsSync(path.join(building, 'index.html')) || (existsSync(building) && readdirSync(building).some((n) => n.endsWith('.html') || n === 'articles'));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    for (let i = 0; i < 6000 && !hasPages() && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(checksums(out)).toEqual(good);
    expect(leftovers()).toEqual(['.dist.building', '.dist.building.pid']);

    const next = build();
    expect(next.status, next.log.slice(-3000)).toBe(0);
    expect(next.log).toContain('build: removed .dist.building (left by an interrupted build)');
    expect(await settledLeftovers()).toEqual([]);
    expect(Object.keys(checksums(out))).toContain('articles/extra/index.html');
  }, 900_000);
});
