/**
 * Worker thread of parallel.ts: receives the query index once, then takes blocks of articles
 * from the shared counter until none is left, and sends each block's picks back encoded.
 * Imports only the query code (not zod or the tokeniser), so it is ready in tens of ms.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { encodePicks } from './pick-codec.ts';
import { relatedForDoc } from './related.ts';
import { unpackQueryIndex, type PackedQueryIndex } from './shared-index.ts';
import type { RelatedPick } from './types.ts';

export interface QueryWorkerData {
  port: MessagePort;
  /** [0]: next block to take; then per block, the thread that claimed it (0 = nobody yet). */
  blocks: Int32Array;
  /** This thread's claim mark (main thread: 1). */
  me: number;
}
export interface QueryJob {
  index: PackedQueryIndex;
  blockSize: number;
}
export interface BlockResult {
  block: number;
  numbers: Float64Array;
  details: string;
}

const { port, blocks, me } = workerData as QueryWorkerData;
port.once('message', ({ index: packed, blockSize }: QueryJob) => {
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
    port.postMessage({ block, numbers, details } satisfies BlockResult, [numbers.buffer as ArrayBuffer]);
  }
  // Nothing left: the thread idles until parallel.ts ends it (sent messages are delivered first).
});
