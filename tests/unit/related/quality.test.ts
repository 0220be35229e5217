import { describe, expect, it } from 'vitest';
import { evaluate, isByteIdentical, shortArticles, type Method } from '../../../scripts/related-quality/evaluate.ts';
import { toLabelledCorpus } from '../../../scripts/related-quality/labelled.ts';
import { loadSample } from '../../../scripts/related-quality/sample.ts';
import { syntheticCorpus } from '../../../scripts/related-quality/synthetic.ts';

// The quality gate of `npm run related:quality`, inside the test suite, on data that needs no
// network: the committed sample of real prose (108 mailing-list posts in 9 lists, CC0) and the
// synthetic generator. The full real corpora run in the script (docs/related.md).
const include: Method = 'engine, newer include';
const exclude: Method = 'engine (defaults: newer exclude)';

describe('related quality on real prose (committed SpamAssassin mailing-list sample, no tags)', () => {
  const corpus = toLabelledCorpus('sample', loadSample(), 'none');
  const p = evaluate(corpus, ['random', 'newest first', 'plain TF-IDF cosine', 'plain TF-IDF cosine, older first', include, exclude]);

  it('beats plain TF-IDF cosine by at least 10% relative, with newer include and exclude', () => {
    expect(p['plain TF-IDF cosine']!).toBeGreaterThan(0.3); // the baseline is a real one, not a straw man
    expect(p[include]!).toBeGreaterThanOrEqual(1.1 * p['plain TF-IDF cosine']!);
    expect(p[exclude]!).toBeGreaterThanOrEqual(1.1 * p['plain TF-IDF cosine, older first']!);
    expect(p[include]!).toBeGreaterThan(3 * p.random!);
  });

  it('gives every article 3 cards and the same bytes across runs and input orders', () => {
    expect(shortArticles(corpus.records)).toEqual([]);
    expect(shortArticles(corpus.records, { newer: 'include' })).toEqual([]);
    expect(isByteIdentical(corpus.records)).toBe(true);
  });
});

describe('related quality on the synthetic generator (seed 7, 8 topics x 10)', () => {
  // floors = the engine's numbers before the text-first rework (0.908 noisy tags, 0.875 no tags)
  for (const [tags, floor] of [['noisy', 0.908], ['none', 0.875]] as const) {
    it(`does not fall below ${floor} with ${tags === 'noisy' ? 'noisy tags' : 'no tags'}, and beats TF-IDF`, () => {
      const p = evaluate(syntheticCorpus(tags), ['plain TF-IDF cosine', include]);
      expect(p[include]!).toBeGreaterThanOrEqual(floor);
      expect(p[include]!).toBeGreaterThan(p['plain TF-IDF cosine']!);
    });
  }
});
