/**
 * Building the index and every article's picks on several threads: worker threads (worker.ts)
 * start first and boot while this thread begins, then
 * 1. terms are counted in chunks of articles, this thread from the front and workers from the
 *    back, merged so term ids come out as on one thread (parallel-count.ts);
 * 2. the rows are weighed in chunks by all threads (parallel-weigh.ts), while this thread first
 *    builds the parts of the index that need no text (dates, tags, fallback lists); then the text
 *    postings are built here. Rows and postings live on SharedArrayBuffers, so workers read them
 *    in place;
 * 3. articles are split into blocks that this thread and the workers take from a shared
 *    counter until none is left (a slow or late thread simply takes fewer). Each article's picks
 *    do not depend on the thread that computed them and are stored by doc number.
 * So the output is byte-identical to computeAllRelated. Anything a worker did not deliver (it
 * could not start, e.g. the worker file is missing because this code was bundled, or it failed)
 * is computed on this thread, so the result never depends on workers; all of them are ended
 * before the result is returned.
 */
import { existsSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { buildIndexBase, buildRelatedIndex, publishedInOrder, type IndexBase, type QueryIndex } from './build-index.ts';
import { parseRelatedOptions, type RelatedOptions, type RelatedOptionsInput } from './options.ts';
import { countTermsInParallel } from './parallel-count.ts';
import { weighChunkSize, weighRowsInParallel } from './parallel-weigh.ts';
import { decodePicks } from './pick-codec.ts';
import { relatedForDoc } from './related.ts';
import type { TermCounts } from './term-counts.ts';
import type { WeighedRows } from './text-vectors.ts';
import type { BlockResult, QueryJob, RelatedWorkerData } from './worker.ts';
import { settle, type Helper } from './settle.ts';
import { packQueryIndex } from './shared-index.ts';
import type { RelatedPick, RelatedRecord } from './types.ts';

export interface ParallelOptions {
  /** Threads in all, this one included (default: os.availableParallelism()); 1 = no workers. */
  threads?: number;
  /** Worker entry (default: worker.ts beside this file, when it exists). */
  workerFile?: string;
  /**
   * Fewest articles per thread worth a worker (default 1,500): a worker takes 50-200 ms to start
   * (measured, loaded machine), so on a smaller share this thread would be done alone first.
   */
  minArticlesPerThread?: number;
  /**
   * false: this thread leaves the counting and the queries to the workers and only merges (it
   * still does whatever they fail to deliver). Default true; false makes tests deterministic.
   */
  callerWorks?: boolean;
}

// Blocks of 64 articles: about 10 ms of work each, so threads finish within a block of each other.
const BLOCK_SIZE = 64;
const MAIN = 1;

/**
 * The environment of a worker: this one's, with Node's module compile cache on. A worker loads
 * its modules from source, and stripping the TypeScript types of its module graph took most of
 * its start-up (230-300 ms on a loaded machine, 80-100 ms with the cache: docs/related.md). The
 * cache is Node's own (its default directory, or NODE_COMPILE_CACHE, or the one this process
 * uses); NODE_DISABLE_COMPILE_CACHE=1 still switches it off, and it changes no result.
 */
function workerEnv(): NodeJS.ProcessEnv {
  const dir = process.env.NODE_COMPILE_CACHE || getCompileCacheDir() || path.join(os.tmpdir(), 'node-compile-cache');
  return { ...process.env, NODE_COMPILE_CACHE: dir };
}

function defaultWorkerFile(): string | undefined {
  const url = new URL('./worker.ts', import.meta.url);
  return url.protocol === 'file:' ? fileURLToPath(url) : undefined;
}

export interface RelatedThreads {
  /** countTerms(records, options) for records in index order (publishedInOrder); undefined when no worker shares it. */
  countTerms(records: readonly RelatedRecord[], options: RelatedOptions): Promise<TermCounts | undefined>;
  /**
   * The weighed rows of those counts, shared with the workers (parallel-weigh.ts); undefined when
   * no worker shares it. `meanwhile` runs on this thread while the workers weigh.
   */
  weighRows(counts: TermCounts, n: number, options: RelatedOptions, meanwhile?: () => void): Promise<WeighedRows | undefined>;
  /** Picks per doc number, and how many articles each thread computed (this one first). */
  queryAll(index: QueryIndex): Promise<{ picks: RelatedPick[][]; perThread: number[] }>;
  /** Ends every worker; resolves once they have exited. */
  close(): Promise<void>;
  /** Workers started and not yet exited. */
  running(): number;
}

/** Starts the workers for up to `maxArticles` articles (they boot while the caller goes on). */
export function startRelatedThreads(maxArticles: number, options: ParallelOptions = {}): RelatedThreads {
  const { threads = os.availableParallelism(), workerFile = defaultWorkerFile(), minArticlesPerThread = 1500, callerWorks = true } = options;
  const wanted = Math.min(threads, Math.floor(maxArticles / minArticlesPerThread)) - 1;
  const usable = wanted > 0 && workerFile !== undefined && existsSync(workerFile);
  const blocks = new Int32Array(new SharedArrayBuffer(4 * (1 + Math.ceil(maxArticles / BLOCK_SIZE))));
  const chunks = new Int32Array(new SharedArrayBuffer(4));
  const weighClaims = new Int32Array(new SharedArrayBuffer(4 * (1 + Math.ceil(maxArticles / weighChunkSize(maxArticles)))));
  const helpers: Helper[] = [];
  const env = usable ? workerEnv() : undefined;
  let exited = 0;
  for (let i = 0; usable && i < wanted; i++) {
    const { port1, port2 } = new MessageChannel();
    const me = MAIN + 1 + i;
    const data: RelatedWorkerData = { port: port2, chunks, weighClaims, blocks, me };
    const helper: Helper = { worker: new Worker(workerFile!, { workerData: data, transferList: [port2], env }), port: port1, me, gone: false };
    // A worker that cannot start or fails only costs its share of the work, never the build.
    helper.worker.on('error', () => (helper.gone = true));
    helper.worker.on('exit', () => {
      helper.gone = true;
      exited++;
    });
    helpers.push(helper);
  }
  return {
    countTerms: async (records, options) => (helpers.length === 0 || options.bigrams ? undefined : countTermsInParallel(records, options, helpers, chunks, callerWorks)),
    weighRows: (counts, n, options, meanwhile) => weighRowsInParallel(counts, n, options, helpers, weighClaims, callerWorks, meanwhile),
    queryAll: (index) => queryAll(index, blocks, helpers, callerWorks),
    close: async () => {
      for (const h of helpers) h.port.close();
      await Promise.all(helpers.map((h) => h.worker.terminate()));
    },
    running: () => helpers.length - exited,
  };
}

/** One-shot: the block claims are not reset, so a RelatedThreads serves one index. */
async function queryAll(index: QueryIndex, blocks: Int32Array, helpers: Helper[], callerWorks: boolean): Promise<{ picks: RelatedPick[][]; perThread: number[] }> {
  const n = index.records.length;
  const numBlocks = Math.ceil(n / BLOCK_SIZE);
  if (numBlocks + 1 > blocks.length) throw new Error(`related: ${n} articles, but threads were started for ${(blocks.length - 1) * BLOCK_SIZE}`);
  const job: QueryJob = { type: 'query', index: packQueryIndex(index), blockSize: BLOCK_SIZE };
  for (const h of helpers) h.port.postMessage(job);
  const ids = index.records.map((r) => r.id);
  const picks = new Array<RelatedPick[]>(n);
  const perThread = new Array<number>(helpers.length + 1).fill(0);
  const size = (block: number) => Math.min(n, (block + 1) * BLOCK_SIZE) - block * BLOCK_SIZE;
  const run = (block: number) => {
    for (let d = block * BLOCK_SIZE, end = d + size(block); d < end; d++) picks[d] = relatedForDoc(index, d);
    perThread[0]! += size(block);
  };
  // (a worker that counted no chunk may still send its word counts: not a block)
  const receive = (h: Helper, m: BlockResult | { type: 'counted' }) => {
    if (m.type !== 'block') return;
    const from = m.block * BLOCK_SIZE;
    decodePicks(m, size(m.block), ids).forEach((p, i) => (picks[from + i] = p));
    perThread[h.me - MAIN]! += size(m.block);
  };
  const drain = () => {
    for (const h of helpers) for (let m = receiveMessageOnPort(h.port); m; m = receiveMessageOnPort(h.port)) receive(h, m.message);
  };

  if (callerWorks) {
    // Take blocks like the workers do; between blocks, unpack what they sent (this thread's share of that work).
    for (let block = Atomics.add(blocks, 0, 1); block < numBlocks; block = Atomics.add(blocks, 0, 1)) {
      if (Atomics.compareExchange(blocks, 1 + block, 0, MAIN) !== 0) continue;
      run(block);
      drain();
    }
    // A worker may have drawn a number from the counter without claiming its block yet: claim any such block here.
    for (let block = 0; block < numBlocks; block++) if (Atomics.compareExchange(blocks, 1 + block, 0, MAIN) === 0) run(block);
  }
  drain();
  // Wait while a missing block is claimed by a live worker, or unclaimed while one is still alive.
  await settle(helpers, receive, () => {
    for (let block = 0; block < numBlocks; block++) {
      if (picks[block * BLOCK_SIZE] !== undefined) continue;
      const owner = Atomics.load(blocks, 1 + block);
      if (helpers.some((h) => !h.gone && (owner === 0 || owner === h.me))) return 'waiting';
    }
    return 'settled';
  });
  // Blocks no worker delivered (it failed, or never started): computed here.
  for (let block = 0; block < numBlocks; block++) if (picks[block * BLOCK_SIZE] === undefined) run(block);
  return { picks, perThread };
}

/** computeAllRelated on several threads: same result, byte for byte. */
export async function computeAllRelatedInParallel(records: readonly RelatedRecord[], optionsInput: RelatedOptionsInput = {}, parallel: ParallelOptions = {}): Promise<Record<string, RelatedPick[]>> {
  const threads = startRelatedThreads(records.length, parallel);
  try {
    const options = parseRelatedOptions(optionsInput);
    const published = publishedInOrder(records);
    const counts = await threads.countTerms(published, options);
    // the rest of the index needs no text rows: built here while the workers weigh them
    let base: IndexBase | undefined;
    const weighed = counts && (await threads.weighRows(counts, published.length, options, () => (base = buildIndexBase(records, options))));
    const index = buildRelatedIndex(records, options, counts, weighed, base);
    const { picks } = await threads.queryAll(index);
    const out: Record<string, RelatedPick[]> = {};
    index.records.forEach((r, d) => (out[r.id] = picks[d]!));
    return out;
  } finally {
    await threads.close();
  }
}
