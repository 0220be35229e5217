import type { QueryIndex } from './build-index.ts';
import { DenseRow } from './dense-row.ts';
import { TopHeap } from './top-heap.ts';
import type { SparseRows } from './types.ts';

export interface ScoredCandidate {
  doc: number;
  /** relevance x (1 + w.category x category + w.recency x recency) */
  score: number;
  /** w.text x text + w.tags x tags: what makes a candidate related at all */
  relevance: number;
  /** text cosine (top maxTermsPerDoc terms of both) */
  text: number;
  /** tag cosine (rarity-weighted) */
  tags: number;
  /** 1 when both share a (non-empty) category */
  category: number;
  /** 0.5^(|days apart| / half-life) */
  recency: number;
}

const DAY_MS = 86_400_000;

// Buffers reused across queries (only touched slots are reset): per-doc accumulators for
// the shortlist pass, the query article's terms and tags as dense rows for exact rescoring
// (and its explanation), and dense text rows of the cards already shown, for MMR similarities.
interface Scratch {
  seen: Uint8Array;
  touched: Int32Array;
  textAcc: Float64Array;
  tagAcc: Float64Array;
  queryText: DenseRow;
  queryTags: DenseRow;
  shownText: DenseRow[];
  shortlist: TopHeap;
}
const scratchByIndex = new WeakMap<QueryIndex, Scratch>();
// Dense rows kept for shown cards (allocated on use): k - 1 with the default k = 3 and no pins.
const SHOWN_ROWS = 4;

// exp(-x) sampled every BOUND_STEP: for x in [k·step, (k+1)·step), exp(-k·step) >= exp(-x).
// One step is kept as a safety margin against rounding in floor(x / step).
const BOUND_STEP = 1 / 16;
const BOUND_TABLE = Float64Array.from({ length: 257 }, (_, k) => Math.exp(-Math.max(0, k - 1) * BOUND_STEP));
const recencyBound = (x: number) => BOUND_TABLE[Math.min(256, Math.floor(x / BOUND_STEP))]!;

// Exact rescoring is limited to this many best approximate candidates.
const shortlistSize = (index: QueryIndex) => Math.min(index.options.shortlistSize ?? Math.max(8 * index.options.k, 32), Math.max(1, index.records.length));

