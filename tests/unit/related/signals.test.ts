import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, computeAllRelated, relatedFor } from '../../../src/lib/related/index.ts';
import { NOW, day, rec } from './helpers.ts';

describe('related signals', () => {
  it('ranks a candidate sharing a rare tag above one sharing a ubiquitous tag', () => {
    // "ai" is on every article, "moe" only on the query and one candidate; texts are unrelated.
    const records = [
      rec('query', { title: 'Quarterly earnings call', tags: ['ai', 'moe'] }),
      rec('rare-tag', { title: 'Garden furniture review', tags: ['moe'] }),
      rec('common-tag', { title: 'Holiday travel tips', tags: ['ai'] }),
      ...Array.from({ length: 6 }, (_, i) => rec(`filler-${i}`, { title: `Filler story ${i}`, tags: ['ai'] })),
    ];
    const picks = relatedFor(buildRelatedIndex(records, { now: NOW }), 'query');
    const ids = picks.map((p) => p.id);
    expect(ids[0]).toBe('rare-tag');
    const rare = picks[0]!.reasons.find((r) => r.signal === 'tags' && r.detail.includes('"moe"'))!;
    const common = picks.find((p) => p.id === 'common-tag')?.reasons.find((r) => r.signal === 'tags');
    expect(rare.value).toBeGreaterThan(common?.value ?? 0);
  });

  it('finds the topical neighbour of an untagged article through text alone', () => {
    const records = [
      rec('moe-a', { title: 'Mixture of experts routing', bodyText: 'Expert routing decides which experts process each token; load balancing keeps experts busy.' }),
      rec('moe-b', { title: 'Why expert routing matters', bodyText: 'Routing tokens to experts, with load balancing, is the heart of sparse mixture of experts models.' }),
      rec('phones', { title: 'Battery life of new phones', bodyText: 'The phone battery and camera improved; charging is faster.' }),
      rec('cloud', { title: 'Cloud region outage', bodyText: 'A region outage took down containers and load balancers for hours.' }),
    ];
    const [first] = relatedFor(buildRelatedIndex(records, { now: NOW }), 'moe-a');
    expect(first!.id).toBe('moe-b');
    const text = first!.reasons.find((r) => r.signal === 'text')!;
    expect(text.detail).toMatch(/^text similarity \d\.\d\d on ".*expert.*"$/);
  });

  describe('recency uses the distance in time in both directions', () => {
    // Two candidates identical in text, tags and category: only recency can separate them.
    // Each case is the mirror of the other, so a recency computed one way only (older or newer
    // candidates ignored, or recency ignored altogether: ties go to the newer one) fails one of them.
    const at = (offsetDays: number) => new Date(day('2024-06-01').getTime() + offsetDays * 86_400_000);
    const same = { title: 'Speculative decoding speeds up inference', bodyText: 'Draft tokens are verified by the target model.', tags: ['inference'], category: 'ai' };
    const pick = (offsets: Record<string, number>) => {
      const records = [
        rec('article', { ...same, pubDate: at(0) }),
        ...Object.entries(offsets).map(([id, d]) => rec(id, { ...same, pubDate: at(d) })),
        rec('unrelated', { title: 'Phone cameras compared', bodyText: 'Sensors and lenses.', tags: ['phones'], category: 'devices', pubDate: at(1) }),
      ];
      return relatedFor(buildRelatedIndex(records, { now: NOW, newer: 'include' }), 'article');
    };
    const value = (picks: ReturnType<typeof pick>, id: string, signal: string) =>
      picks.find((p) => p.id === id)!.reasons.find((r) => r.signal === signal)?.value ?? 0;

    it('suggests an article 10 days newer before one 400 days older', () => {
      const picks = pick({ 'newer-10d': 10, 'older-400d': -400 });
      expect(picks.map((p) => p.id).slice(0, 2)).toEqual(['newer-10d', 'older-400d']);
      expect(value(picks, 'newer-10d', 'text')).toBe(value(picks, 'older-400d', 'text'));
      expect(value(picks, 'newer-10d', 'recency')).toBeGreaterThan(value(picks, 'older-400d', 'recency'));
    });

    it('suggests an article 10 days older before one 400 days newer', () => {
      const picks = pick({ 'older-10d': -10, 'newer-400d': 400 });
      expect(picks.map((p) => p.id).slice(0, 2)).toEqual(['older-10d', 'newer-400d']);
      expect(value(picks, 'older-10d', 'text')).toBe(value(picks, 'newer-400d', 'text'));
      expect(value(picks, 'older-10d', 'recency')).toBeGreaterThan(value(picks, 'newer-400d', 'recency'));
    });

    it('gives the same recency to the same distance either way', () => {
      const picks = pick({ 'newer-90d': 90, 'older-90d': -90 });
      expect(value(picks, 'newer-90d', 'recency')).toBeGreaterThan(0);
      expect(value(picks, 'newer-90d', 'recency')).toBe(value(picks, 'older-90d', 'recency'));
    });
  });

  it('multiplies the relevance of a same-category candidate by 1 + weights.category', () => {
    const records = [
      rec('q', { title: 'Kubernetes autoscaling', category: 'cloud' }),
      rec('same-cat', { title: 'Kubernetes autoscaling', category: 'cloud' }),
      rec('other-cat', { title: 'Kubernetes autoscaling', category: 'devices' }),
    ];
    const picks = relatedFor(buildRelatedIndex(records, { now: NOW, diversityLambda: 1 }), 'q');
    expect(picks.map((p) => p.id)).toEqual(['same-cat', 'other-cat']);
    // identical text: relevance = weights.text x 1 = 1, so the category share is 1 x 0.1
    expect(picks[0]!.reasons.find((r) => r.signal === 'category')).toEqual({ signal: 'category', value: 0.1, detail: 'same category "cloud" (relevance x 1.10)' });
    expect(picks[0]!.score).toBe(1.2); // 1 x (1 + 0.1 category + 0.1 recency, same day)
    expect(picks[1]!.score).toBe(1.1);
  });

  it('rounds scores and reason values to 4 decimals', () => {
    const records = [rec('a', { title: 'Edge network latency' }), rec('b', { title: 'Latency at the edge network' })];
    for (const picks of Object.values(computeAllRelated(records, { now: NOW }))) {
      for (const p of picks) {
        expect(Math.round(p.score * 1e4) / 1e4).toBe(p.score);
        for (const r of p.reasons) expect(Math.round(r.value * 1e4) / 1e4).toBe(r.value);
      }
    }
  });
});
