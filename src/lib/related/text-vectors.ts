import type { RelatedOptions } from './options.ts';
import { sharedFloat64, sharedInt32 } from './shared-index.ts';
import { idf, RowBuilder } from './sparse.ts';
import { PAIR, type TermCounts } from './term-counts.ts';
import type { RelatedRecord, SparseRows } from './types.ts';

export interface TextVectors {
  /** Per doc: its top weighted terms, L2-normalised against the full vector, cols sorted. */
  rows: SparseRows;
  /** Per doc: the heaviest few of those (same values), the terms that generate candidates. */
  candidateRows: SparseRows;
  /** Readable label per term id: a word ("routing") or a phrase ("kv cache"). */
  labels: string[];
  numTerms: number;
}

// ln(1 + f) for f = i / 2: boosted term counts are sums of boosts (1, 1.5, 2, 3 by default), so
// nearly every f is a small multiple of 0.5; the table holds the very values Math.log returns.
const LOG1P_HALVES = Float64Array.from({ length: 512 }, (_, i) => Math.log(1 + i / 2));
const logOnePlus = (f: number): number => {
  const twice = f * 2;
  return twice < 512 && twice === Math.floor(twice) ? LOG1P_HALVES[twice]! : Math.log(1 + f);
};

const sortBuffer = { data: new Float64Array(1024) };

/** Value of rank `kth` (ascending) of `a`, reordering `a` in place (quickselect; O(n) on average, unlike a sort). */
function nthValue(a: Float64Array, kth: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return a[kth]!;
  }
  return a[kth]!;
}

/**
 * Append the `limit` heaviest of weights[0, n) to `out` as one row (weight 0 = unusable; ties:
 * lower term id), normalised by `norm`, in term-id order. cols[from + i] is entry i's term.
 */
function pruneRow(cols: Int32Array, from: number, weights: Float64Array, n: number, limit: number, norm: number, out: RowBuilder): void {
  let usable = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) usable++;
  let threshold = 0;
  let tiesLeft = Infinity;
  if (usable > limit) {
    if (sortBuffer.data.length < usable) sortBuffer.data = new Float64Array(usable * 2);
    const buf = sortBuffer.data.subarray(0, usable);
    let j = 0;
    for (let i = 0; i < n; i++) if (weights[i]! > 0) buf[j++] = weights[i]!;
    threshold = nthValue(buf, usable - limit);
    let above = 0;
    for (let i = 0; i < usable; i++) if (buf[i]! > threshold) above++;
    tiesLeft = limit - above; // entries equal to the threshold, taken in term-id order
  }
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w <= 0 || w < threshold || (w === threshold && tiesLeft-- <= 0)) continue;
    out.push(cols[from + i]!, w / norm);
  }
  out.endRow();
}

/** What every row's weights depend on: document frequencies, idf^idfExponent, average length. */
export interface TermWeights {
  df: Int32Array;
  termIdf: Float64Array;
  avgLength: number;
}
/** The per-article part of TermCounts (what a worker weighing rows receives). */
export type RowCounts = Pick<TermCounts, 'start' | 'cols' | 'tf' | 'length'>;
/** Pruned rows: top maxTermsPerDoc terms, and the top candidateTermsPerDoc of those. */
export interface WeighedRows {
  rows: SparseRows;
  candidateRows: SparseRows;
}

export function termWeights(counts: TermCounts, n: number, options: RelatedOptions): TermWeights {
  const { cols, length, numTerms } = counts;
  const df = new Int32Array(numTerms);
  for (let i = 0; i < cols.length; i++) df[cols[i]!]!++;
  const termIdf = new Float64Array(numTerms);
  // idf^0.5 on each side makes a pair's dot product weigh each shared term by idf once, as BM25
  // does; idf^1 per side (idf squared per pair) let rare names outvote the shared vocabulary.
  for (let t = 0; t < numTerms; t++) if (df[t]! > 0) termIdf[t] = Math.pow(idf(n, df[t]!), options.idfExponent);
  let totalLength = 0;
  for (let d = 0; d < n; d++) totalLength += length[d]!;
  return { df, termIdf, avgLength: totalLength / (n || 1) || 1 };
}

