import type { RelatedIndex } from './build-index.ts';
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

// Buffers reused across queries (only touched slots are reset): a seen-mark per doc and the
// query article's term and tag weights scattered into dense arrays for O(1) lookup.
interface Scratch {
  seen: Uint8Array;
  touched: Int32Array;
  queryText: Float64Array;
  queryTags: Float64Array;
}
const scratchByIndex = new WeakMap<RelatedIndex, Scratch>();

function scratchFor(index: RelatedIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.records.length;
    s = {
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      queryText: new Float64Array(index.numTerms),
      queryTags: new Float64Array(index.tagNames.length),
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
 * Phase 3 for one article. Candidates are the articles found in the postings of its
 * (non-capped) terms and tags; each candidate is then scored exactly against the
 * article's full pruned vectors, so capped common terms still count towards similarity.
 * Returns candidates clearing minScore, best first.
 */
export function scoreCandidates(index: RelatedIndex, a: number): ScoredCandidate[] {
  const s = scratchFor(index);
  let count = 0;
  const collect = (rows: SparseRows, postings: SparseRows) => {
    for (let i = rows.start[a]!; i < rows.start[a + 1]!; i++) {
      const t = rows.cols[i]!;
      for (let p = postings.start[t]!; p < postings.start[t + 1]!; p++) {
        const d = postings.cols[p]!;
        if (!s.seen[d]) {
          s.seen[d] = 1;
          s.touched[count++] = d;
        }
      }
    }
  };
  collect(index.text, index.textPostings);
  collect(index.tags, index.tagPostings);
  scatter(index.text, a, s.queryText, (v) => v);
  scatter(index.tags, a, s.queryTags, (v) => v);

  const { weights, minScore } = index.options;
  const hasCategory = index.categoryNames[index.category[a]!] !== '';
  const out: ScoredCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const d = s.touched[i]!;
    s.seen[d] = 0;
    if (d === a) continue;
    const text = denseDot(index.text, d, s.queryText);
    const tags = denseDot(index.tags, d, s.queryTags);
    const category = hasCategory && index.category[a] === index.category[d] ? 1 : 0;
    const recency = recencySignal(index, a, d);
    const score = weights.text * text + weights.tags * tags + weights.category * category + weights.recency * recency;
    if (score >= minScore) out.push({ doc: d, score, text, tags, category, recency });
  }
  scatter(index.text, a, s.queryText, () => 0);
  scatter(index.tags, a, s.queryTags, () => 0);
  return out.sort((x, y) => compareCandidates(index, x, y));
}
