/**
 * `npm run new` and `npm run new:author`, run as a writer would (the real
 * scripts in a child process) against a copy of the fixture content. Every
 * scaffolded file must pass the content check the build runs first.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/build.ts';
import { loadSiteContent } from '../../src/data/content-loader.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-new-'));
  cpSync(path.join(ROOT, 'tests/fixtures/site/content'), dir, { recursive: true });
  return () => rmSync(dir, { recursive: true, force: true });
});

function run(script: 'new' | 'new-author', args: string[], input = '') {
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: dir }, input, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** Problems the build's pre-flight check finds in one file of the temp content folder. */
async function problemsIn(file: string) {
  return (await loadSiteContent(dir)).problems.filter((p) => p.file.endsWith(file));
}

const TRICKY: [string, string][] = [
  ['Ünïcode: Ça marche — 100% ready?', 'unicode-ca-marche-100-ready'],
  ['C++ vs C#: "quotes", \'apostrophes\' & a #hash', 'c-plus-plus-vs-c-sharp-quotes-apostrophes-and-a-sharp-hash'],
  ['---\nkey: value\n--- YAML? [not] {really}: *alias', 'key-value-yaml-not-really-alias'],
  ['DeepSeek 深度求索 V4 发布', 'deepseek-v4'],
  [`${'Very long headline about inference pricing '.repeat(3)}end`, 'very-long-headline-about-inference-pricing-very-long-headline-about-inference'],
];

describe('npm run new', () => {
  it.each(TRICKY)('makes a valid draft for %j', async (title, slug) => {
    // `--` ends the options, so a title may start with dashes.
    const r = run('new', ['--category', 'models', '--author', 'ada-quill,bo-lindgren', '--tags', 'KV Cache, moe', '--', title]);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    const file = path.join(dir, 'articles', `${slug}.mdx`);
    expect(r.out).toContain(`Created ${file} (draft: true)`);
    expect(r.out).toContain(`/articles/${slug}/`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toMatch(/^pubDate: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toContain('## What happened');
    expect(text).toMatch(/^sources: \[\]$/m);
    expect(await problemsIn(`${slug}.mdx`)).toEqual([]);
    const article = (await loadSiteContent(dir)).articles.find((a) => a.id === slug);
    expect(article?.data.title).toBe(title.trim());
    expect(article?.data.tags).toEqual(['kv-cache', 'moe']);
    expect(article?.data.author).toEqual(['ada-quill', 'bo-lindgren']);
  });

  it('makes <slug>/index.mdx with --folder, valid too', async () => {
    const r = run('new', ['Folder article', '--category', 'chips', '--author', 'cy-okoye', '--folder']);
    expect(r.status).toBe(0);
    expect(existsSync(path.join(dir, 'articles/folder-article/index.mdx'))).toBe(true);
    expect(await problemsIn('folder-article/index.mdx')).toEqual([]);
  });

  it('refuses to overwrite an existing article, in either layout, and leaves it untouched', async () => {
    const existing = path.join(dir, 'articles/plain-markdown.md');
    const before = readFileSync(existing, 'utf8');
    const r = run('new', ['Plain Markdown', '--category', 'models', '--author', 'ada-quill']);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`new: ${existing} already exists; nothing was written. Pick another title or pass --slug\n`);
    expect(readFileSync(existing, 'utf8')).toBe(before);
    expect(run('new', ['Full feature', '--category', 'models', '--author', 'ada-quill']).err).toContain('full-feature already exists');
  });

  it('rejects unknown categories and authors, listing the valid ones', async () => {
    const cat = run('new', ['X', '--category', 'modles', '--author', 'ada-quill']);
    expect(cat.status).toBe(1);
    expect(cat.err).toBe('new: unknown category "modles" (did you mean "models"?); valid categories: models (Models), chips (Chips & Compute), business (Business), policy (Policy), explainers (Explainers)\n');
    const author = run('new', ['X', '--category', 'models', '--author', 'ada-quill,nobody']);
    expect(author.err).toBe('new: unknown author "nobody"; valid authors: ada-quill (Ada Quill), bo-lindgren (Bo Lindgren), cy-okoye (Cy Okoye)\n');
    expect(existsSync(path.join(dir, 'articles/x.mdx'))).toBe(false);
  });

  it('asks for category and author when the flags are missing, re-asking after a wrong answer', async () => {
    const r = run('new', ['Asked interactively'], 'nope\n2\nbo-lindgren\n');
    expect(r.status).toBe(0);
    expect(r.out).toContain('unknown category "nope"');
    expect(r.out).toMatch(/ 2\) chips +Chips & Compute/);
    const text = readFileSync(path.join(dir, 'articles/asked-interactively.mdx'), 'utf8');
    expect(text).toMatch(/^category: chips$/m);
    expect(text).toMatch(/^author: bo-lindgren$/m);
    expect(await problemsIn('asked-interactively.mdx')).toEqual([]);
  });

  it('stops with the valid choices when there is nothing to answer, and for a title without a usable slug', async () => {
    const r = run('new', ['No answers']);
    expect(r.status).toBe(1);
    expect(r.err).toBe('new: no category given; pass --category (models, chips, business, policy, explainers)\n');
    expect(run('new', ['深度求索', '--category', 'models', '--author', 'ada-quill']).err).toContain('pass --slug');
    expect(run('new', ['x'.repeat(141), '--category', 'models', '--author', 'ada-quill']).err).toBe('new: the title has 141 characters; the limit is 140\n');
    expect(run('new', ['深度求索', '--slug', 'deepseek', '--category', 'models', '--author', 'ada-quill']).status).toBe(0);
  });
});

describe('npm run new:author', () => {
  it('creates a valid author an article can then credit', async () => {
    const r = run('new-author', ['jane-doe', 'Jane "JD" Doe-Ñúñez']);
    expect(r.status).toBe(0);
    expect(await problemsIn('authors/jane-doe.md')).toEqual([]);
    expect((await loadSiteContent(dir)).authors.find((a) => a.id === 'jane-doe')?.data.name).toBe('Jane "JD" Doe-Ñúñez');
    expect(run('new', ['By Jane', '--category', 'policy', '--author', 'jane-doe']).status).toBe(0);
    expect(await problemsIn('by-jane.mdx')).toEqual([]);
  });

  it('refuses bad ids and existing authors', async () => {
    expect(run('new-author', ['Jane Doe', 'Jane']).err).toBe('new:author: the id must be lower-case letters, digits and hyphens, found "Jane Doe" (try "jane-doe")\n');
    const existing = run('new-author', ['ada-quill', 'Ada Again']);
    expect(existing.status).toBe(1);
    expect(existing.err).toContain('ada-quill.md already exists; nothing was written');
    writeFileSync(path.join(dir, 'authors/marker.md'), 'x');
    expect(run('new-author', ['marker', 'M']).status).toBe(1);
  });
});
