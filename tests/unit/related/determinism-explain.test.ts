import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, computeAllRelated, explainRelated } from '../../../src/lib/related/index.ts';
import { NOW, day, rec } from './helpers.ts';

const corpus = [
  rec('moe-routing', {
    title: 'Mixture of experts routing at scale',
    description: 'How expert routing and load balancing work',
    headings: ['Expert routing', 'KV cache pressure'],
    bodyText: 'Mixture of experts models route each token to a few experts. The router learns load balancing.',
    tags: ['moe', 'ai'],
    category: 'research',
    pubDate: day('2025-01-01'),
  }),
  rec('moe-serving', {
    title: 'Serving sparse experts',
    description: 'Expert routing meets the KV cache',
    bodyText: 'Serving mixture of experts needs expert routing and a large KV cache per token.',
    tags: ['moe', 'inference', 'ai'],
    category: 'research',
    pubDate: day('2025-03-01'),
  }),
  rec('kv-cache', { title: 'KV cache paging', bodyText: 'Paged attention stores the KV cache in blocks.', tags: ['inference', 'ai'], category: 'research', pubDate: day('2025-02-01') }),
  rec('phones', { title: 'Phone battery review', bodyText: 'Battery and camera.', tags: ['phones', 'ai'], category: 'devices', pubDate: day('2025-02-15') }),
  rec('cloud', { title: 'Region outage', bodyText: 'Containers went down.', tags: ['cloud'], category: 'cloud', pubDate: day('2025-02-15') }),
  rec('tie-b', { title: 'Quantum networking', category: 'devices', pubDate: day('2024-05-01') }),
  rec('tie-a', { title: 'Quantum networking', category: 'devices', pubDate: day('2024-05-01') }),
];

/** Deterministic Fisher-Yates with a tiny LCG, so the "shuffled" order is itself reproducible. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('determinism', () => {
  it('gives byte-identical JSON for repeated runs and any input order', () => {
    const reference = JSON.stringify(computeAllRelated(corpus, { now: NOW }));
    expect(JSON.stringify(computeAllRelated(corpus, { now: NOW }))).toBe(reference);
    for (const seed of [1, 2, 3, 42]) {
      expect(JSON.stringify(computeAllRelated(shuffled(corpus, seed), { now: NOW }))).toBe(reference);
    }
    expect(Object.keys(JSON.parse(reference))).toEqual([...corpus.map((r) => r.id)].sort());
  });

  it('breaks exact score ties by newer pubDate, then id ascending', () => {
    const records = [
      rec('q', { title: 'Quantum networking' }),
      rec('b-old', { title: 'Quantum networking', pubDate: day('2024-01-01') }),
      rec('c-new', { title: 'Quantum networking', pubDate: day('2025-06-01') }),
      rec('a-new', { title: 'Quantum networking', pubDate: day('2025-06-01') }),
    ];
    // recency off so the three candidates tie exactly on score; diversity off (they are duplicates)
    const options = { now: NOW, diversityLambda: 1, weights: { recency: 0 } };
    const picks = computeAllRelated(records, options)['q']!;
    expect(picks.map((p) => p.id)).toEqual(['a-new', 'c-new', 'b-old']);
    expect(new Set(picks.map((p) => p.score)).size).toBe(1);
  });
});

describe('explainRelated', () => {
  it('lists the top terms and every pick with its score and reasons', () => {
    const index = buildRelatedIndex(corpus, { now: NOW, newer: 'include' });
    const lines = explainRelated(index, 'moe-routing').split('\n');
    expect(lines[0]).toBe('related for "moe-routing" (k=3)');
    expect(lines[1]).toMatch(/^top terms: (experts|routing|expert) \d\.\d{4}, /);
    const pickLines = lines.filter((l) => /^\d+\. /.test(l));
    expect(pickLines.map((l) => l.replace(/  score \d\.\d{4}$/, ''))).toEqual(['1. moe-serving', '2. kv-cache', '3. cloud']);
    expect(pickLines[0]).toMatch(/^1\. moe-serving  score 0\.\d{4}$/);
    const reasonsOfFirst = lines.slice(lines.indexOf(pickLines[0]!) + 1, lines.indexOf(pickLines[1]!));
    expect(reasonsOfFirst.map((l) => l.trim().split(' ')[1])).toEqual(['text', 'tags', 'tags', 'category', 'recency']);
    expect(reasonsOfFirst[1]).toMatch(/^ {3}- tags \+0\.\d{4} {2}shared tag "moe" \(rarity-weighted\)$/);
    expect(reasonsOfFirst[0]).toMatch(/text similarity 0\.\d\d on "[a-z ,]+"$/);
    expect(reasonsOfFirst[3]).toMatch(/^ {3}- category \+0\.\d{4} {2}same category "research" \(relevance x 1\.10\)$/);
    // phones shares only the ubiquitous tag "ai": not related, so the third card is a labelled fallback
    expect(lines.at(-1)).toBe('   - fallback-recent +0.0000  fallback: fewer than 3 articles share meaningful text or tags with this one; published article, newest first');
  });

  it('says when an article shares no meaningful text or tags with any other', () => {
    for (const newer of ['include', 'exclude'] as const) {
      const lines = explainRelated(buildRelatedIndex(corpus, { now: NOW, newer }), 'cloud').split('\n');
      const reasons = lines.filter((l) => l.startsWith('   - '));
      expect(reasons).toHaveLength(3);
      for (const r of reasons) expect(r).toMatch(/^ {3}- fallback-recent \+0\.0000 {2}fallback: no (older )?article shares meaningful text or tags with this one; /);
    }
  });

  it('says so for drafts', () => {
    const index = buildRelatedIndex([...corpus, rec('wip', { draft: true })], { now: NOW });
    expect(explainRelated(index, 'wip')).toBe('related for "wip" (k=3)\n  draft: no related articles');
  });
});
