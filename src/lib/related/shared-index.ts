/**
 * The query index as a worker thread receives it. Typed arrays on a SharedArrayBuffer (the
 * rows and postings, tens of MB at 10,000 articles) are shared, not copied; the rest is small:
 * labels, ids and pins, a few per-article arrays. Records travel as ids and pins only.
 */
import type { QueryIndex } from './build-index.ts';

export type PackedQueryIndex = Omit<QueryIndex, 'records' | 'docOf'> & { ids: string[]; pins: Array<[number, string[]]> };

export function packQueryIndex(index: QueryIndex): PackedQueryIndex {
  const { records, docOf: _docOf, ...rest } = index;
  const pins: Array<[number, string[]]> = [];
  records.forEach((r, d) => {
    if (r.pinned?.length) pins.push([d, r.pinned]);
  });
  return { ...rest, ids: records.map((r) => r.id), pins };
}

export function unpackQueryIndex(packed: PackedQueryIndex): QueryIndex {
  const { ids, pins, ...rest } = packed;
  const records: Array<{ id: string; pinned?: string[] }> = ids.map((id) => ({ id }));
  for (const [d, pinned] of pins) records[d]!.pinned = pinned;
  return { ...rest, records, docOf: new Map(ids.map((id, d) => [id, d])) };
}

/** A zero-filled typed array on a SharedArrayBuffer (same API and speed as an ordinary one). */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * length));
}
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}
