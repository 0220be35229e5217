import type { SparseRows } from './types.ts';

/**
 * One row of a sparse matrix scattered into a dense vector, so its dot product with any other
 * row is a single pass over that row. The row stays loaded until another one is asked for:
 * scoring, then explaining, the same article scatters it once.
 */
export class DenseRow {
  readonly values: Float64Array;
  private readonly rows: SparseRows;
  private row = -1;

  constructor(rows: SparseRows, size: number) {
    this.rows = rows;
    this.values = new Float64Array(size);
  }

  /** Scatter row `r` (clearing the previous one) unless it is already loaded. */
  load(r: number): Float64Array {
    if (r === this.row) return this.values;
    const { start, cols, values } = this.rows;
    const dense = this.values;
    if (this.row >= 0) for (let i = start[this.row]!, end = start[this.row + 1]!; i < end; i++) dense[cols[i]!] = 0;
    for (let i = start[r]!, end = start[r + 1]!; i < end; i++) dense[cols[i]!] = values[i]!;
    this.row = r;
    return dense;
  }

  /**
   * Dot product of the loaded row with row `d`, summed in d's column order (so always the same
   * float result); a column the loaded row lacks adds an exact 0.
   */
  dot(d: number): number {
    const { start, cols, values } = this.rows;
    const dense = this.values;
    let sum = 0;
    for (let i = start[d]!, end = start[d + 1]!; i < end; i++) sum += dense[cols[i]!]! * values[i]!;
    return sum;
  }

  /**
   * The `n` largest per-column products (loaded row x row d) over the columns both hold,
   * largest first (ties: column ascending). A small insertion-sorted buffer in typed arrays:
   * explanations show a few terms of rows that hold hundreds.
   */
  topShared(d: number, n: number): Array<{ col: number; value: number }> {
    const { start, cols, values } = this.rows;
    const dense = this.values;
    if (TOP_COLS.length < n) {
      TOP_COLS = new Int32Array(n);
      TOP_VALUES = new Float64Array(n);
    }
    const topCols = TOP_COLS;
    const topValues = TOP_VALUES;
    let size = 0;
    // A column the loaded row lacks gives 0; a shared one gives a positive product (weights are
    // positive and far from underflow), so one test against `floor` (0 until the buffer is full,
    // then its smallest value) skips both, and is well predicted once the buffer holds the top few.
    let floor = 0;
    for (let i = start[d]!, end = start[d + 1]!; i < end; i++) {
      const value = dense[cols[i]!]! * values[i]!;
      if (value <= floor) continue;
      // columns come in ascending order, so an equal value stays behind the earlier column
      let at = size < n ? size++ : n - 1;
      while (at > 0 && value > topValues[at - 1]!) {
        topValues[at] = topValues[at - 1]!;
        topCols[at] = topCols[at - 1]!;
        at--;
      }
      topValues[at] = value;
      topCols[at] = cols[i]!;
      if (size === n) floor = topValues[n - 1]!;
    }
    return Array.from({ length: size }, (_, j) => ({ col: topCols[j]!, value: topValues[j]! }));
  }
}

let TOP_COLS = new Int32Array(16);
let TOP_VALUES = new Float64Array(16);
