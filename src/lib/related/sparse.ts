import { sharedFloat64, sharedInt32 } from './shared-index.ts';
import type { SparseRows } from './types.ts';

/** Pack per-row (sorted col, value) lists into one CSR structure. */
export function packRows(rows: ReadonlyArray<{ cols: ArrayLike<number>; values: ArrayLike<number> }>): SparseRows {
  const start = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) start[r + 1] = start[r]! + rows[r]!.cols.length;
  const cols = new Int32Array(start[rows.length]!);
  const values = new Float64Array(start[rows.length]!);
  for (let r = 0; r < rows.length; r++) {
    cols.set(rows[r]!.cols, start[r]!);
    values.set(rows[r]!.values, start[r]!);
  }
  return { start, cols, values };
}

/** Builds a CSR structure row by row, growing its buffers as needed. */
export class RowBuilder {
  private start = new Int32Array(1024);
  private cols = new Int32Array(1 << 16);
  private values = new Float64Array(1 << 16);
  private rows = 0;
  private size = 0;

  push(col: number, value: number): void {
    if (this.size === this.cols.length) {
      const cols = new Int32Array(this.size * 2);
      cols.set(this.cols);
      this.cols = cols;
      const values = new Float64Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    this.cols[this.size] = col;
    this.values[this.size++] = value;
  }

  endRow(): void {
    if (this.rows + 2 > this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
    }
    this.start[++this.rows] = this.size;
  }

  /** The rows on SharedArrayBuffers (worker threads read them in place); the builder starts over empty. */
  finish(): SparseRows {
    const start = sharedInt32(this.rows + 1);
    start.set(this.start.subarray(0, this.rows + 1));
    const cols = sharedInt32(this.size);
    cols.set(this.cols.subarray(0, this.size));
    const values = sharedFloat64(this.size);
    values.set(this.values.subarray(0, this.size));
    this.rows = 0;
    this.size = 0;
    return { start, cols, values };
  }
}

/**
 * Impact-pruned postings (static index pruning): transpose doc->term rows into term->doc lists,
 * keeping only docs with include[doc] = 1 (scheduled articles must never become candidates), and
 * keep at most `limit` entries per list: the ones with the highest weight (ties: newer
 * time first, then lower doc number, the engine's usual tie order). A query walks a whole kept
 * list, so its work per term is at most `limit` however common the term is and however large
 * the corpus grows. Kept entries are in time order (oldest first, ties: lower doc), so with
 * newer 'exclude' a query stops walking a list at the first article newer than its own.
 * Accumulation per doc does not depend on that order, so results are deterministic.
 */
export function impactPostings(
  rows: SparseRows,
  numCols: number,
  include: Uint8Array,
  time: Float64Array,
  limit: number,
): { postings: SparseRows; truncatedLists: number } {
  const numRows = rows.start.length - 1;
  const full = new Int32Array(numCols + 1);
  for (let r = 0; r < numRows; r++) {
    if (!include[r]) continue;
    for (let i = rows.start[r]!; i < rows.start[r + 1]!; i++) full[rows.cols[i]! + 1]!++;
  }
  for (let c = 0; c < numCols; c++) full[c + 1]! += full[c]!;
  const fill = full.slice(0, numCols);
  const docs = new Int32Array(full[numCols]!);
  const weights = new Float64Array(full[numCols]!);
  // Filling the lists in time order leaves every list in time order.
  const byTime: number[] = [];
  for (let r = 0; r < numRows; r++) if (include[r]) byTime.push(r);
  byTime.sort((x, y) => time[x]! - time[y]! || x - y);
  for (const r of byTime) {
    for (let i = rows.start[r]!; i < rows.start[r + 1]!; i++) {
      const pos = fill[rows.cols[i]!]!++;
      docs[pos] = r;
      weights[pos] = rows.values[i]!;
    }
  }

  // on SharedArrayBuffers: worker threads read the postings in place
  const start = sharedInt32(numCols + 1);
  for (let c = 0; c < numCols; c++) start[c + 1] = start[c]! + Math.min(full[c + 1]! - full[c]!, limit);
  const cols = sharedInt32(start[numCols]!);
  const values = sharedFloat64(start[numCols]!);
  let truncatedLists = 0;
  const order: number[] = [];
  for (let c = 0; c < numCols; c++) {
    const from = full[c]!;
    const to = full[c + 1]!;
    let out = start[c]!;
    if (to - from <= limit) {
      cols.set(docs.subarray(from, to), out);
      values.set(weights.subarray(from, to), out);
      continue;
    }
    truncatedLists++;
    order.length = 0;
    for (let p = from; p < to; p++) order.push(p);
    // equal times are in doc order within a list, so comparing positions breaks the last tie by doc number
    order.sort((x, y) => weights[y]! - weights[x]! || time[docs[y]!]! - time[docs[x]!]! || x - y);
    const kept = order.slice(0, limit).sort((x, y) => x - y);
    for (const p of kept) {
      cols[out] = docs[p]!;
      values[out++] = weights[p]!;
    }
  }
  return { postings: { start, cols, values }, truncatedLists };
}

/** Per-column contributions a[c] * b[c] for the shared columns, largest first (ties: col asc). */
export function sharedContributions(m: SparseRows, a: number, b: number): Array<{ col: number; value: number }> {
  const out: Array<{ col: number; value: number }> = [];
  let i = m.start[a]!;
  let j = m.start[b]!;
  while (i < m.start[a + 1]! && j < m.start[b + 1]!) {
    const ci = m.cols[i]!;
    const cj = m.cols[j]!;
    if (ci === cj) out.push({ col: ci, value: m.values[i++]! * m.values[j++]! });
    else if (ci < cj) i++;
    else j++;
  }
  return out.sort((x, y) => y.value - x.value || x.col - y.col);
}

/** BM25-style smoothed IDF: always positive, large for rare features. */
export function idf(numDocs: number, df: number): number {
  return Math.log(1 + (numDocs - df + 0.5) / (df + 0.5));
}
