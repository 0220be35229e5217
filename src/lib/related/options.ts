import { z } from 'astro/zod';

// Weights must be finite and non-negative: a negative weight would turn a shared
// signal into a penalty, which is never what a theme user means.
const weight = (name: string, fallback: number) =>
  z
    .number({ error: `${name} must be a number` })
    .finite(`${name} must be finite`)
    .min(0, `${name} must be >= 0 (got a negative weight)`)
    .default(fallback);

export const relatedOptionsSchema = z
  .object({
    /** Number of cards per article. */
    k: z.number().int().min(1, 'k must be at least 1').max(50, 'k must be at most 50').default(3),
    weights: z
      .object({
        text: weight('weights.text', 0.6),
        tags: weight('weights.tags', 0.12),
        category: weight('weights.category', 0.03),
        recency: weight('weights.recency', 0.05),
      })
      // prefault (not default) so a partial object still receives the inner defaults.
      .prefault({}),
    /** Days after which the recency signal halves; applies to |pubDate a - pubDate b|. */
    recencyHalfLifeDays: z.number().positive('recencyHalfLifeDays must be > 0').default(180),
    /** Scored candidates below this are dropped; fallbacks fill the gap. */
    minScore: weight('minScore', 0.02),
    /** MMR lambda: 1 = pure relevance, 0 = pure novelty. */
    diversityLambda: z.number().min(0, 'diversityLambda must be in [0, 1]').max(1, 'diversityLambda must be in [0, 1]').default(0.8),
    fieldBoosts: z
      .object({
        title: weight('fieldBoosts.title', 3),
        description: weight('fieldBoosts.description', 2),
        highlights: weight('fieldBoosts.highlights', 1.5),
        headings: weight('fieldBoosts.headings', 1.5),
        body: weight('fieldBoosts.body', 1),
      })
      .prefault({}),
    /** Candidate generation walks at most this many postings per term/tag: the ones where the
     *  term weighs most (impact order). Bounds query work per article by
     *  (maxTermsPerDoc + tags) x maxPostingsPerTerm whatever the corpus size; common terms
     *  still generate candidates (their best matches) and every shared term still scores. */
    maxPostingsPerTerm: z.number().int().min(1, 'maxPostingsPerTerm must be at least 1').default(128),
    /** Each article keeps only its top-N weighted terms for candidate generation and scoring. */
    maxTermsPerDoc: z.number().int().min(5, 'maxTermsPerDoc must be at least 5').default(32),
    /** Index adjacent-word pairs that recur in titles, deks, highlights or headings ("kv cache").
     *  Off by default: it did not improve precision on the labelled corpus (docs/related.md). */
    bigrams: z.boolean().default(false),
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
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid related-articles options:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}
