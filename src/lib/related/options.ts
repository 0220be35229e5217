import { z } from 'astro/zod';

// Weights must be finite and non-negative: a negative weight would turn a shared
// signal into a penalty, which is never what a theme user means. Messages say
// what is expected; the site-config report adds what was found.
const weight = (fallback: number) =>
  z
    .number({ error: 'a number of 0 or more' })
    .finite({ error: 'a finite number of 0 or more' })
    .min(0, { error: 'a number of 0 or more (a negative weight would penalise a match)' })
    .default(fallback);
const wholeNumber = (min: number, max: number) =>
  z.number({ error: `a whole number from ${min} to ${max}` }).int({ error: `a whole number from ${min} to ${max}` }).min(min, { error: `a whole number from ${min} to ${max}` }).max(max, { error: `a whole number from ${min} to ${max}` });

// Strict objects: a misspelt setting ("wieghts") is an error, never silently ignored.
export const relatedOptionsSchema = z
  .strictObject({
    /** Number of cards per article. */
    k: wholeNumber(1, 50).default(3),
    /**
     * Text similarity is the backbone; the others only re-rank articles that are already related.
     * text and tags add up to the relevance (both cosines in [0, 1]); category and recency multiply
     * it by at most (1 + category + recency), so they can reorder close candidates but never turn
     * an unrelated article into a related one. Defaults measured in docs/related.md.
     */
    weights: z
      .strictObject({
        text: weight(1),
        tags: weight(0.3),
        category: weight(0.1),
        recency: weight(0.1),
      })
      // prefault (not default) so a partial object still receives the inner defaults.
      .prefault({}),
    /**
     * 'exclude' (default): only articles published before (or with) this one are suggested, so the
     * cards on an old page stay put as new articles arrive. 'include': newer articles too.
     */
    newer: z.enum(['include', 'exclude'], { error: '"include" or "exclude"' }).default('exclude'),
    /** Days after which the recency factor halves; applies to |pubDate a - pubDate b|. */
    recencyHalfLifeDays: z.number({ error: 'a number of days above 0' }).positive({ error: 'a number of days above 0' }).default(180),
    /** A candidate is related only if its text cosine reaches this (or its tag cosine reaches minTagSimilarity). */
    minTextSimilarity: z.number({ error: 'a number from 0 to 1' }).min(0, { error: 'a number from 0 to 1' }).max(1, { error: 'a number from 0 to 1' }).default(0.05),
    /** Tag cosine (rarity-weighted) that counts as meaningful on its own: sharing only "news" does not. */
    minTagSimilarity: z.number({ error: 'a number from 0 to 1' }).min(0, { error: 'a number from 0 to 1' }).max(1, { error: 'a number from 0 to 1' }).default(0.3),
    /** Related candidates scoring below this are dropped too; fallbacks fill the gap. */
    minScore: z.number({ error: 'a score from 0 to 1' }).min(0, { error: 'a score from 0 to 1' }).max(1, { error: 'a score from 0 to 1' }).default(0),
    /** MMR lambda: 1 = pure relevance, 0 = pure novelty. */
    diversityLambda: z.number({ error: 'a number from 0 to 1' }).min(0, { error: 'a number from 0 to 1' }).max(1, { error: 'a number from 0 to 1' }).default(0.8),
    fieldBoosts: z
      .strictObject({
        title: weight(3),
        description: weight(2),
        highlights: weight(1.5),
        headings: weight(1.5),
        body: weight(1),
      })
      .prefault({}),
    /** Term frequency saturation: 'log' is ln(1 + tf); 'bm25' also normalises by article length. */
    termWeighting: z.enum(['log', 'bm25'], { error: '"log" or "bm25"' }).default('log'),
    /** Each side's term weight is idf^this, so a shared term weighs idf^(2 x this) in a pair. */
    idfExponent: z.number({ error: 'a number from 0 to 2' }).min(0, { error: 'a number from 0 to 2' }).max(2, { error: 'a number from 0 to 2' }).default(0.5),
    /** BM25 saturation (k1) and length normalisation (b). */
    bm25: z
      .strictObject({
        k1: z.number({ error: 'a number of 0 or more' }).min(0, { error: 'a number of 0 or more' }).default(1.2),
        b: z.number({ error: 'a number from 0 to 1' }).min(0, { error: 'a number from 0 to 1' }).max(1, { error: 'a number from 0 to 1' }).default(0.75),
      })
      .prefault({}),
    /** Candidate generation walks at most this many postings per term/tag: the ones where the
     *  term weighs most (impact order). Bounds query work per article whatever the corpus size. */
    maxPostingsPerTerm: wholeNumber(1, 100_000).default(128),
    /** Terms per article kept for exact scoring (its heaviest; the norm still counts all terms). */
    maxTermsPerDoc: wholeNumber(5, 5000).default(1000),
    /** Of those, the heaviest terms that generate candidates through the postings. */
    candidateTermsPerDoc: wholeNumber(1, 5000).default(48),
    /** Candidates rescored exactly per article (default max(8k, 32)); large = no shortlist. */
    shortlistSize: wholeNumber(1, 1_000_000).optional(),
    /** Index adjacent-word pairs that recur in titles, deks, highlights or headings ("kv cache"). */
    bigrams: z.boolean({ error: 'true or false' }).default(false),
    /** Articles dated after this are scheduled: never suggested. Defaults to the build time. */
    now: z.date().optional(),
  })
  .prefault({});

export type RelatedOptionsInput = z.input<typeof relatedOptionsSchema>;
export type RelatedOptions = z.output<typeof relatedOptionsSchema>;

/** Parse options, turning zod issues into one readable error message. */
export function parseRelatedOptions(input: unknown): RelatedOptions {
  const result = relatedOptionsSchema.safeParse(input ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) =>
      i.code === 'unrecognized_keys' ? `${[...i.path, i.keys.join(', ')].join('.')}: not a known setting` : `${i.path.join('.') || '(root)'}: expected ${i.message}`,
    );
    throw new Error(`Invalid related-articles options:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}