function scratchFor(index: QueryIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.records.length;
    s = {
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      textAcc: new Float64Array(n),
      tagAcc: new Float64Array(n),
      queryText: new DenseRow(index.text, index.numTerms),
      queryTags: new DenseRow(index.tags, index.tagNames.length),
      shownText: [],
      shortlist: new TopHeap(shortlistSize(index)),
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

/** Smooth decay on the absolute distance in days: older and newer neighbours are treated alike. */
export function recencySignal(index: QueryIndex, a: number, b: number): number {
  const days = Math.abs(index.time[a]! - index.time[b]!) / DAY_MS;
  return Math.pow(0.5, days / index.options.recencyHalfLifeDays);
}

export function compareCandidates(index: QueryIndex, x: ScoredCandidate, y: ScoredCandidate): number {
  return y.score - x.score || index.time[y.doc]! - index.time[x.doc]! || x.doc - y.doc;
}

/**
 * Term-at-a-time: add wa x wd to acc[d] for every posting (d, wd) of every (term, wa) in row a,
 * recording each doc the first time it is touched. Lists are in time order, so only their
 * prefix up to `maxTime` is walked (binary search for its end). Returns the new touched count.
 */
function walkPostings(rows: SparseRows, postings: SparseRows, a: number, time: Float64Array, maxTime: number, seen: Uint8Array, touched: Int32Array, count: number, acc: Float64Array): number {
  const { cols, values } = rows;
  const { start: pStart, cols: pDocs, values: pValues } = postings;
  for (let i = rows.start[a]!, end = rows.start[a + 1]!; i < end; i++) {
    const t = cols[i]!;
    const wa = values[i]!;
    let pEnd = pStart[t + 1]!;
    if (maxTime !== Infinity) {
      let lo = pStart[t]!;
      while (lo < pEnd) {
        const mid = (lo + pEnd) >> 1;
        if (time[pDocs[mid]!]! > maxTime) pEnd = mid;
        else lo = mid + 1;
      }
    }
    for (let p = pStart[t]!; p < pEnd; p++) {
      const d = pDocs[p]!;
      if (seen[d] === 0) {
        seen[d] = 1;
        touched[count++] = d;
      }
      acc[d]! += wa * pValues[p]!;
    }
  }
  return count;
}

/** A candidate is related when it shares meaningful text or tags; anything else is a fallback. */
export function isRelated(index: QueryIndex, text: number, tags: number): boolean {
  const { minTextSimilarity, minTagSimilarity } = index.options;
  return (text > 0 && text >= minTextSimilarity) || (tags > 0 && tags >= minTagSimilarity);
}

/**
 * Phase 3 for one article, in two passes:
 * 1. shortlist: walk the impact-pruned postings of its candidate terms and its tags
 *    (term-at-a-time), so only articles sharing something with it are touched, at most
 *    maxPostingsPerTerm per term whatever N is, and keep the best few by that partial score;
 * 2. rescore the shortlist exactly against the article's full pruned vectors, and keep the
 *    related ones (isRelated) clearing minScore.
 * Text and tags make the relevance; category and recency multiply it by a bounded factor, so
 * a candidate with no relevance scores 0 whatever its date or category.
 * With newer 'exclude', articles published after this one are never candidates.
 */
export function scoreCandidates(index: QueryIndex, a: number): ScoredCandidate[] {
  const s = scratchFor(index);
  const { weights, minScore } = index.options;
  const excludeNewer = index.options.newer === 'exclude';
  const { seen, touched, textAcc, tagAcc } = s;
  const { time, category: categories } = index;
  const maxTime = excludeNewer ? time[a]! : Infinity;
  let count = walkPostings(index.textCandidates, index.textPostings, a, time, maxTime, seen, touched, 0, textAcc);
  count = walkPostings(index.tags, index.tagPostings, a, time, maxTime, seen, touched, count, tagAcc);

  const catA = categories[a]!;
  const hasCategory = index.categoryNames[catA] !== '';
  const timeA = time[a]!;
  const decayPerMs = Math.LN2 / (index.options.recencyHalfLifeDays * DAY_MS); // exp form of 0.5^(days/halfLife)
  const wText = weights.text;
  const wTags = weights.tags;
  const wRecency = weights.recency;
  const sameCategory = 1 + weights.category;
  const shortlist = s.shortlist;
  shortlist.clear();
  let floor = shortlist.floor(); // changes only when something is pushed
  for (let i = 0; i < count; i++) {
    const d = touched[i]!;
    const relevance = wText * textAcc[d]! + wTags * tagAcc[d]!;
    seen[d] = 0;
    textAcc[d] = 0;
    tagAcc[d] = 0;
    const timeD = time[d]!;
    if (d === a || (excludeNewer && timeD > timeA)) continue;
    const categoryFactor = hasCategory && categories[d] === catA ? sameCategory : 1;
    // Most touched docs cannot reach the shortlist: rule them out with an upper bound on the
    // recency factor from a small table before paying for exp(). Exact: the bound is never below
    // the real value, so the same docs are pushed as without it.
    const x = Math.abs(timeA - timeD) * decayPerMs;
    if (relevance * (categoryFactor + wRecency * recencyBound(x)) < floor) continue;
    const partial = relevance * (categoryFactor + wRecency * Math.exp(-x));
    if (partial >= floor) {
      shortlist.push(partial, timeD, d);
      floor = shortlist.floor();
    }
  }

  // Exact rescoring against the article's full rows (dense), one pass over each shortlisted row.
  const { queryText, queryTags } = s;
  queryText.load(a);
  queryTags.load(a);
  const out: ScoredCandidate[] = [];
  const docs = shortlist.docs();
  for (let j = 0; j < docs.length; j++) {
    const d = docs[j]!;
    const text = queryText.dot(d);
    const tags = queryTags.dot(d);
    if (!isRelated(index, text, tags)) continue;
    const category = hasCategory && categories[d] === catA ? 1 : 0;
    const recency = recencySignal(index, a, d);
    const relevance = weights.text * text + weights.tags * tags;
    const score = relevance * (1 + weights.category * category + weights.recency * recency);
    if (score > 0 && score >= minScore) out.push({ doc: d, score, relevance, text, tags, category, recency });
  }
  return out.sort((x, y) => compareCandidates(index, x, y));
}

/**
 * Text cosine of `shownDoc` and `d` (for MMR). `slot` numbers the shown doc: each of the first
 * few keeps its own dense row, so its similarity to several candidates scatters it once.
 * Exact and symmetric: the dot product adds the same products in the same term order either way.
 */
export function textSimilarity(index: QueryIndex, slot: number, shownDoc: number, d: number): number {
  const rows = scratchFor(index).shownText;
  const i = Math.min(slot, SHOWN_ROWS - 1);
  rows[i] ??= new DenseRow(index.text, index.numTerms);
  rows[i].load(shownDoc);
  return rows[i].dot(d);
}

/** The largest per-term contributions to the text cosine of a and b (for explanations). */
export function topSharedTerms(index: QueryIndex, a: number, b: number, n: number): Array<{ col: number; value: number }> {
  const dense = scratchFor(index).queryText;
  dense.load(a);
  return dense.topShared(b, n);
}
