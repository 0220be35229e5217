// Baselines the engine is compared against. Plain on purpose: no stemming, no stop-word list,
// body words only, exhaustive over all pairs. Ties break by id so every run picks the same.
import { isNoiseToken, splitWords } from '../../src/lib/related/tokenize.ts';
import type { RelatedRecord } from '../../src/lib/related/index.ts';
import { mulberry32 } from '../../src/lib/seeded-random.ts';

/** Picks per article id, best first. */
export type Picker = (records: readonly RelatedRecord[], k: number) => Map<string, string[]>;

/**
 * The same baseline restricted like the engine's newer 'exclude': older (or same-time) articles
 * ranked first, newer ones only after them (the baseline still ranks those by score, which is
 * generous to it: the engine takes the nearest newer ones, unranked).
 */
export const olderFirst = (scorer: Scorer): Picker => (records, k) => rankAll(records, k, scorer(records), true);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const randomPicker = (seed: number): Picker => (records, k) => {
  const rng = mulberry32(seed);
  const sorted = [...records].sort(byId);
  return new Map(sorted.map((r) => {
    const picks = new Set<string>();
    while (picks.size < Math.min(k, sorted.length - 1)) {
      const o = sorted[Math.floor(rng() * sorted.length)]!.id;
      if (o !== r.id) picks.add(o);
    }
    return [r.id, [...picks]];
  }));
};

export const newestPicker: Picker = (records, k) => {
  const sorted = [...records].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || byId(a, b));
  return new Map(records.map((r) => [r.id, sorted.filter((o) => o.id !== r.id).slice(0, k).map((o) => o.id)]));
};

interface Bag {
  ids: Int32Array;
  tf: Float64Array;
  length: number;
}

/** Body words as (word id, count) bags: lower-cased, no stemming, nothing removed (unless contentOnly). */
function bags(records: readonly RelatedRecord[], contentOnly = false): { bags: Bag[]; vocabulary: number } {
  const wordId = new Map<string, number>();
  const out = records.map((r) => {
    const counts = new Map<number, number>();
    const words = splitWords(r.bodyText).filter((w) => !contentOnly || !isNoiseToken(w));
    for (const w of words) {
      let id = wordId.get(w);
      if (id === undefined) wordId.set(w, (id = wordId.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    return { ids, tf: Float64Array.from(ids, (id) => counts.get(id)!), length: words.length };
  });
  return { bags: out, vocabulary: wordId.size };
}

/** scores(i)[j]: how well article j matches article i. */
type Scorer = (records: readonly RelatedRecord[]) => (i: number) => Float64Array;

/** Rank every other article by score(i, j) (exhaustive), keep the best k (ties: id). */
function rankAll(records: readonly RelatedRecord[], k: number, scoresFor: (i: number) => Float64Array, olderOnly = false): Map<string, string[]> {
  const time = records.map((r) => r.pubDate.getTime());
  return new Map(records.map((r, i) => {
    const s = scoresFor(i);
    const order = records.map((_, j) => j).filter((j) => j !== i);
    const newer = (j: number) => (olderOnly && time[j]! > time[i]! ? 1 : 0);
    order.sort((x, y) => newer(x) - newer(y) || s[y]! - s[x]! || byId(records[x]!, records[y]!));
    return [r.id, order.slice(0, k).map((j) => records[j]!.id)];
  }));
}

/** Plain TF-IDF cosine over all body words: raw tf x ln(N/df), L2-normalised. */
export const tfidfScorer: Scorer = (records) => {
  const { bags: docs, vocabulary } = bags(records);
  const n = records.length;
  const df = new Float64Array(vocabulary);
  for (const d of docs) for (const t of d.ids) df[t]!++;
  const vectors = docs.map((d) => {
    const w = Float64Array.from(d.ids, (t, i) => d.tf[i]! * Math.log(n / df[t]!));
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0)) || 1;
    return { ids: d.ids, w: w.map((x) => x / norm) };
  });
  const dense = new Float64Array(vocabulary);
  return (i) => {
    const q = vectors[i]!;
    q.ids.forEach((t, x) => (dense[t] = q.w[x]!));
    const s = Float64Array.from(vectors, (v) => {
      let dot = 0;
      for (let x = 0; x < v.ids.length; x++) dot += dense[v.ids[x]!]! * v.w[x]!;
      return dot;
    });
    q.ids.forEach((t) => (dense[t] = 0));
    return s;
  };
};
export const tfidfPicker: Picker = (records, k) => rankAll(records, k, tfidfScorer(records));

/**
 * Okapi BM25 (k1 1.2, b 0.75) with the article's distinct body words as the query
 * ("more like this"), over all body words, no stemming.
 */
export const bm25Scorer = (contentOnly = false): Scorer => (records) => {
  const { bags: docs, vocabulary } = bags(records, contentOnly);
  const n = records.length;
  const avg = docs.reduce((s, d) => s + d.length, 0) / n || 1;
  const postings: Array<Array<[number, number]>> = Array.from({ length: vocabulary }, () => []);
  docs.forEach((d, j) => d.ids.forEach((t, x) => postings[t]!.push([j, d.tf[x]!])));
  const idf = postings.map((p) => Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)));
  const k1 = 1.2;
  const b = 0.75;
  return (i) => {
    const s = new Float64Array(n);
    for (const t of docs[i]!.ids) {
      for (const [j, tf] of postings[t]!) s[j]! += (idf[t]! * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docs[j]!.length) / avg));
    }
    return s;
  };
};
export const bm25Picker: Picker = (records, k) => rankAll(records, k, bm25Scorer()(records));
/** The same BM25 without the engine's stop words (what a topical-only BM25 gets). */
export const bm25ContentPicker: Picker = (records, k) => rankAll(records, k, bm25Scorer(true)(records));
