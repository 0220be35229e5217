import type { SparseRows } from './types.ts';

/** Pack per-row (sorted col, value) lists into one CSR structure. */
export function packRows(rows: ReadonlyArray<{ cols: ArrayLike<number>; values: ArrayLike<number> }>): SparseRows {
  const start = new Uint32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) start[r + 1] = start[r]! + rows[r]!.cols.length;
  const cols = new Uint32Array(start[rows.length]!);
  const values = new Float64Array(start[rows.length]!);
  for (let r = 0; r < rows.length; r++) {
    cols.set(rows[r]!.cols, start[r]!);
    values.set(rows[r]!.values, start[r]!);
  }
  return { start, cols, values };
}

/**
 * Transpose doc->term rows into term->doc postings, keeping only docs with include[doc] = 1
 * (scheduled articles must never become candidates) and dropping columns with skipCol[col] = 1
 * (over-common terms: they would make every article a candidate of every other). Docs stay in ascending
 * order inside each posting list, which keeps score accumulation order deterministic.
 */
export function transpose(rows: SparseRows, numCols: number, include: Uint8Array, skipCol?: Uint8Array): SparseRows {
  const numRows = rows.start.length - 1;
  const start = new Uint32Array(numCols + 1);
  for (let r = 0; r < numRows; r++) {
    if (!include[r]) continue;
    for (let i = rows.start[r]!; i < rows.start[r + 1]!; i++) if (!skipCol?.[rows.cols[i]!]) start[rows.cols[i]! + 1]!++;
  }
  for (let c = 0; c < numCols; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, numCols);
  const cols = new Uint32Array(start[numCols]!);
  const values = new Float64Array(start[numCols]!);
  for (let r = 0; r < numRows; r++) {
    if (!include[r]) continue;
    for (let i = rows.start[r]!; i < rows.start[r + 1]!; i++) {
      if (skipCol?.[rows.cols[i]!]) continue;
      const pos = fill[rows.cols[i]!]!++;
      cols[pos] = r;
      values[pos] = rows.values[i]!;
    }
  }
  return { start, cols, values };
}

/** Dot product of two rows (cols sorted ascending), by merge. */
export function rowDot(m: SparseRows, a: number, b: number): number {
  let i = m.start[a]!;
  let j = m.start[b]!;
  const iEnd = m.start[a + 1]!;
  const jEnd = m.start[b + 1]!;
  let sum = 0;
  while (i < iEnd && j < jEnd) {
    const ci = m.cols[i]!;
    const cj = m.cols[j]!;
    if (ci === cj) sum += m.values[i++]! * m.values[j++]!;
    else if (ci < cj) i++;
    else j++;
  }
  return sum;
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

/**
 * Document frequency above which a term or tag generates no candidates: the share cap
 * (maxPostingFraction of the corpus) bounded by an absolute length, so the posting walk
 * per article stops growing with the corpus and total work stays close to linear.
 */
export function postingCap(numDocs: number, maxPostingFraction: number, maxPostingLength: number): number {
  // The cap exists for speed only; posting lists of a few hundred docs are cheap, so small
  // sites (and tests) never lose candidates to it.
  const floor = Math.min(200, maxPostingLength);
  return Math.max(Math.min(Math.floor(maxPostingFraction * numDocs), maxPostingLength), floor);
}
