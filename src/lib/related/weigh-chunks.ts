/**
 * Worker side of parallel-weigh.ts: weighs chunks of rows taken from the shared counter and sends
 * each one back. Rows are built on SharedArrayBuffers, so they reach the calling thread uncopied.
 */
import type { MessagePort } from 'node:worker_threads';
import { claimBlock } from './block-claims.ts';
import type { RelatedOptions } from './options.ts';
import { RowBuilder } from './sparse.ts';
import { weighRowsInto, type RowCounts, type TermWeights, type WeighedRows } from './text-vectors.ts';

export interface WeighJob {
  type: 'weigh';
  counts: RowCounts;
  weights: TermWeights;
  options: RelatedOptions;
  /** Articles [0, n) in chunks of chunkSize. */
  n: number;
  chunkSize: number;
}
export interface WeighedChunk extends WeighedRows {
  type: 'weighed';
  chunk: number;
}

export const chunkRange = (job: Pick<WeighJob, 'n' | 'chunkSize'>, chunk: number): [number, number] => [chunk * job.chunkSize, Math.min(job.n, (chunk + 1) * job.chunkSize)];

export function weighChunks(job: WeighJob, claims: Int32Array, me: number, port: MessagePort): void {
  const rows = new RowBuilder();
  const candidateRows = new RowBuilder();
  const numChunks = Math.ceil(job.n / job.chunkSize);
  for (let chunk = claimBlock(claims, numChunks, me); chunk >= 0; chunk = claimBlock(claims, numChunks, me)) {
    weighRowsInto(job.counts, job.weights, job.options, ...chunkRange(job, chunk), rows, candidateRows);
    port.postMessage({ type: 'weighed', chunk, rows: rows.finish(), candidateRows: candidateRows.finish() } satisfies WeighedChunk);
  }
}
