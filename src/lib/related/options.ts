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
    weights: z
      .strictObject({
        text: weight(0.6),
        tags: weight(0.12),
        category: weight(0.03),
        recency: weight(0.05),
      })
      // prefault (not default) so a partial object still receives the inner defaults.
      .prefault({}),
    /** Days after which the recency signal halves; applies to |pubDate a - pubDate b|. */
    recencyHalfLifeDays: z.number({ error: 'a number of days above 0' }).positive({ error: 'a number of days above 0' }).default(180),
    /** Scored candidates below this are dropped; fallbacks fill the gap. */
    minScore: z.number({ error: 'a score from 0 to 1' }).min(0, { error: 'a score from 0 to 1' }).max(1, { error: 'a score from 0 to 1' }).default(0.02),
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
    /** Candidate generation walks at most this many postings per term/tag: the ones where the
     *  term weighs most (impact order). Bounds query work per article by
     *  (maxTermsPerDoc + tags) x maxPostingsPerTerm whatever the corpus size; common terms
     *  still generate candidates (their best matches) and every shared term still scores. */
    maxPostingsPerTerm: wholeNumber(1, 100_000).default(128),
    /** Each article keeps only its top-N weighted terms for candidate generation and scoring. */
    maxTermsPerDoc: wholeNumber(5, 1000).default(32),
    /** Index adjacent-word pairs that recur in titles, deks, highlights or headings ("kv cache").
     *  Off by default: it did not improve precision on the labelled corpus (docs/related.md). */
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
