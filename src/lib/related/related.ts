import type { QueryIndex, RelatedIndex } from './build-index.ts';
import { scoreCandidates, textSimilarity, type ScoredCandidate } from './candidates.ts';
import { round4, scoredReasons } from './reasons.ts';
import type { RelatedPick } from './types.ts';

// MMR only needs to look a little past k: beyond that, candidates are too weak to win.
const poolSize = (k: number) => Math.max(4 * k, 12);
// Text cosine at which two articles count as near-duplicates. Plain MMR only discounts them,
// and a much stronger duplicate can still win; above this they go to the back of the queue
// (unless diversityLambda = 1, which switches diversity off).
const NEAR_DUPLICATE = 0.8;

/** Pinned slugs that can be shown: known, published, not the article itself, no repeats. */
function resolvePins(index: QueryIndex, a: number): number[] {
  const pins: number[] = [];
  for (const slug of index.records[a]!.pinned ?? []) {
    const d = index.docOf.get(slug);
    if (d === undefined || d === a || !index.eligible[d] || pins.includes(d)) continue;
    pins.push(d);
  }
  return pins.slice(0, index.options.k);
}

/**
 * Greedy MMR: repeatedly take the candidate maximising
 * lambda * relevance / best relevance - (1 - lambda) * (max text similarity to anything shown),
 * so a near-duplicate of a chosen card loses to a distinct, slightly weaker one.
 * Similarities are computed lazily: the pool is sorted by score and similarity only lowers a
 * value, so once a candidate's relevance term alone cannot beat the best value so far, no later
 * one can either, and their similarities are never needed (same picks as computing them all).
 */
function diversify(index: QueryIndex, pool: ScoredCandidate[], chosen: number[], slots: number): ScoredCandidate[] {
  const lambda = index.options.diversityLambda;
  const shown = lambda < 1 ? chosen.slice() : []; // docs whose similarity counts against a candidate
  const maxSim = new Float64Array(pool.length);
  const simCount = new Int32Array(pool.length); // how many of `shown` maxSim[i] covers
  const taken = new Uint8Array(pool.length);
  // Relevance is rescaled to [0, 1] so lambda trades it against similarity on the same scale.
  const top = pool.length > 0 && pool[0]!.score > 0 ? pool[0]!.score : 1;
  const picked: ScoredCandidate[] = [];
  while (picked.length < slots) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const relevance = (lambda * pool[i]!.score) / top;
      if (relevance <= bestValue) break; // value <= relevance, and relevance never grows with i
      for (; simCount[i]! < shown.length; simCount[i]!++) maxSim[i] = Math.max(maxSim[i]!, textSimilarity(index, simCount[i]!, shown[simCount[i]!]!, pool[i]!.doc));
      const mmr = relevance - (1 - lambda) * maxSim[i]!;
      const value = lambda < 1 && maxSim[i]! >= NEAR_DUPLICATE ? mmr - 2 : mmr; // mmr is in [-1, 1]
      // pool is sorted by the tie-break order already, so strict > keeps the earliest on ties
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    picked.push(pool[best]!);
    if (lambda < 1) shown.push(pool[best]!.doc);
  }
  return picked;
}

/** Top-k related articles for one article id (pins, then MMR-ranked scores, then fallbacks). */
export function relatedFor(index: RelatedIndex, id: string): RelatedPick[] {
  const a = index.docOf.get(id);
  if (a === undefined) {
    if (index.draftIds.has(id)) return [];
    throw new Error(`related: unknown article id "${id}"`);
  }
  return relatedForDoc(index, a);
}

/** Top-k related articles for doc number `a`. Reads the index only, so threads can share it. */
export function relatedForDoc(index: QueryIndex, a: number): RelatedPick[] {
  const { k } = index.options;
  const picks: RelatedPick[] = [];
  const used = new Set<number>([a]);

  for (const d of resolvePins(index, a)) {
    used.add(d);
    picks.push({ id: index.records[d]!.id, score: 1, reasons: [{ signal: 'pinned', value: 1, detail: 'pinned in frontmatter "related"' }] });
  }

  if (picks.length < k) {
    const pool = scoreCandidates(index, a)
      .filter((c) => !used.has(c.doc))
      .slice(0, poolSize(k));
    for (const c of diversify(index, pool, [...used].filter((d) => d !== a), k - picks.length)) {
      used.add(c.doc);
      picks.push({ id: index.records[c.doc]!.id, score: round4(c.score), reasons: scoredReasons(index, a, c) });
    }
  }

  if (picks.length >= k) return picks;
  const scored = picks.filter((p) => p.reasons[0]?.signal !== 'pinned').length;
  fillFallbacks(index, a, picks, used, scored === 0 ? (picks.length > 0 ? 'no other article' : 'no article') : null);
  return picks;
}

/**
 * Fallbacks so every article gets k cards: same category, then anything, in time order.
 * With newer 'include': newest first. With 'exclude': older articles only (newest of them
 * first), and the nearest newer ones only when there are not enough older ones, so a new
 * article never displaces an old page's fallback cards. The detail says why it is a fallback.
 */
function fillFallbacks(index: QueryIndex, a: number, picks: RelatedPick[], used: Set<number>, noneRelated: string | null): void {
  const { k, newer } = index.options;
  const timeA = index.time[a]!;
  const candidates = newer === 'exclude' ? 'older article' : 'article';
  const why = noneRelated
    ? `${noneRelated.replace('article', candidates)} shares meaningful text or tags with this one`
    : `fewer than ${k} ${candidates}s share meaningful text or tags with this one`;
  const category = index.category[a]!;
  const categoryName = index.categoryNames[category]!;
  const lists: Array<[Int32Array, 'fallback-category' | 'fallback-recent', string]> = [];
  if (categoryName !== '') lists.push([index.newestByCategory[category]!, 'fallback-category', `same category "${categoryName}"`]);
  lists.push([index.newest, 'fallback-recent', 'published article']);
  const take = (d: number, signal: 'fallback-category' | 'fallback-recent', what: string) => {
    if (used.has(d)) return;
    used.add(d);
    picks.push({ id: index.records[d]!.id, score: 0, reasons: [{ signal, value: 0, detail: `fallback: ${why}; ${what}` }] });
  };
  // Loops stop as soon as k cards are there: most articles need no fallback at all, and a
  // scan of the whole newest-first list per article would make the build quadratic.
  if (newer === 'include') {
    for (const [list, signal, what] of lists) for (let i = 0; i < list.length && picks.length < k; i++) take(list[i]!, signal, `${what}, newest first`);
    return;
  }
  // Lists are newest first: the older articles start where time drops to timeA (binary search).
  const firstOlder = (list: Int32Array) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index.time[list[mid]!]! > timeA) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const [list, signal, what] of lists) {
    for (let i = firstOlder(list); i < list.length && picks.length < k; i++) take(list[i]!, signal, `${what}, newest older one first`);
  }
  for (const [list, signal, what] of lists) {
    for (let i = firstOlder(list) - 1; i >= 0 && picks.length < k; i--) take(list[i]!, signal, `${what}, nearest newer one (no older one left)`);
  }
}
