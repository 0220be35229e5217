import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, computeAllRelated, relatedFor } from '../../../src/lib/related/index.ts';
import { toLabelledCorpus } from '../../../scripts/related-quality/labelled.ts';
import { loadSample } from '../../../scripts/related-quality/sample.ts';
import { NOW, day, rec } from './helpers.ts';

// Real prose (the committed mailing-list sample) as the rest of the site, so "no meaningful
// overlap" is tested against the everyday vocabulary of real posts, not an empty corpus.
const site = toLabelledCorpus('sample', loadSample(), 'noisy').records;
const scoredSignals = new Set(['text', 'tags', 'category', 'recency']);

describe('an article that shares nothing meaningful with any other', () => {
  const loner = rec('sourdough', {
    title: 'Sourdough starter hydration',
    bodyText: 'Feed the levain with rye flour, keep the dough at seventy-five percent hydration and bake it in a dutch oven.',
    tags: ['baking'],
    category: 'news', // the same category as every other article: category alone relates nothing
    pubDate: day('2025-12-20'),
  });

  for (const newer of ['include', 'exclude'] as const) {
    it(`gets k fallback cards and no related ones (newer ${newer})`, () => {
      const picks = relatedFor(buildRelatedIndex([...site, loner], { now: NOW, newer }), 'sourdough');
      expect(picks).toHaveLength(3);
      for (const p of picks) {
        expect(p.score).toBe(0);
        expect(p.reasons).toHaveLength(1);
        expect(p.reasons[0]!.signal).toBe('fallback-category');
        expect(p.reasons[0]!.detail).toMatch(newer === 'include' ? /^fallback: no article shares meaningful text or tags with this one; same category "news", newest first$/ : /^fallback: no older article shares meaningful text or tags with this one; same category "news", newest older one first$/);
      }
    });
  }

  it('is never a related card on any other page', () => {
    const all = computeAllRelated([...site, loner], { now: NOW, newer: 'include' });
    for (const [id, picks] of Object.entries(all)) {
      if (id === 'sourdough') continue;
      for (const p of picks.filter((x) => x.id === 'sourdough')) expect(p.reasons.some((r) => scoredSignals.has(r.signal))).toBe(false);
    }
  });

  it('does get related cards once a second article shares its words (the check can fail)', () => {
    const twin = rec('rye-levain', { title: 'Rye levain and dough hydration', bodyText: 'A rye flour levain, high hydration dough and a dutch oven bake.', category: 'news', pubDate: day('2025-12-01') });
    const picks = relatedFor(buildRelatedIndex([...site, loner, twin], { now: NOW }), 'sourdough');
    expect(picks[0]!.id).toBe('rye-levain');
    expect(picks[0]!.reasons[0]!.signal).toBe('text');
  });
});

describe('signals re-rank but never lift an unrelated article', () => {
  const a = rec('a', { title: 'Spam filter training', bodyText: 'Bayesian spam filter training on a ham and spam corpus.', tags: ['mail'], category: 'ai', pubDate: day('2025-06-01') });
  // related through text, but old, other category, no shared tag
  const related = rec('related', { title: 'Training a Bayesian spam filter', bodyText: 'The spam corpus and ham corpus train the Bayesian filter.', category: 'policy', pubDate: day('2022-01-01') });
  // same day, same category, only the ubiquitous tag: every signal but text points at it
  const unrelated = rec('unrelated', { title: 'Quarterly results', bodyText: 'Revenue grew in the quarter.', tags: ['mail'], category: 'ai', pubDate: day('2025-06-01') });
  const filler = Array.from({ length: 8 }, (_, i) => rec(`f${i}`, { title: `Garden notes ${i}`, tags: ['mail'], category: 'ai', pubDate: day('2025-05-01') }));

  it('ranks the textually related article first and the other one only as a fallback', () => {
    const picks = relatedFor(buildRelatedIndex([a, related, unrelated, ...filler], { now: NOW, newer: 'include', weights: { category: 2, recency: 2 } }), 'a');
    expect(picks[0]!.id).toBe('related');
    const other = picks.find((p) => p.id === 'unrelated');
    if (other) expect(other.reasons[0]!.signal).toMatch(/^fallback-/);
  });
});
