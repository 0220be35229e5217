// Search benchmark: a generated 5,000-article site, built with the real pipeline,
// indexed by Pagefind, then searched in Debian's Chromium.
//   npm run bench:search                      (= node scripts/bench-search.ts)
//   node scripts/bench-search.ts --n 5000 --query inference --runs 3 --keep
// Reports: Pagefind indexing time (from the build's "pagefind: indexed" line), the
// index size (bytes under dist/pagefind), and time to first result in Chromium:
// opening /search/?q=... (navigation start -> first result card in the DOM) and
// typing in the dialog (first keystroke -> first option in the DOM; this includes
// the dialog's 150 ms typing delay). Each run uses a fresh browser context (cold cache).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import site from '../src/site.config.ts';
import { mulberry32 } from '../src/lib/seeded-random.ts';
import { ADJ, COMPANIES, NOUNS, THINGS, TOPICS, VERBS, newsText } from './bench/news-text.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '5000' },
    query: { type: 'string', default: 'inference' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const RUNS = Number(values.runs);
const ROOT = path.resolve(import.meta.dirname, '..');

const rng = mulberry32(Number(values.seed));
// The newsroom vocabulary shared with the build benchmark (scripts/bench/news-text.ts).
const { pick, some, sentence } = newsText(rng);
const TAGS = TOPICS;
const AUTHORS = [
  { id: 'maya-chen', name: 'Maya Chen' },
  { id: 'daniel-okafor', name: 'Daniel Okafor' },
  { id: 'sofia-lindqvist', name: 'Sofia Lindqvist' },
  { id: 'arjun-rao', name: 'Arjun Rao' },
];

const paragraph = () => Array.from({ length: 3 + Math.floor(rng() * 4) }, sentence).join(' ');
const yaml = (s: string) => JSON.stringify(s);

function writeCorpus(dir: string): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  mkdirSync(path.join(dir, 'authors'), { recursive: true });
  for (const a of AUTHORS) writeFileSync(path.join(dir, 'authors', `${a.id}.md`), `---\nname: ${a.name}\nrole: Reporter\nbio: ${a.name} covers AI and chips.\n---\n\n${a.name} writes for the benchmark desk.\n`);
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < N; i++) {
    const title = `${pick(COMPANIES)} ${pick(VERBS)} ${pick(ADJ)} ${pick(THINGS)} (${i + 1})`;
    const date = new Date(start + Math.floor(rng() * span)).toISOString().slice(0, 10);
    const body = [paragraph(), `## ${pick(ADJ)} ${pick(NOUNS)}`, paragraph(), paragraph(), `## What ${pick(COMPANIES)} does next`, paragraph(), paragraph()].join('\n\n');
    writeFileSync(path.join(dir, 'articles', `bench-${String(i + 1).padStart(5, '0')}.md`), [
      '---',
      `title: ${yaml(title)}`,
      `description: ${yaml(sentence())}`,
      `pubDate: ${date}`,
      `author: ${rng() < 0.15 ? `[${some(AUTHORS, 2).map((a) => a.id).join(', ')}]` : pick(AUTHORS).id}`,
      `category: ${pick(site.categories).slug}`,
      `tags: [${some(TAGS, 1 + Math.floor(rng() * 3)).join(', ')}]`,
      `highlights: [${yaml(sentence())}, ${yaml(sentence())}]`,
      '---',
      '',
      body,
      '',
    ].join('\n'));
  }
}

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) { const sub = dirBytes(full); bytes += sub.bytes; files += sub.files; } else { bytes += st.size; files++; }
  }
  return { bytes, files };
}

/** Records (in page time, ms since navigation start) when the first element matching `selector` appears. */
async function watchFirst(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    const w = window as any;
    new MutationObserver((_, observer) => {
      if (w.__first === undefined && document.querySelector(sel)) { w.__first = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MiB`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-search-'));
const content = path.join(tmp, 'content');
const out = path.join(tmp, 'dist');
try {
  let t = performance.now();
  writeCorpus(content);
  console.log(`corpus: ${N} articles, 4 authors, ${site.categories.length} categories in ${content} (${Math.round(performance.now() - t)} ms)`);

  t = performance.now();
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const buildMs = performance.now() - t;
  if (build.status !== 0) throw new Error(`build failed (exit ${build.status}):\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const line = /pagefind: indexed (\d+) pages in (\d+) ms/.exec(build.stdout + build.stderr);
  if (!line) throw new Error('no "pagefind: indexed" line in the build log');
  const index = dirBytes(path.join(out, 'pagefind'));
  console.log(`build: ${(buildMs / 1000).toFixed(1)} s in total (Astro + Pagefind)`);
  console.log(`pagefind: indexed ${line[1]} pages in ${line[2]} ms`);
  console.log(`index: ${index.bytes} bytes (${mib(index.bytes)}) in ${index.files} files under dist/pagefind`);

  const { server, url } = await serveStatic(out);
  const browser = await launch();
  const query = values.query!;
  const load: number[] = [];
  const typed: number[] = [];
  const transferred: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // 1. Open the search page with the query in the URL: navigation start -> first result card.
      let context = await browser.newContext({ baseURL: url });
      let page = await context.newPage();
      let bytes = 0;
      page.on('response', async (r) => { if (r.url().includes('/pagefind/')) bytes += (await r.body().catch(() => Buffer.alloc(0))).length; });
      await watchFirst(page, '[data-search-results] .result-card');
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('[data-search-results] .result-card', { timeout: 60_000 });
      load.push(await page.evaluate(() => (window as any).__first as number));
      transferred.push(bytes);
      await context.close();

      // 2. Type in the dialog on the home page: first keystroke -> first option.
      context = await browser.newContext({ baseURL: url });
      page = await context.newPage();
      await page.goto('/');
      await page.evaluate(() => {
        const w = window as any;
        document.addEventListener('keydown', () => { w.__typed ??= performance.now(); }, { capture: true });
        new MutationObserver((_, observer) => {
          if (w.__typed !== undefined && document.querySelector('[role=option]')) { w.__first = performance.now(); observer.disconnect(); }
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.keyboard.press('/');
      await page.evaluate(() => { (window as any).__typed = undefined; });
      await page.keyboard.type(query);
      await page.waitForSelector('[role=option]', { timeout: 60_000 });
      typed.push(await page.evaluate(() => (window as any).__first - (window as any).__typed));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const fmt = (xs: number[]) => `median ${Math.round(median(xs))} ms (runs: ${xs.map((x) => Math.round(x)).join(', ')})`;
  console.log(`search page /search/?q=${query}: navigation start -> first result card: ${fmt(load)}; Pagefind bytes fetched: ${mib(median(transferred))}`);
  console.log(`dialog: first keystroke of "${query}" -> first result option (incl. 150 ms typing delay): ${fmt(typed)}`);
} finally {
  if (values.keep) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
