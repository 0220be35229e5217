import type { RelatedIndex } from './build-index.ts';
import { TopHeap } from './top-heap.ts';
import type { SparseRows } from './types.ts';

export interface ScoredCandidate {
  doc: number;
  score: number;
  text: number;
  tags: number;
  category: number;
  recency: number;
}

const DAY_MS = 86_400_000;

// Buffers reused across queries (only touched slots are reset): per-doc accumulators for
// the shortlist pass, and the query article's terms and tags scattered into dense arrays
// for exact rescoring.
interface Scratch {
  seen: Uint8Array;
  touched: Int32Array;
  textAcc: Float64Array;
  tagAcc: Float64Array;
  queryText: Float64Array;
  queryTags: Float64Array;
  shortlist: TopHeap;
}
const scratchByIndex = new WeakMap<RelatedIndex, Scratch>();

// Exact rescoring is limited to this many best approximate candidates.
const shortlistSize = (k: number) => Math.max(8 * k, 32);

function scratchFor(index: RelatedIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.records.length;
    s = {
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      textAcc: new Float64Array(n),
      tagAcc: new Float64Array(n),
      queryText: new Float64Array(index.numTerms),
      queryTags: new Float64Array(index.tagNames.length),
      shortlist: new TopHeap(shortlistSize(index.options.k)),
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

/** Smooth decay on the absolute distance in days: older and newer neighbours are treated alike. */
export function recencySignal(index: RelatedIndex, a: number, b: number): number {
  const days = Math.abs(index.time[a]! - index.time[b]!) / DAY_MS;
  return Math.pow(0.5, days / index.options.recencyHalfLifeDays);
}

export function compareCandidates(index: RelatedIndex, x: ScoredCandidate, y: ScoredCandidate): number {
  return y.score - x.score || index.time[y.doc]! - index.time[x.doc]! || x.doc - y.doc;
}

function scatter(rows: SparseRows, a: number, dense: Float64Array, value: (v: number) => number): void {
  for (let i = rows.start[a]!; i < rows.start[a + 1]!; i++) dense[rows.cols[i]!] = value(rows.values[i]!);
}

function denseDot(rows: SparseRows, d: number, dense: Float64Array): number {
  let sum = 0;
  for (let i = rows.start[d]!; i < rows.start[d + 1]!; i++) sum += dense[rows.cols[i]!]! * rows.values[i]!;
  return sum;
}

/**
 * Phase 3 for one article, in two passes:
 * 1. shortlist: walk the postings of its non-capped terms and tags (term-at-a-time), so
 *    only articles sharing something with it are touched, and keep the best few by that
 *    partial score (capped common terms are left out of this pass: their weight is low);
 * 2. rescore the shortlist exactly against the article's full pruned vectors.
 * Returns the shortlisted candidates clearing minScore, best first.
 */
export function scoreCandidates(index: RelatedIndex, a: number): ScoredCandidate[] {
  const s = scratchFor(index);
  const { weights, minScore } = index.options;
  let count = 0;
  const walk = (rows: SparseRows, postings: SparseRows, acc: Float64Array) => {
    for (let i = rows.start[a]!; i < rows.start[a + 1]!; i++) {
      const t = rows.cols[i]!;
      const wa = rows.values[i]!;
      for (let p = postings.start[t]!; p < postings.start[t + 1]!; p++) {
        const d = postings.cols[p]!;
        if (!s.seen[d]) {
          s.seen[d] = 1;
          s.touched[count++] = d;
        }
        acc[d]! += wa * postings.values[p]!;
      }
    }
  };
  walk(index.text, index.textPostings, s.textAcc);
  walk(index.tags, index.tagPostings, s.tagAcc);

  const catA = index.category[a]!;
  const hasCategory = index.categoryNames[catA] !== '';
  const timeA = index.time[a]!;
  const decayPerMs = Math.LN2 / (index.options.recencyHalfLifeDays * DAY_MS); // exp form of 0.5^(days/halfLife)
  s.shortlist.clear();
  for (let i = 0; i < count; i++) {
    const d = s.touched[i]!;
    const partial =
      weights.text * s.textAcc[d]! +
      weights.tags * s.tagAcc[d]! +
      (hasCategory && index.category[d] === catA ? weights.category : 0) +
      weights.recency * Math.exp(-Math.abs(timeA - index.time[d]!) * decayPerMs);
    s.seen[d] = 0;
    s.textAcc[d] = 0;
    s.tagAcc[d] = 0;
    if (d !== a && partial >= s.shortlist.floor()) s.shortlist.push(partial, index.time[d]!, d);
  }

  scatter(index.text, a, s.queryText, (v) => v);
  scatter(index.tags, a, s.queryTags, (v) => v);
  const out: ScoredCandidate[] = [];
  for (const d of s.shortlist.docs()) {
    const text = denseDot(index.text, d, s.queryText);
    const tags = denseDot(index.tags, d, s.queryTags);
    const category = hasCategory && index.category[d] === catA ? 1 : 0;
    const recency = recencySignal(index, a, d);
    const score = weights.text * text + weights.tags * tags + weights.category * category + weights.recency * recency;
    if (score >= minScore) out.push({ doc: d, score, text, tags, category, recency });
  }
  scatter(index.text, a, s.queryText, () => 0);
  scatter(index.tags, a, s.queryTags, () => 0);
  return out.sort((x, y) => compareCandidates(index, x, y));
}
