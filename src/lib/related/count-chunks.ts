/**
 * Worker side of parallel-count.ts: counts terms of chunks of articles taken from the back of
 * the list, with a vocabulary of its own. Term ids must come out as if one thread had read every
 * article in order (they decide tie-breaks and summation order), so for each chunk it also
 * sends the local ids in the order they first appear in that chunk: the calling thread merges
 * chunks in article order and gives each new term the next global id.
 */
import type { MessagePort } from 'node:worker_threads';
import type { RelatedOptions } from './options.ts';
import { RowCounter } from './row-counter.ts';
import { countPacked, type PackedTexts } from './text-pack.ts';
import { Vocabulary } from './vocabulary.ts';

export interface CountJob {
  type: 'count';
  /** Packed article i is article first + i, up to the last one. */
  first: number;
  texts: PackedTexts;
  boosts: RelatedOptions['fieldBoosts'];
  chunkSize: number;
  numChunks: number;
}
export interface ChunkResult {
  type: 'chunk';
  chunk: number;
  /** Rows in local term ids, each in first-sight order (start[0] = 0). */
  start: Int32Array;
  cols: Int32Array;
  tf: Float32Array;
  /** Local term ids in the order they first appear in this chunk. */
  firstSeen: Int32Array;
}
export interface CountDone {
  type: 'counted';
  stems: string[];
  words: ReturnType<Vocabulary['exportWords']>;
}

/**
 * Claims chunk numbers from both ends of one Int32 (low 16 bits: chunks taken from the front,
 * high bits: from the back), so the two sides never overlap. Returns -1 when none is left.
 */
export function claimChunk(state: Int32Array, numChunks: number, fromBack: boolean, lowest = 0): number {
  for (;;) {
    const s = Atomics.load(state, 0);
    const front = s & 0xffff;
    const back = s >>> 16;
    if (front + back >= numChunks) return -1;
    const chunk = fromBack ? numChunks - 1 - back : front;
    if (fromBack && chunk < lowest) return -1;
    const next = fromBack ? front | ((back + 1) << 16) : front + 1 + (back << 16);
    if (Atomics.compareExchange(state, 0, s, next) === s) return chunk;
  }
}

export function countChunks(job: CountJob, state: Int32Array, port: MessagePort): void {
  const vocab = new Vocabulary();
  const counter = new RowCounter();
  const tokens: number[] = [];
  let stamp = new Int32Array(1024); // chunk + 1 where a local id was last seen
  const total = job.first + job.texts.firstField.length - 1;
  const lowest = Math.ceil(job.first / job.chunkSize);
  for (let chunk = claimChunk(state, job.numChunks, true, lowest); chunk >= 0; chunk = claimChunk(state, job.numChunks, true, lowest)) {
    const firstSeen: number[] = [];
    const mark = chunk + 1;
    const sight = (ids: number[]) => {
      if (stamp.length < vocab.stems.length) {
        const grown = new Int32Array(vocab.stems.length * 2);
        grown.set(stamp);
        stamp = grown;
      }
      for (const t of ids) {
        if (stamp[t] === mark) continue;
        stamp[t] = mark;
        firstSeen.push(t);
      }
    };
    for (let d = chunk * job.chunkSize, end = Math.min(total, d + job.chunkSize); d < end; d++) {
      countPacked(job.texts, d - job.first, job.boosts, vocab, counter, tokens, sight);
    }
    const rows = counter.takeRows();
    const result: ChunkResult = { type: 'chunk', chunk, ...rows, firstSeen: Int32Array.from(firstSeen) };
    port.postMessage(result, [rows.start.buffer, rows.cols.buffer, rows.tf.buffer, result.firstSeen.buffer] as ArrayBuffer[]);
  }
  port.postMessage({ type: 'counted', stems: vocab.stems, words: vocab.exportWords() } satisfies CountDone);
}
