import { sortNonNegativeInts } from './int-sort.ts';
import { sharedInt32 } from './shared-index.ts';
import type { TermCounts } from './term-counts.ts';
import type { Vocabulary } from './vocabulary.ts';

// Bigram keys pack two stem ids into one exact number (stem ids stay far below 2^26).
export const PAIR = 2 ** 26;

/**
 * Accumulates one article's boosted term frequencies in a dense buffer (with a list of the
 * terms touched), then appends them as a sorted row; the buffer is reset for the next article.
 */
export class RowCounter {
  private tf = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private scratch = new Int32Array(1024);
  private count = 0;
  private cols: Int32Array = new Int32Array(1 << 16);
  private tfs: Float32Array = new Float32Array(1 << 16);
  private size = 0;
  private readonly starts: number[] = [0];
  private readonly lengths: number[] = [];

  /** Term ids below `numTerms` may be added from now on. */
  reserve(numTerms: number): void {
    if (numTerms <= this.tf.length) return;
    const capacity = Math.max(numTerms, this.tf.length * 2);
    const tf = new Float64Array(capacity);
    tf.set(this.tf);
    this.tf = tf;
    const touched = new Int32Array(capacity);
    touched.set(this.touched.subarray(0, this.count));
    this.touched = touched;
    this.scratch = new Int32Array(capacity);
  }

  /** Adds `boost` for each of ids[0, n), and for each known phrase formed by adjacent ids. */
  add(ids: ArrayLike<number>, n: number, boost: number, phraseIds: Map<number, number> | null): void {
    const { tf, touched } = this;
    let count = this.count;
    for (let i = 0; i < n; i++) {
      const t = ids[i]!;
      if (tf[t] === 0) touched[count++] = t;
      tf[t]! += boost;
      if (phraseIds !== null && i > 0) {
        const p = phraseIds.get(ids[i - 1]! * PAIR + t);
        if (p !== undefined) {
          if (tf[p] === 0) touched[count++] = p;
          tf[p]! += boost;
        }
      }
    }
    this.count = count;
  }

  /** Ends the row; with sort = false its terms stay in first-sight order (see takeRows). */
  endRow(sort = true): void {
    const { tf, touched } = this;
    const n = this.count;
    if (sort) sortNonNegativeInts(touched, n, this.scratch);
    this.ensure(this.size + n);
    let length = 0;
    for (let i = 0; i < n; i++) {
      const t = touched[i]!;
      const f = Math.fround(tf[t]!);
      this.cols[this.size + i] = t;
      this.tfs[this.size + i] = f;
      length += f;
      tf[t] = 0;
    }
    this.size += n;
    this.count = 0;
    this.starts.push(this.size);
    this.lengths.push(length);
  }

  /**
   * Appends rows counted elsewhere (CSR, start[0] = 0; another vocabulary's ids, mapped to this
   * one's by `toGlobal`, all below `numTerms`; no repeats in a row, any order), stored exactly as
   * if counted here: each row is scattered into the dense buffer and ended like a row counted
   * here (a radix sort of its few hundred ids, which stay in cache). Simpler than the counting
   * sort over all the rows' entries at once it replaces, and a little faster (merge at 10,000
   * articles: 50-70 ms of CPU against 59-67 ms, loaded machine).
   */
  appendRows(start: Int32Array, localIds: Int32Array, toGlobal: Int32Array, tfs: Float32Array, numTerms: number): void {
    this.reserve(numTerms);
    const { tf, touched } = this;
    for (let r = 0; r + 1 < start.length; r++) {
      let count = 0;
      for (let i = start[r]!, end = start[r + 1]!; i < end; i++) {
        const t = toGlobal[localIds[i]!]!;
        touched[count++] = t;
        tf[t] = tfs[i]!;
      }
      this.count = count;
      this.endRow();
    }
  }

  private ensure(capacity: number): void {
    if (capacity <= this.cols.length) return;
    this.resize(Math.max(capacity, this.cols.length * 2), false);
  }

  private resize(capacity: number, shared: boolean): void {
    const cols = shared ? sharedInt32(capacity) : new Int32Array(capacity);
    cols.set(this.cols.subarray(0, this.size));
    this.cols = cols;
    const tfs = shared ? new Float32Array(new SharedArrayBuffer(4 * capacity)) : new Float32Array(capacity);
    tfs.set(this.tfs.subarray(0, this.size));
    this.tfs = tfs;
  }

  /**
   * Room for exactly `entries` more entries, on SharedArrayBuffers: when the rows then fill it
   * (the merge of a parallel count knows its total), finish() hands the buffers over uncopied.
   */
  reserveExactly(entries: number): void {
    this.resize(this.size + entries, true);
  }

  /** The rows ended since the last call, as CSR (start[0] = 0), then forgets them. */
  takeRows(): { start: Int32Array; cols: Int32Array; tf: Float32Array } {
    const rows = { start: Int32Array.from(this.starts), cols: this.cols.slice(0, this.size), tf: this.tfs.slice(0, this.size) };
    this.size = 0;
    this.starts.length = 1;
    this.lengths.length = 0;
    return rows;
  }

  finish(vocab: Vocabulary, phrases: number[]): TermCounts {
    const numTerms = vocab.stems.length + phrases.length;
    // cols and tf on SharedArrayBuffers: workers weigh the rows in place (parallel-weigh.ts)
    if (!(this.cols.buffer instanceof SharedArrayBuffer) || this.cols.length !== this.size) this.resize(this.size, true);
    const { cols, tfs: tf } = this;
    return {
      start: Int32Array.from(this.starts),
      cols,
      tf,
      length: Float64Array.from(this.lengths),
      vocab,
      phrases,
      numTerms,
    };
  }
}

