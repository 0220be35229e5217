/**
 * countTerms on several threads (without bigrams). This thread counts chunks of articles from
 * the front straight into the one vocabulary; workers (count-chunks.ts) take chunks from the
 * back with vocabularies of their own, so a worker that starts late simply takes fewer. Then
 * the workers' chunks are merged in article order: each chunk's new terms get the next global
 * ids in the order they first appear in it, which is the order one thread reading everything
 * would have given them; rows are re-sorted by global id, and word counts (for readable term
 * labels) are added up. The result is identical to countTerms, field for field.
 * Should a worker fail after taking chunks, everything is counted again on this thread.
 */
import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { claimChunk, type ChunkResult, type CountDone, type CountJob } from './count-chunks.ts';
import type { RelatedOptions } from './options.ts';
import { RowCounter } from './row-counter.ts';
import { countRecord, countTerms, type TermCounts, type TextFields } from './term-counts.ts';
import { Vocabulary } from './vocabulary.ts';

export interface CountHelper {
  worker: Worker;
  port: MessagePort;
  gone: boolean;
}

// About 6 ms of tokenising per chunk (64 articles of 600 words): fine-grained enough to balance.
const CHUNK_SIZE = 64;
// Workers get the texts of the last 60% of articles: sending text costs this thread time, and
// with start-up and merging, a worker does not get through more than that.
const WORKER_SHARE = 0.6;

export async function countTermsInParallel(records: readonly TextFields[], options: RelatedOptions, helpers: readonly CountHelper[], state: Int32Array): Promise<TermCounts> {
  const chunkSize = Math.max(CHUNK_SIZE, Math.ceil(records.length / 0xffff));
  const numChunks = Math.ceil(records.length / chunkSize);
  const first = chunkSize * Math.floor((numChunks * (1 - WORKER_SHARE)));
  const docs = records.slice(first).map(({ title, description, highlights, headings, bodyText }) => ({ title, description, highlights, headings, bodyText }));
  Atomics.store(state, 0, 0);
  for (const h of helpers) h.port.postMessage({ type: 'count', first, docs, boosts: options.fieldBoosts, chunkSize, numChunks } satisfies CountJob);

  const chunks = new Map<number, [CountHelper, ChunkResult]>();
  const done = new Map<CountHelper, CountDone>();
  const receive = (h: CountHelper, m: ChunkResult | CountDone) => (m.type === 'chunk' ? chunks.set(m.chunk, [h, m]) : done.set(h, m));
  const drain = () => {
    for (const h of helpers) for (let m = receiveMessageOnPort(h.port); m; m = receiveMessageOnPort(h.port)) receive(h, m.message);
  };

  const vocab = new Vocabulary();
  const counter = new RowCounter();
  const tokens: number[] = [];
  let front = 0; // chunks [0, front) are counted here
  for (let chunk = claimChunk(state, numChunks, false); chunk >= 0; chunk = claimChunk(state, numChunks, false)) {
    for (let d = chunk * chunkSize, end = Math.min(records.length, d + chunkSize); d < end; d++) countRecord(records[d]!, options.fieldBoosts, vocab, counter, tokens);
    front = chunk + 1;
    drain();
  }
  // Every chunk from `front` on was taken by a worker: wait for them (and each worker's word counts).
  const status = (): 'ready' | 'failed' | 'waiting' => {
    let missing = false;
    for (let c = front; c < numChunks && !missing; c++) missing = !chunks.has(c);
    const owners = new Set([...chunks.values()].map(([owner]) => owner));
    const owed = (h: CountHelper) => owners.has(h) && !done.has(h);
    if (!missing && !helpers.some(owed)) return 'ready';
    // a worker gone with chunks unsent (it may have taken some) or its word counts unsent: count again here
    return helpers.some((h) => h.gone && (missing || owed(h))) ? 'failed' : 'waiting';
  };
  drain();
  if ((await settle(helpers, receive, status)) === 'failed') return countTerms(records, options);

  const toGlobal = new Map<CountHelper, Int32Array>();
  for (const [h, d] of done) toGlobal.set(h, new Int32Array(d.stems.length).fill(-1));
  let ids = new Int32Array(1024);
  for (let c = front; c < numChunks; c++) {
    const [h, { start, cols, tf, firstSeen }] = chunks.get(c)!;
    const map = toGlobal.get(h)!;
    const stems = done.get(h)!.stems;
    for (const local of firstSeen) if (map[local]! < 0) map[local] = vocab.internStem(stems[local]!);
    if (ids.length < cols.length) ids = new Int32Array(cols.length);
    for (let i = 0; i < cols.length; i++) ids[i] = map[cols[i]!]!;
    counter.appendRows(start, ids, tf, vocab.stems.length);
  }
  for (const [h, { words }] of done) {
    const map = toGlobal.get(h)!;
    vocab.absorbWords(words.words, words.stems.map((s) => (s < 0 ? -1 : map[s]!)), words.counts);
  }
  return counter.finish(vocab, []);
}

/** Waits, receiving the workers' messages as they come, until `status` is no longer 'waiting'. */
function settle<M, S extends string>(helpers: readonly CountHelper[], receive: (h: CountHelper, m: M) => void, status: () => S | 'waiting'): Promise<S> {
  return new Promise((resolve) => {
    const check = () => {
      const s = status();
      if (s === 'waiting') return;
      for (const h of helpers) {
        h.port.off('message', listeners.get(h)!);
        h.worker.off('exit', check).off('error', check);
      }
      resolve(s);
    };
    const listeners = new Map(helpers.map((h) => [h, (m: M) => (receive(h, m), check())]));
    for (const h of helpers) {
      h.port.on('message', listeners.get(h)!);
      h.worker.on('exit', check).on('error', check);
    }
    check();
  });
}