/**
 * Weighted, pruned rows of articles [first, end) (row 0 = article `first`).
 * Weight = idf^idfExponent * saturated boosted tf: ln(1 + tf) ('log', default) or BM25's
 * tf (k1 + 1) / (tf + k1 (1 - b + b len / avgLen)) ('bm25'), so the 40th "company" counts
 * little; normalised by the full vector's L2 norm, then pruned to the top `maxTermsPerDoc` terms
 * that occur in at least two docs (a term in one doc can never match). Pruning bounds both memory
 * and query cost per article. Each row depends only on its own counts and `w`, so ranges can be
 * weighed on different threads and joined.
 */
export function weighRows(counts: RowCounts, w: TermWeights, options: RelatedOptions, first: number, end: number): WeighedRows {
  const rows = new RowBuilder();
  const candidateRows = new RowBuilder();
  weighRowsInto(counts, w, options, first, end, rows, candidateRows);
  return { rows: rows.finish(), candidateRows: candidateRows.finish() };
}

/** weighRows, appending the rows of articles [first, end) to the given builders. */
export function weighRowsInto(counts: RowCounts, w: TermWeights, options: RelatedOptions, first: number, end: number, rows: RowBuilder, candidateRows: RowBuilder): void {
  const { start, cols, tf, length } = counts;
  const { df, termIdf, avgLength } = w;
  const { k1, b } = options.bm25;
  const bm25 = options.termWeighting === 'bm25';
  const candidateLimit = Math.min(options.candidateTermsPerDoc, options.maxTermsPerDoc);
  let weights = new Float64Array(1024);
  for (let d = first; d < end; d++) {
    const from = start[d]!;
    const size = start[d + 1]! - from;
    if (weights.length < size) weights = new Float64Array(size * 2);
    const lengthNorm = k1 * (1 - b + (b * length[d]!) / avgLength);
    let norm = 0;
    for (let i = 0; i < size; i++) {
      const f = tf[from + i]!;
      const w = (bm25 ? (f * (k1 + 1)) / (f + lengthNorm) : logOnePlus(f)) * termIdf[cols[from + i]!]!;
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    // a term found in one doc only can never match: it counts in the norm, not in the row
    for (let i = 0; i < size; i++) if (df[cols[from + i]!]! < 2) weights[i] = 0;
    pruneRow(cols, from, weights, size, options.maxTermsPerDoc, norm, rows);
    pruneRow(cols, from, weights, size, candidateLimit, norm, candidateRows);
  }
}

/** Rows of consecutive article ranges as one CSR structure (on SharedArrayBuffers). */
export function joinRows(parts: readonly SparseRows[]): SparseRows {
  const numRows = parts.reduce((sum, p) => sum + p.start.length - 1, 0);
  const size = parts.reduce((sum, p) => sum + p.cols.length, 0);
  const start = sharedInt32(numRows + 1);
  const cols = sharedInt32(size);
  const values = sharedFloat64(size);
  let row = 0;
  let at = 0;
  for (const p of parts) {
    for (let r = 1; r < p.start.length; r++) start[row + r] = at + p.start[r]!;
    cols.set(p.cols, at);
    values.set(p.values, at);
    row += p.start.length - 1;
    at += p.cols.length;
  }
  return { start, cols, values };
}

/**
 * Weighted term vectors for `records` (already filtered to non-drafts, sorted by id): the rows
 * (weighRows over all of them, unless `weighed` holds them already) and readable term labels.
 */
export function buildTextVectors(records: readonly RelatedRecord[], options: RelatedOptions, counts: TermCounts, weighed?: WeighedRows): TextVectors {
  const n = records.length;
  const { rows, candidateRows } = weighed ?? weighRows(counts, termWeights(counts, n, options), options, 0, n);
  const surface = counts.vocab.surfaceForms();
  const labels = surface.slice();
  for (const key of counts.phrases) labels.push(`${surface[Math.floor(key / PAIR)]} ${surface[key % PAIR]}`);
  return { rows, candidateRows, labels, numTerms: counts.numTerms };
}
