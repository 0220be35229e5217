import { describe, expect, it } from 'vitest';
import { parseRelatedOptions } from '../../../src/lib/related/index.ts';
import { RowCounter } from '../../../src/lib/related/row-counter.ts';
import { countRecord } from '../../../src/lib/related/term-counts.ts';
import { countPacked, packTexts } from '../../../src/lib/related/text-pack.ts';
import { Vocabulary } from '../../../src/lib/related/vocabulary.ts';
import { loadSample } from '../../../scripts/related-quality/sample.ts';
import { toLabelledCorpus } from '../../../scripts/related-quality/labelled.ts';
import { rec } from './helpers.ts';

// Real prose, plus the awkward cases: non-ASCII fields between ASCII ones (their bytes must not
// shift the next field), a lone surrogate, empty fields and lists, upper case, a field at the very end.
const records = [
  ...toLabelledCorpus('sample', loadSample(), 'noisy').records.slice(0, 40),
  rec('unicode', { title: 'Café Zürich', description: 'Plain ASCII after it', highlights: ['Straßenbahn naïve', 'GPU Kernels'], headings: ['日本語 text'], bodyText: 'Über alles' }),
  rec('surrogate', { title: 'broken \ud800 pair', bodyText: 'Tail TEXT with CAPITALS' }),
  rec('empty'),
  rec('last', { bodyText: 'ends the buffer exactly' }),
];

/** Rows and word counts of one pass with `count` over every record. */
function countAll(count: (d: number, vocab: Vocabulary, counter: RowCounter, tokens: number[], sight: (t: number[]) => void) => void) {
  const vocab = new Vocabulary();
  const counter = new RowCounter();
  const seen: number[][] = [];
  const tokens: number[] = [];
  records.forEach((_r, d) => count(d, vocab, counter, tokens, (t) => seen.push([...t])));
  return { rows: counter.takeRows(), stems: vocab.stems, words: vocab.exportWords(), seen };
}

describe('texts packed for a counting worker', () => {
  it.each([
    ['default boosts', {}],
    ['a zero boost (tokens still seen, not counted)', { fieldBoosts: { description: 0, headings: 0 } }],
  ])('give the same tokens, rows and word counts as the strings: %s', (_name, input) => {
    const { fieldBoosts } = parseRelatedOptions(input);
    const packed = packTexts(records);
    expect(packed.unicode.size).toBeGreaterThanOrEqual(4); // the non-ASCII fields (4 here, some in the sample) travel as strings
    const fromStrings = countAll((d, vocab, counter, tokens, sight) => countRecord(records[d]!, fieldBoosts, vocab, counter, tokens, sight));
    const fromPacked = countAll((d, vocab, counter, tokens, sight) => countPacked(packed, d, fieldBoosts, vocab, counter, tokens, sight));
    expect(fromPacked).toEqual(fromStrings);
    expect(fromPacked.seen.flat().length).toBeGreaterThan(1000);
  });
});
