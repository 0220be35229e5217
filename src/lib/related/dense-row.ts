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
   * largest first (ties: column ascending). Keeps a small sorted buffer: explanations show a
   * few terms of rows that hold hundreds.
   */
  topShared(d: number, n: number): Array<{ col: number; value: number }> {
    const { start, cols, values } = this.rows;
    const dense = this.values;
    const out: Array<{ col: number; value: number }> = [];
    for (let i = start[d]!, end = start[d + 1]!; i < end; i++) {
      const mine = dense[cols[i]!]!;
      if (mine === 0) continue;
      const value = mine * values[i]!;
      // most shared columns are not among the top n: reject them before allocating anything
      if (out.length === n && value <= out[n - 1]!.value) continue;
      const entry = { col: cols[i]!, value };
      let at = out.length;
      while (at > 0 && value > out[at - 1]!.value) at--;
      out.splice(at, 0, entry);
      if (out.length > n) out.pop();
    }
    return out;
  }
}
