/**
 * Worker thread of parallel.ts. Jobs arrive on its port: 'count' (count-chunks.ts: terms of
 * chunks of articles), 'weigh' (weigh-chunks.ts: weighed, pruned rows of chunks of articles) and 'query'
 * (the index, once; then blocks of articles taken from a shared counter until none is left,
 * each block's picks sent back encoded). Imports no zod and no Astro, so it is ready in tens of
 * milliseconds.
 */
import { flushCompileCache } from 'node:module';
import { workerData, type MessagePort } from 'node:worker_threads';
import { countChunks, type CountJob } from './count-chunks.ts';
import { encodePicks } from './pick-codec.ts';
import { relatedForDoc } from './related.ts';
import { unpackQueryIndex, type PackedQueryIndex } from './shared-index.ts';
import type { RelatedPick } from './types.ts';
import { weighChunks, type WeighJob } from './weigh-chunks.ts';

export interface RelatedWorkerData {
  port: MessagePort;
  /** Chunks of the count job taken from each end (see claimChunk). */
  chunks: Int32Array;
  /** Chunks of the weigh job (block-claims.ts). */
  weighClaims: Int32Array;
  /** [0]: next block to take; then per block, the thread that claimed it (0 = nobody yet). */
  blocks: Int32Array;
  /** This thread's claim mark (main thread: 1). */
  me: number;
}
export interface QueryJob {
  type: 'query';
  index: PackedQueryIndex;
  blockSize: number;
}
export interface BlockResult {
  type: 'block';
  block: number;
  numbers: Float64Array;
  details: string;
}

function runQueries({ index: packed, blockSize }: QueryJob, blocks: Int32Array, me: number, port: MessagePort): void {
  const index = unpackQueryIndex(packed);
  const n = index.records.length;
  for (;;) {
    const block = Atomics.add(blocks, 0, 1);
    if (block * blockSize >= n) break;
    // the main thread may have taken a block nobody had claimed yet (see parallel.ts)
    if (Atomics.compareExchange(blocks, 1 + block, 0, me) !== 0) continue;
    const picks: RelatedPick[][] = [];
    for (let d = block * blockSize, end = Math.min(n, d + blockSize); d < end; d++) picks.push(relatedForDoc(index, d));
    const { numbers, details } = encodePicks(picks, index.docOf);
    port.postMessage({ type: 'block', block, numbers, details } satisfies BlockResult, [numbers.buffer as ArrayBuffer]);
  }
  // Nothing left: the thread idles until parallel.ts ends it (sent messages are delivered first).
}

// The modules are loaded: write their compiled code to the cache now (parallel.ts turns it on), as
// Node would only at the thread's exit, which a worker that is terminated, or whose process exits
// soon after (`npm run related`), may not reach.
flushCompileCache();

const { port, chunks, weighClaims, blocks, me } = workerData as RelatedWorkerData;
port.on('message', (job: CountJob | WeighJob | QueryJob) => {
  if (job.type === 'count') countChunks(job, chunks, port);
  else if (job.type === 'weigh') weighChunks(job, weighClaims, me, port);
  else runQueries(job, blocks, me, port);
});
