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
import { receiveMessageOnPort } from 'node:worker_threads';
import { claimChunk, type ChunkResult, type CountDone, type CountJob } from './count-chunks.ts';
import type { RelatedOptions } from './options.ts';
import { RowCounter } from './row-counter.ts';
import { settle, type Helper } from './settle.ts';
import { countRecord, countTerms, type TermCounts, type TextFields } from './term-counts.ts';
import { packTexts } from './text-pack.ts';
import { Vocabulary } from './vocabulary.ts';

// About 6 ms of tokenising per chunk (64 articles of 600 words): fine-grained enough to balance.
const CHUNK_SIZE = 64;
// Workers get the texts of the last 60% of articles: sending text costs this thread time, and
// with start-up and merging, a worker does not get through more than that.
const WORKER_SHARE = 0.6;

/** With callerWorks = false this thread counts nothing itself (unless workers fail), only merges. */
export async function countTermsInParallel(records: readonly TextFields[], options: RelatedOptions, helpers: readonly Helper[], state: Int32Array, callerWorks = true): Promise<TermCounts> {
  const chunkSize = Math.max(CHUNK_SIZE, Math.ceil(records.length / 0xffff));
  const numChunks = Math.ceil(records.length / chunkSize);
  const first = callerWorks ? chunkSize * Math.floor(numChunks * (1 - WORKER_SHARE)) : 0;
  const texts = packTexts(records.slice(first));
  Atomics.store(state, 0, 0);
  const live = helpers.filter((h) => !h.gone);
  // the bytes go to one worker without a copy (transferred); any other worker gets a copy
  live.forEach((h, i) => {
    const job: CountJob = { type: 'count', first, texts: i === live.length - 1 ? texts : { ...texts, bytes: texts.bytes.slice() }, boosts: options.fieldBoosts, chunkSize, numChunks };
    h.port.postMessage(job, i === live.length - 1 ? [texts.bytes.buffer as ArrayBuffer] : []);
  });

  const chunks = new Map<number, [Helper, ChunkResult]>();
  const done = new Map<Helper, CountDone>();
  const receive = (h: Helper, m: ChunkResult | CountDone) => (m.type === 'chunk' ? chunks.set(m.chunk, [h, m]) : done.set(h, m));
  const drain = () => {
    for (const h of helpers) for (let m = receiveMessageOnPort(h.port); m; m = receiveMessageOnPort(h.port)) receive(h, m.message);
  };

  const vocab = new Vocabulary();
  const counter = new RowCounter();
  const tokens: number[] = [];
  let front = 0; // chunks [0, front) are counted here
  for (let chunk = callerWorks ? claimChunk(state, numChunks, false) : -1; chunk >= 0; chunk = claimChunk(state, numChunks, false)) {
    for (let d = chunk * chunkSize, end = Math.min(records.length, d + chunkSize); d < end; d++) countRecord(records[d]!, options.fieldBoosts, vocab, counter, tokens);
    front = chunk + 1;
    drain();
  }
  // Every chunk from `front` on was taken by a worker: wait for them (and each worker's word counts).
  const status = (): 'ready' | 'failed' | 'waiting' => {
    let missing = false;
    for (let c = front; c < numChunks && !missing; c++) missing = !chunks.has(c);
    const owners = new Set([...chunks.values()].map(([owner]) => owner));
    const owed = (h: Helper) => owners.has(h) && !done.has(h);
    if (!missing && !helpers.some(owed)) return 'ready';
    // a worker gone with chunks unsent (it may have taken some) or its word counts unsent: count again here
    return helpers.some((h) => h.gone && (missing || owed(h))) ? 'failed' : 'waiting';
  };
  drain();
  if ((await settle(helpers, receive, status)) === 'failed') return countTerms(records, options);

  const toGlobal = new Map<Helper, Int32Array>();
  for (const [h, d] of done) toGlobal.set(h, new Int32Array(d.stems.length).fill(-1));
  let entries = 0;
  for (let c = front; c < numChunks; c++) entries += chunks.get(c)![1].cols.length;
  counter.reserveExactly(entries);
  for (let c = front; c < numChunks; c++) {
    const [h, { start, cols, tf, firstSeen }] = chunks.get(c)!;
    const map = toGlobal.get(h)!;
    assignIds(firstSeen, map, done.get(h)!.stems, vocab);
    counter.appendRows(start, cols, map, tf, vocab.stems.length);
  }
  for (const [h, { words }] of done) {
    const map = toGlobal.get(h)!;
    vocab.absorbWords(words.words, words.stems.map((s) => (s < 0 ? -1 : map[s]!)), words.counts);
  }
  return counter.finish(vocab, []);
}

/** Global ids for a chunk's terms not seen before, in the order they first appear in it. */
function assignIds(firstSeen: Int32Array, toGlobal: Int32Array, stems: readonly string[], vocab: Vocabulary): void {
  for (let i = 0; i < firstSeen.length; i++) {
    const local = firstSeen[i]!;
    if (toGlobal[local]! < 0) toGlobal[local] = vocab.internStem(stems[local]!);
  }
}
