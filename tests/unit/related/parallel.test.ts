import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildIndexBase,
  buildRelatedIndex,
  computeAllRelated,
  computeAllRelatedInParallel,
  parseRelatedOptions,
  publishedInOrder,
  startRelatedThreads,
  type IndexBase,
  type ParallelOptions,
  type RelatedOptionsInput,
  type RelatedRecord,
} from '../../../src/lib/related/index.ts';
import { countTerms } from '../../../src/lib/related/term-counts.ts';
import { toLabelledCorpus } from '../../../scripts/related-quality/labelled.ts';
import { loadSample } from '../../../scripts/related-quality/sample.ts';
import { syntheticCorpus } from '../../../scripts/related-quality/synthetic.ts';
import { NOW, rec } from './helpers.ts';

// Real prose (the committed mailing-list sample) plus the synthetic generator, with what the
// workers must carry over faithfully: a draft, pins, a scheduled article, non-ASCII text.
// 192 articles: three count chunks and three query blocks of 64, so claims and merges happen.
const corpus: RelatedRecord[] = [
  ...toLabelledCorpus('sample', loadSample(), 'noisy').records,
  ...syntheticCorpus('noisy').records.map((r, i) => ({ ...r, pinned: i % 17 === 0 ? ['sample-0003', 'missing'] : undefined })),
  rec('zz-unicode', { title: 'Café Zürich: naïve Straßenbahn', bodyText: 'Über die Straßenbahn in Zürich, naïve Fragen zum Café.' }),
  rec('zz-unicode-2', { title: 'Zürich Straßenbahn café', bodyText: 'Naïve Straßenbahn Fragen, Café Zürich.' }),
  rec('zz-draft', { title: 'Zürich café', draft: true }),
  rec('zz-scheduled', { title: 'Straßenbahn Zürich', pubDate: new Date('2030-01-01T00:00:00Z') }),
];
const only = (options: ParallelOptions) => ({ threads: 3, minArticlesPerThread: 1, ...options });
const json = (x: unknown) => JSON.stringify(x);

// Worker entries that break in the ways a real one could: at load, or after taking work.
// (Each does its other jobs properly, so the failure is the only thing that differs.)
const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-related-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = (file: string) => JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, '../../../src/lib/related', file)).href);
function workerFile(name: string, source: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
}
const failsToLoad = workerFile('fails-to-load.mjs', "throw new Error('this worker cannot start');\n");
const diesCounting = workerFile(
  'dies-counting.mjs',
  `import { workerData } from 'node:worker_threads';
import { claimChunk } from ${engine('count-chunks.ts')};
workerData.port.on('message', (job) => {
  if (job.type === 'count') claimChunk(workerData.chunks, job.numChunks, true); // takes a chunk, never sends it
  process.exit(1);
});
`,
);
const diesWeighing = workerFile(
  'dies-weighing.mjs',
  `import { workerData } from 'node:worker_threads';
import { countChunks } from ${engine('count-chunks.ts')};
import { claimBlock } from ${engine('block-claims.ts')};
workerData.port.on('message', (job) => {
  if (job.type === 'count') return countChunks(job, workerData.chunks, workerData.port);
  claimBlock(workerData.weighClaims, 1, workerData.me); // takes a chunk of rows to weigh, never sends it
  process.exit(1);
});
`,
);
const diesQuerying = workerFile(
  'dies-querying.mjs',
  `import { workerData } from 'node:worker_threads';
import { countChunks } from ${engine('count-chunks.ts')};
import { weighChunks } from ${engine('weigh-chunks.ts')};
workerData.port.on('message', (job) => {
  if (job.type === 'count') return countChunks(job, workerData.chunks, workerData.port);
  if (job.type === 'weigh') return weighChunks(job, workerData.weighClaims, workerData.me, workerData.port);
  const block = Atomics.add(workerData.blocks, 0, 1);
  Atomics.compareExchange(workerData.blocks, 1 + block, 0, workerData.me); // claims a block, never sends it
  process.exit(1);
});
`,
);

