import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, computeAllRelated, relatedFor } from '../../../src/lib/related/index.ts';
import { NOW, day, rec } from './helpers.ts';

const topical = [
  rec('gpu-1', { title: 'Nvidia GPU memory bandwidth', category: 'hardware', pubDate: day('2025-01-01') }),
  rec('gpu-2', { title: 'HBM memory bandwidth on the new GPU', category: 'hardware', pubDate: day('2025-02-01') }),
  rec('gpu-3', { title: 'GPU tensor cores and bandwidth', category: 'hardware', pubDate: day('2025-03-01') }),
  rec('phone-1', { title: 'Foldable handset battery', category: 'devices', pubDate: day('2025-04-01') }),
  rec('phone-2', { title: 'Phone camera shootout', category: 'devices', pubDate: day('2025-05-01') }),
  rec('policy-1', { title: 'Senate copyright hearing', category: 'policy', pubDate: day('2025-06-01') }),
];

describe('related selection', () => {
  it('puts pins first in their order, skipping self, unknown, draft and scheduled slugs', () => {
    const records = [
      ...topical.filter((r) => r.id !== 'gpu-1'),
      rec('gpu-1', { ...topical[0]!, pinned: ['policy-1', 'gpu-1', 'missing', 'secret', 'future', 'phone-2', 'phone-1'] }),
      rec('secret', { title: 'GPU bandwidth leak', draft: true }),
      rec('future', { title: 'GPU bandwidth next year', pubDate: day('2027-01-01') }),
    ];
    const picks = relatedFor(buildRelatedIndex(records, { now: NOW }), 'gpu-1');
    expect(picks.map((p) => p.id)).toEqual(['policy-1', 'phone-2', 'phone-1']);
    expect(picks[0]!.reasons).toEqual([{ signal: 'pinned', value: 1, detail: 'pinned in frontmatter "related"' }]);
  });

  it('with newer include, fills up to k from the same category (newest first), then the newest overall', () => {
    // phone-1 shares no words or tags with anything: it gets only fallbacks.
    const picks = relatedFor(buildRelatedIndex(topical, { now: NOW, k: 3, newer: 'include' }), 'phone-1');
    expect(picks.map((p) => [p.id, p.reasons[0]!.signal])).toEqual([
      ['phone-2', 'fallback-category'],
      ['policy-1', 'fallback-recent'],
      ['gpu-3', 'fallback-recent'],
    ]);
    expect(picks.every((p) => p.score === 0)).toBe(true);
  });

  it('with newer exclude (default), falls back to older articles first, then the nearest newer ones', () => {
    const index = buildRelatedIndex(topical, { now: NOW, k: 3 });
    // phone-1 (April): its category peer phone-2 is newer, so the older gpu articles come first
    expect(relatedFor(index, 'phone-1').map((p) => [p.id, p.reasons[0]!.signal])).toEqual([
      ['gpu-3', 'fallback-recent'],
      ['gpu-2', 'fallback-recent'],
      ['gpu-1', 'fallback-recent'],
    ]);
    // gpu-1 is the oldest: nothing older exists, so the nearest newer ones fill in, oldest first
    const oldest = relatedFor(buildRelatedIndex(topical.filter((r) => r.id !== 'gpu-2' && r.id !== 'gpu-3'), { now: NOW }), 'gpu-1');
    expect(oldest.map((p) => p.id)).toEqual(['phone-1', 'phone-2', 'policy-1']);
    expect(oldest[0]!.reasons[0]!.detail).toBe('fallback: no older article shares meaningful text or tags with this one; published article, nearest newer one (no older one left)');
  });

  it('gives every published article k cards, never itself, a draft or a scheduled article', () => {
    const records = [
      ...topical,
      rec('draft', { title: 'GPU memory bandwidth draft', draft: true, category: 'hardware' }),
      rec('scheduled', { title: 'GPU memory bandwidth preview', category: 'hardware', pubDate: day('2026-06-01') }),
    ];
    const all = computeAllRelated(records, { now: NOW, k: 4 });
    expect(Object.keys(all)).toEqual(['gpu-1', 'gpu-2', 'gpu-3', 'phone-1', 'phone-2', 'policy-1', 'scheduled']);
    for (const [id, picks] of Object.entries(all)) {
      expect(picks).toHaveLength(4);
      const ids = picks.map((p) => p.id);
      expect(ids).not.toContain(id);
      expect(ids).not.toContain('draft');
      expect(ids).not.toContain('scheduled');
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(relatedFor(buildRelatedIndex(records, { now: NOW }), 'draft')).toEqual([]);
  });

  it('treats the same record as scheduled or published depending on `now`', () => {
    const records = [rec('a', { title: 'Rust in the Linux kernel' }), rec('b', { title: 'Rust Linux kernel drivers', pubDate: day('2025-12-01') })];
    expect(relatedFor(buildRelatedIndex(records, { now: day('2025-11-01') }), 'a')).toEqual([]);
    expect(relatedFor(buildRelatedIndex(records, { now: day('2025-12-02') }), 'a').map((p) => p.id)).toEqual(['b']);
  });

  it('MMR: keeps only one of two near-duplicates when a distinct good match exists', () => {
    const body = 'Speculative decoding uses a draft model to propose tokens that the target model verifies in one pass.';
    const records = [
      rec('query', { title: 'Speculative decoding explained', bodyText: `${body} Latency drops and throughput rises.` }),
      rec('dup-a', { title: 'Speculative decoding explained again', bodyText: body }),
      rec('dup-b', { title: 'Speculative decoding explained again', bodyText: `${body} ` }),
      rec('distinct', { title: 'Batching for inference latency and throughput', bodyText: 'Continuous batching raises throughput; latency depends on the decoding step and the draft of the schedule.' }),
      rec('other', { title: 'Phone camera review' }),
    ];
    const k2 = { now: NOW, k: 2 };
    const withoutMmr = relatedFor(buildRelatedIndex(records, { ...k2, diversityLambda: 1 }), 'query').map((p) => p.id);
    expect(withoutMmr).toEqual(['dup-a', 'dup-b']); // the trap is real: relevance alone picks both
    const withMmr = relatedFor(buildRelatedIndex(records, k2), 'query').map((p) => p.id);
    expect(withMmr).toEqual(['dup-a', 'distinct']);
  });

  it('throws on unknown ids and duplicate ids', () => {
    const index = buildRelatedIndex(topical, { now: NOW });
    expect(() => relatedFor(index, 'nope')).toThrow(/unknown article id "nope"/);
    expect(() => buildRelatedIndex([...topical, rec('gpu-1')], { now: NOW })).toThrow(/duplicate article id "gpu-1"/);
  });
});
