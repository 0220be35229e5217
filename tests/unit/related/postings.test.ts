import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, computeAllRelated, parseRelatedOptions } from '../../../src/lib/related/index.ts';
import { impactPostings, packRows } from '../../../src/lib/related/sparse.ts';
import { NOW, rec } from './helpers.ts';

describe('impactPostings (static pruning of posting lists)', () => {
  // 5 docs x 2 terms; term 0 is in every doc, term 1 in two
  const rows = packRows([
    { cols: [0], values: [0.2] },
    { cols: [0, 1], values: [0.9, 0.5] },
    { cols: [0], values: [0.4] },
    { cols: [0, 1], values: [0.4, 0.7] },
    { cols: [0], values: [0.9] },
  ]);
  const time = Float64Array.from([5, 1, 2, 3, 1]);
  const all = Uint8Array.from([1, 1, 1, 1, 1]);

  it('keeps the highest-weight entries of long lists, ties newer first then lower doc, in time order', () => {
    const { postings, truncatedLists } = impactPostings(rows, 2, all, time, 3);
    expect(truncatedLists).toBe(1);
    // term 0: weights 0.2 0.9 0.4 0.4 0.9 -> keep docs 1 and 4 (0.9, same time: lower doc first),
    // then of docs 2 and 3 (0.4) the newer one, doc 3; listed oldest first (docs 1 and 4 share
    // time 1: lower doc first), so a query can stop at the first article newer than its own
    expect(Array.from(postings.cols.subarray(postings.start[0]!, postings.start[1]!))).toEqual([1, 4, 3]);
    expect(Array.from(postings.values.subarray(postings.start[0]!, postings.start[1]!))).toEqual([0.9, 0.9, 0.4]);
    // term 1 is short: nothing dropped
    expect(Array.from(postings.cols.subarray(postings.start[1]!, postings.start[2]!))).toEqual([1, 3]);
  });

  it('never lists excluded (scheduled) docs', () => {
    const { postings } = impactPostings(rows, 2, Uint8Array.from([1, 0, 1, 1, 0]), time, 10);
    expect(Array.from(postings.cols)).toEqual([2, 3, 0, 3]); // term 0 by time (2, 3, 5), then term 1
  });
});

describe('maxPostingsPerTerm', () => {
  it('defaults to 128 and rejects values below 1', () => {
    expect(parseRelatedOptions({}).maxPostingsPerTerm).toBe(128);
    expect(() => parseRelatedOptions({ maxPostingsPerTerm: 0 })).toThrow(/maxPostingsPerTerm: expected a whole number from 1 to 100000/);
  });

  // 300 articles share one topic word ("glacier"); pairs also share a rare word. Under the old
  // document-frequency cap (floor 200) "glacier" generated no candidates at all.
  const corpus = Array.from({ length: 300 }, (_, i) =>
    rec(`a${String(i).padStart(3, '0')}`, {
      title: i < 250 ? 'Glacier survey' : 'Harbour survey',
      bodyText: `${i < 250 ? 'glacier ice melt' : 'harbour cranes'} pair${Math.floor(i / 2)}x marker`,
      pubDate: new Date(Date.UTC(2025, 0, 1 + (i % 90))),
    }),
  );

  it('bounds every posting list and still finds the shared topic word', () => {
    const index = buildRelatedIndex(corpus, { now: NOW, maxPostingsPerTerm: 16, newer: 'include' });
    const { start } = index.textPostings;
    for (let t = 0; t < index.numTerms; t++) expect(start[t + 1]! - start[t]!).toBeLessThanOrEqual(16);
    expect(index.stats.truncatedTerms).toBeGreaterThan(0);
    const all = computeAllRelated(corpus, { now: NOW, maxPostingsPerTerm: 16, newer: 'include' });
    for (const [id, picks] of Object.entries(all)) {
      expect(picks.map((p) => p.reasons[0]!.signal)).not.toContain('fallback-recent');
      // the pair partner (rare shared word) is always found first
      const i = Number(id.slice(1));
      expect(picks[0]!.id).toBe(`a${String(i ^ 1).padStart(3, '0')}`);
    }
  });

  it('is byte-identical across input orders when lists are truncated', () => {
    const a = JSON.stringify(computeAllRelated(corpus, { now: NOW, maxPostingsPerTerm: 8 }));
    const b = JSON.stringify(computeAllRelated([...corpus].reverse(), { now: NOW, maxPostingsPerTerm: 8 }));
    expect(b).toBe(a);
  });
});