async function inParallel(options: RelatedOptionsInput, parallel: ParallelOptions) {
  const threads = startRelatedThreads(corpus.length, parallel);
  const parsed = parseRelatedOptions({ now: NOW, ...options });
  const published = publishedInOrder(corpus);
  const counts = await threads.countTerms(published, parsed);
  let base: IndexBase | undefined;
  const weighed = counts && (await threads.weighRows(counts, published.length, parsed, () => (base = buildIndexBase(corpus, parsed))));
  const index = buildRelatedIndex(corpus, parsed, counts, weighed, base);
  const { picks, perThread } = await threads.queryAll(index);
  await threads.close();
  const out: Record<string, unknown> = {};
  index.records.forEach((r, d) => (out[r.id] = picks[d]));
  return { out, perThread, running: threads.running(), stats: index.stats, labels: index.termLabels, index };
}

describe('related articles on worker threads', () => {
  it.each<[string, RelatedOptionsInput]>([
    ['defaults (newer exclude)', {}],
    ['newer include, BM25', { newer: 'include', termWeighting: 'bm25' }],
    ['bigrams (terms counted on one thread), k = 5', { bigrams: true, k: 5 }],
  ])('workers alone give the same bytes as one thread: %s', async (_name, options) => {
    const single = buildRelatedIndex(corpus, { now: NOW, ...options });
    const run = await inParallel(options, only({ callerWorks: false }));
    expect(run.perThread[0]).toBe(0); // every article was computed by a worker
    expect(run.perThread.reduce((a, b) => a + b)).toBe(single.records.length);
    expect(json(run.out)).toBe(json(computeAllRelated(corpus, { now: NOW, ...options })));
    expect(run.stats).toEqual(single.stats);
    expect(run.labels).toEqual(single.termLabels);
    expect(run.running).toBe(0);
  });

  it('merges the workers’ term counts into exactly the counts of one thread', async () => {
    const records = publishedInOrder(corpus);
    const options = parseRelatedOptions({ now: NOW });
    const threads = startRelatedThreads(records.length, only({ callerWorks: false }));
    const merged = (await threads.countTerms(records, options))!;
    await threads.close();
    const single = countTerms(records, options);
    for (const key of ['start', 'cols', 'tf', 'length', 'numTerms'] as const) expect(merged[key]).toEqual(single[key]);
    expect(merged.vocab.stems).toEqual(single.vocab.stems);
    expect(merged.vocab.surfaceForms()).toEqual(single.vocab.surfaceForms());
  });

  it.each<[string, ParallelOptions]>([
    ['workers alone', { callerWorks: false }],
    ['this thread and the workers', {}],
  ])('builds the same index as one thread, array for array: %s', async (_name, parallel) => {
    const single = buildRelatedIndex(corpus, { now: NOW });
    const { index } = await inParallel({}, only(parallel));
    // rows weighed in chunks by several threads, the base built meanwhile: every part equal
    for (const key of ['text', 'textCandidates', 'textPostings', 'tags', 'tagPostings'] as const) {
      for (const part of ['start', 'cols', 'values'] as const) expect(Array.from(index[key][part]), `${key}.${part}`).toEqual(Array.from(single[key][part]));
    }
    for (const key of ['time', 'eligible', 'category', 'newest'] as const) expect(Array.from(index[key]), key).toEqual(Array.from(single[key]));
    expect(index.newestByCategory.map((l) => Array.from(l))).toEqual(single.newestByCategory.map((l) => Array.from(l)));
    expect([index.categoryNames, index.tagNames, index.termLabels, index.numTerms, index.stats]).toEqual([single.categoryNames, single.tagNames, single.termLabels, single.numTerms, single.stats]);
    expect(index.records.map((r) => r.id)).toEqual(single.records.map((r) => r.id));
    expect([...index.draftIds]).toEqual([...single.draftIds]);
  });

  it('gives the same bytes when this thread and the workers share the work', async () => {
    const reference = json(computeAllRelated(corpus, { now: NOW }));
    expect(json(await computeAllRelatedInParallel(corpus, { now: NOW }, only({})))).toBe(reference);
  });

  it.each<[string, ParallelOptions]>([
    ['the worker file is missing (bundled code)', { workerFile: path.join(dir, 'not-there.ts') }],
    ['workers fail to start', { workerFile: failsToLoad }],
    ['a worker dies after taking a chunk of articles to count', { workerFile: diesCounting }],
    ['a worker dies after taking a chunk of rows to weigh', { workerFile: diesWeighing }],
    ['a worker dies after taking a block of articles to query', { workerFile: diesQuerying }],
  ])('computes everything on this thread when %s', async (_name, parallel) => {
    const run = await inParallel({}, only({ ...parallel, callerWorks: false }));
    expect(json(run.out)).toBe(json(computeAllRelated(corpus, { now: NOW })));
    expect(run.perThread[0]).toBe(run.stats.docs);
    expect(run.running).toBe(0);
  });

  it('leaves no thread running: a process that used workers exits by itself', () => {
    const script = `
      import { buildRelatedIndex, parseRelatedOptions, publishedInOrder, startRelatedThreads } from ${engine('index.ts')};
      const records = Array.from({ length: 300 }, (_, i) => ({ id: 'a' + i, title: 'topic ' + (i % 7) + ' words', description: '', highlights: [], headings: [],
        bodyText: 'shared words about topic ' + (i % 7) + ' and more ' + (i % 11), tags: [], category: '', authors: [], pubDate: new Date(Date.UTC(2024, 0, 1 + i)) }));
      const threads = startRelatedThreads(records.length, { threads: 2, minArticlesPerThread: 1, callerWorks: false });
      const options = parseRelatedOptions({ now: new Date(Date.UTC(2030, 0, 1)) });
      const counts = await threads.countTerms(publishedInOrder(records), options);
      const index = buildRelatedIndex(records, options, counts, await threads.weighRows(counts, records.length, options));
      const { picks, perThread } = await threads.queryAll(index);
      await threads.close();
      console.log(picks.length, perThread[1]); // the worker computed every article
    `;
    // a file, not `-e`: workers inherit the process's flags, and `--input-type` would stop them loading
    const child = spawnSync(process.execPath, [workerFile('exits.mjs', script)], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0); // a live worker would keep the process alive until the timeout kills it
    expect(child.stdout.trim()).toBe('300 300');
  });

  it('starts workers with Node’s compile cache on, in Node’s default directory when none is set', () => {
    // The calling thread has no cache (NODE_COMPILE_CACHE unset), so whatever lands in the temp
    // directory's node-compile-cache was written by the worker compiling its module graph.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-related-cache-'));
    try {
      const script = `
        import { computeAllRelatedInParallel } from ${engine('index.ts')};
        import { getCompileCacheDir } from 'node:module';
        const records = Array.from({ length: 40 }, (_, i) => ({ id: 'a' + i, title: 'topic ' + (i % 5), description: '', highlights: [], headings: [],
          bodyText: 'words about topic ' + (i % 5), tags: [], category: '', authors: [], pubDate: new Date(Date.UTC(2024, 0, 1 + i)) }));
        await computeAllRelatedInParallel(records, { now: new Date(Date.UTC(2030, 0, 1)) }, { threads: 2, minArticlesPerThread: 1, callerWorks: false });
        console.log(getCompileCacheDir() ?? 'none');
      `;
      const { NODE_COMPILE_CACHE: _unset, ...env } = process.env;
      const child = spawnSync(process.execPath, [workerFile('cache.mjs', script)], { encoding: 'utf8', timeout: 60_000, env: { ...env, TMPDIR: tmp } });
      expect(child.stderr).toBe('');
      expect(child.stdout.trim()).toBe('none'); // not on for the calling thread
      const cache = path.join(tmp, 'node-compile-cache');
      expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(5); // worker.ts and its imports
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
