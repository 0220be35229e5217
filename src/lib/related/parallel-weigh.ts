/**
 * Weighing the rows (text-vectors.ts) on several threads. Each row depends only on its own counts
 * and the term weights, so rows can be weighed anywhere and joined in article order: the result
 * is the one weighRows gives on one thread. Chunks of articles are taken from a shared counter
 * (block-claims.ts) by this thread and the workers (weigh-chunks.ts); before taking any, this
 * thread does `meanwhile` (work that needs no rows), so the workers weigh more chunks while it
 * does. Chunks a worker claimed but never delivered (it died) are weighed here.
 */
import { receiveMessageOnPort } from 'node:worker_threads';
import { claimBlock, claimUnmarked, ownerOf } from './block-claims.ts';
import type { RelatedOptions } from './options.ts';
import { settle, type Helper } from './settle.ts';
import { RowBuilder } from './sparse.ts';
import type { TermCounts } from './term-counts.ts';
import { joinRows, termWeights, weighRowsInto, type WeighedRows } from './text-vectors.ts';
import type { SparseRows } from './types.ts';
import { chunkRange, type WeighedChunk, type WeighJob } from './weigh-chunks.ts';

const MAIN = 1;
/** Chunks of up to 256 articles (about 5 ms of work), at least 16 articles and about 64 chunks. */
export const weighChunkSize = (n: number) => Math.max(16, Math.min(256, Math.ceil(n / 64)));

/** `claims`: blocks[0] counter plus a mark per chunk, zero-filled, used once. */
export async function weighRowsInParallel(
  counts: TermCounts,
  n: number,
  options: RelatedOptions,
  helpers: readonly Helper[],
  claims: Int32Array,
  callerWorks: boolean,
  meanwhile?: () => void,
): Promise<WeighedRows | undefined> {
  const live = helpers.filter((h) => !h.gone);
  if (live.length === 0) return undefined;
  const weights = termWeights(counts, n, options);
  const chunkSize = weighChunkSize(n);
  const numChunks = Math.ceil(n / chunkSize);
  if (numChunks + 1 > claims.length) throw new Error(`related: ${n} articles, but threads were started for fewer`);
  const { start, cols, tf, length } = counts;
  const job: WeighJob = { type: 'weigh', counts: { start, cols, tf, length }, weights, options, n, chunkSize };
  for (const h of live) h.port.postMessage(job);
  meanwhile?.();

  const parts = new Array<{ rows: SparseRows; candidateRows: SparseRows }>(numChunks);
  const rows = new RowBuilder();
  const candidateRows = new RowBuilder();
  const weigh = (chunk: number) => {
    weighRowsInto(counts, weights, options, ...chunkRange(job, chunk), rows, candidateRows);
    parts[chunk] = { rows: rows.finish(), candidateRows: candidateRows.finish() };
  };
  // (messages of other jobs, e.g. word counts of a worker that counted nothing, are not chunks)
  const receive = (_h: Helper, m: WeighedChunk | { type: string }) => {
    if (m.type === 'weighed') parts[(m as WeighedChunk).chunk] = m as WeighedChunk;
  };
  const drain = () => {
    for (const h of live) for (let m = receiveMessageOnPort(h.port); m; m = receiveMessageOnPort(h.port)) receive(h, m.message);
  };
  if (callerWorks) {
    for (let chunk = claimBlock(claims, numChunks, MAIN); chunk >= 0; chunk = claimBlock(claims, numChunks, MAIN)) weigh(chunk);
    for (const chunk of claimUnmarked(claims, numChunks, MAIN)) weigh(chunk);
  }
  drain();
  await settle(live, receive, () => {
    for (let chunk = 0; chunk < numChunks; chunk++) {
      if (parts[chunk]) continue;
      const owner = ownerOf(claims, chunk);
      if (live.some((h) => !h.gone && (owner === 0 || owner === h.me))) return 'waiting';
    }
    return 'settled';
  });
  for (let chunk = 0; chunk < numChunks; chunk++) if (!parts[chunk]) weigh(chunk); // a worker failed: weighed here
  return { rows: joinRows(parts.map((p) => p.rows)), candidateRows: joinRows(parts.map((p) => p.candidateRows)) };
}
