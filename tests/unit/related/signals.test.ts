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

  it('can suggest a newer article for an older one (recency is symmetric)', () => {
    const records = [
      rec('old', { title: 'Speculative decoding speeds up inference', pubDate: day('2024-01-01') }),
      rec('newer', { title: 'Speculative decoding, one year on', pubDate: day('2025-01-01') }),
      rec('unrelated', { title: 'Phone cameras compared', pubDate: day('2023-06-01') }),
    ];
    const picks = relatedFor(buildRelatedIndex(records, { now: NOW }), 'old');
    expect(picks[0]!.id).toBe('newer');
    expect(picks[0]!.reasons.map((r) => r.signal)).toContain('recency');
  });

  it('adds a small same-category bonus', () => {
    const records = [
      rec('q', { title: 'Kubernetes autoscaling', category: 'cloud' }),
      rec('same-cat', { title: 'Kubernetes autoscaling', category: 'cloud' }),
      rec('other-cat', { title: 'Kubernetes autoscaling', category: 'devices' }),
    ];
    const picks = relatedFor(buildRelatedIndex(records, { now: NOW, diversityLambda: 1 }), 'q');
    expect(picks.map((p) => p.id)).toEqual(['same-cat', 'other-cat']);
    expect(picks[0]!.reasons.find((r) => r.signal === 'category')).toEqual({ signal: 'category', value: 0.03, detail: 'same category "cloud"' });
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
