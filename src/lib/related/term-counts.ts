import type { RelatedOptions } from './options.ts';
import { PAIR, RowCounter } from './row-counter.ts';
import { Vocabulary } from './vocabulary.ts';
import type { RelatedRecord } from './types.ts';

export { PAIR };

/** Boosted term frequencies of every article: row d holds (term id ascending, tf) pairs. */
export interface TermCounts {
  start: Int32Array;
  cols: Int32Array;
  /** Sums of field boosts, stored as float32 (exact for the usual boosts). */
  tf: Float32Array;
  /** Per article: the sum of its row's tf (BM25's document length). */
  length: Float64Array;
  vocab: Vocabulary;
  /** Bigram keys (first stem id x PAIR + second); phrase i has term id numStems + i. */
  phrases: number[];
  numTerms: number;
}

type Fields = Array<{ text: string; boost: number; phraseSource: boolean }>;
/** The parts of a record that are tokenised (what a counting worker receives). */
export type TextFields = Pick<RelatedRecord, 'title' | 'description' | 'highlights' | 'headings' | 'bodyText'>;

// Each list item is its own field so bigrams never span two highlights or headings.
function fieldsOf(r: TextFields, boosts: RelatedOptions['fieldBoosts']): Fields {
  return [
    { text: r.title, boost: boosts.title, phraseSource: true },
    { text: r.description, boost: boosts.description, phraseSource: true },
    ...r.highlights.map((text) => ({ text, boost: boosts.highlights, phraseSource: true })),
    ...r.headings.map((text) => ({ text, boost: boosts.headings, phraseSource: true })),
    { text: r.bodyText, boost: boosts.body, phraseSource: false },
  ];
}

/** Adjacent content-word pairs found in the short fields of at least two articles. */
function discoverPhrases(docs: ReadonlyArray<Array<{ ids: Int32Array; phraseSource: boolean }>>, firstId: number): { ids: Map<number, number>; pairs: number[] } {
  const ids = new Map<number, number>();
  const pairs: number[] = [];
  const docsSeen = new Map<number, number>();
  const lastDoc = new Map<number, number>();
  docs.forEach((fields, d) => {
    for (const f of fields) {
      if (!f.phraseSource) continue;
      for (let i = 1; i < f.ids.length; i++) {
        if (f.ids[i - 1] === f.ids[i]) continue;
        const key = f.ids[i - 1]! * PAIR + f.ids[i]!;
        if (lastDoc.get(key) === d) continue;
        lastDoc.set(key, d);
        const seen = (docsSeen.get(key) ?? 0) + 1;
        docsSeen.set(key, seen);
        if (seen === 2) {
          ids.set(key, firstId + pairs.length);
          pairs.push(key);
        }
      }
    }
  });
  return { ids, pairs };
}

/**
 * One article's row, without bigrams: each field counted as it is tokenised. `tokens` is scratch;
 * `sight`, when given, sees every field's tokens (zero-boost fields too), in reading order.
 */
export function countRecord(r: TextFields, boosts: RelatedOptions['fieldBoosts'], vocab: Vocabulary, counter: RowCounter, tokens: number[], sight?: (tokens: number[]) => void): void {
  for (const field of fieldsOf(r, boosts)) {
    tokens.length = 0;
    vocab.encode(field.text, tokens);
    addField(tokens, field.boost, vocab, counter, sight);
  }
  // A counting worker's ids are local: its rows are sorted after their ids are mapped (parallel-count.ts).
  counter.endRow(sight === undefined);
}

/** One field's tokens counted into the current row (and shown to `sight`, zero boost or not). */
export function addField(tokens: number[], boost: number, vocab: Vocabulary, counter: RowCounter, sight?: (tokens: number[]) => void): void {
  sight?.(tokens);
  if (boost === 0) return;
  counter.reserve(vocab.stems.length);
  counter.add(tokens, tokens.length, boost, null);
}

/**
 * Boosted term frequencies for `records`, in record order. Stem ids are given in order of first
 * sight (title, description, highlights, headings, body, article after article), whether or
 * not a field's boost is 0, so the ids do not depend on the boosts. Without bigrams each field
 * is counted as it is tokenised; with them, token streams are kept until the phrases are known.
 */
export function countTerms(records: readonly TextFields[], options: RelatedOptions): TermCounts {
  const vocab = new Vocabulary();
  const counter = new RowCounter();
  const tokens: number[] = [];
  if (!options.bigrams) {
    for (const r of records) countRecord(r, options.fieldBoosts, vocab, counter, tokens);
    return counter.finish(vocab, []);
  }
  const docs = records.map((r) =>
    fieldsOf(r, options.fieldBoosts).map(({ text, boost, phraseSource }) => {
      tokens.length = 0;
      return { ids: new Int32Array(vocab.encode(text, tokens)), boost, phraseSource };
    }),
  );
  const phrases = discoverPhrases(docs, vocab.stems.length);
  counter.reserve(vocab.stems.length + phrases.pairs.length);
  const phraseIds = phrases.pairs.length > 0 ? phrases.ids : null;
  for (let d = 0; d < docs.length; d++) {
    for (const f of docs[d]!) if (f.boost !== 0) counter.add(f.ids, f.ids.length, f.boost, phraseIds);
    counter.endRow();
    docs[d] = []; // release token streams early
  }
  return counter.finish(vocab, phrases.pairs);
}
