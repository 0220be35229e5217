// precision@3 of the engine and the baselines on a labelled corpus, plus the checks the
// issue asks of every run: k cards per article, byte-identical output across runs and input orders.
import { computeAllRelated, type RelatedOptionsInput, type RelatedRecord } from '../../src/lib/related/index.ts';
import { mulberry32 } from '../../src/lib/seeded-random.ts';
import { bm25ContentPicker, bm25Picker, bm25Scorer, newestPicker, olderFirst, randomPicker, tfidfPicker, tfidfScorer, type Picker } from './baselines.ts';
import type { LabelledCorpus } from './labelled.ts';

export const K = 3;
const NOW = new Date(Date.UTC(2030, 0, 1));

export const enginePicker = (extra: RelatedOptionsInput = {}): Picker => (records, k) => {
  const all = computeAllRelated(records, { now: NOW, ...extra, k });
  return new Map(Object.entries(all).map(([id, picks]) => [id, picks.map((p) => p.id)]));
};

/** Engine settings that switch the shortlist and posting pruning off (exact, exhaustive scoring). */
export const EXHAUSTIVE: RelatedOptionsInput = { maxPostingsPerTerm: 100_000, shortlistSize: 100_000, candidateTermsPerDoc: 5000 };

export const METHODS = {
  random: randomPicker(7),
  'newest first': newestPicker,
  'plain TF-IDF cosine': tfidfPicker,
  BM25: bm25Picker,
  'BM25, stop words removed': bm25ContentPicker,
  'plain TF-IDF cosine, older first': olderFirst(tfidfScorer),
  'BM25, older first': olderFirst(bm25Scorer()),
  'engine (defaults: newer exclude)': enginePicker(),
  'engine, newer include': enginePicker({ newer: 'include' }),
  'engine, newer include, no shortlist/pruning': enginePicker({ newer: 'include', ...EXHAUSTIVE }),
  'engine, newer exclude, no shortlist/pruning': enginePicker(EXHAUSTIVE),
} as const satisfies Record<string, Picker>;
export type Method = keyof typeof METHODS;

export function precisionAt3(corpus: LabelledCorpus, picks: Map<string, string[]>): number {
  let hits = 0;
  let total = 0;
  for (const [id, list] of picks) {
    for (const p of list.slice(0, K)) {
      total++;
      if (corpus.labelOf.get(p) === corpus.labelOf.get(id)) hits++;
    }
  }
  return total ? hits / total : 0;
}

export function evaluate(corpus: LabelledCorpus, methods: readonly Method[] = Object.keys(METHODS) as Method[]): Partial<Record<Method, number>> {
  const out: Partial<Record<Method, number>> = {};
  for (const m of methods) out[m] = precisionAt3(corpus, METHODS[m](corpus.records, K));
  return out;
}

/** Articles given fewer than k cards by the engine with these settings. */
export function shortArticles(records: readonly RelatedRecord[], extra: RelatedOptionsInput = {}): string[] {
  const all = computeAllRelated(records, { now: NOW, k: K, ...extra });
  return Object.entries(all).filter(([, p]) => p.length < Math.min(K, records.length - 1)).map(([id]) => id);
}

/** True when two runs, one on a seeded shuffle of the input, give the same JSON bytes. */
export function isByteIdentical(records: readonly RelatedRecord[], extra: RelatedOptionsInput = {}): boolean {
  const rng = mulberry32(99);
  const shuffled = [...records];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const a = JSON.stringify(computeAllRelated(records, { now: NOW, k: K, ...extra }));
  const b = JSON.stringify(computeAllRelated(records, { now: NOW, k: K, ...extra }));
  const c = JSON.stringify(computeAllRelated(shuffled, { now: NOW, k: K, ...extra }));
  return a === b && a === c;
}

/** One change at a time from the defaults (newer include, so every article sees the whole corpus). */
export const ABLATIONS: Record<string, RelatedOptionsInput> = {
  'defaults (newer include)': {},
  '32 terms per article (before)': { maxTermsPerDoc: 32, candidateTermsPerDoc: 32 },
  '256 terms per article': { maxTermsPerDoc: 256 },
  'idf per side (idfExponent 1, before)': { idfExponent: 1 },
  'BM25 saturation (termWeighting bm25)': { termWeighting: 'bm25' },
  'no field boosts (all 1)': { fieldBoosts: { title: 1, description: 1, highlights: 1, headings: 1 } },
  'bigrams on': { bigrams: true },
  'no MMR (diversityLambda 1)': { diversityLambda: 1 },
  'no meaningful-overlap floor (minTextSimilarity 0)': { minTextSimilarity: 0 },
  'text only (tags, category, recency 0)': { weights: { tags: 0, category: 0, recency: 0 } },
  'tags weight 0.1': { weights: { tags: 0.1 } },
  'tags weight 0.6': { weights: { tags: 0.6 } },
  'no shortlist/pruning': EXHAUSTIVE,
};

export function ablate(corpus: LabelledCorpus): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, extra] of Object.entries(ABLATIONS)) out[name] = precisionAt3(corpus, enginePicker({ newer: 'include', ...extra })(corpus.records, K));
  return out;
}
