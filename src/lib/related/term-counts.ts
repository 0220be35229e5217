import { sortNonNegativeInts } from './int-sort.ts';
import type { RelatedOptions } from './options.ts';
import { Vocabulary } from './vocabulary.ts';
import type { RelatedRecord } from './types.ts';

// Bigram keys pack two stem ids into one exact number (stem ids stay far below 2^26).
export const PAIR = 2 ** 26;

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

// Each list item is its own field so bigrams never span two highlights or headings.
function fieldsOf(r: RelatedRecord, boosts: RelatedOptions['fieldBoosts']): Fields {
  return [
    { text: r.title, boost: boosts.title, phraseSource: true },
    { text: r.description, boost: boosts.description, phraseSource: true },
    ...r.highlights.map((text) => ({ text, boost: boosts.highlights, phraseSource: true })),
    ...r.headings.map((text) => ({ text, boost: boosts.headings, phraseSource: true })),
    { text: r.bodyText, boost: boosts.body, phraseSource: false },
  ];
}

/**
 * Accumulates one article's boosted term frequencies in a dense buffer (with a list of the
 * terms touched), then appends them as a sorted row; the buffer is reset for the next article.
 */
class RowCounter {
  private tf = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private scratch = new Int32Array(1024);
  private count = 0;
  private cols = new Int32Array(1 << 16);
  private tfs = new Float32Array(1 << 16);
  private size = 0;
  private readonly starts: number[] = [0];
  private readonly lengths: number[] = [];

  /** Term ids below `numTerms` may be added from now on. */
  reserve(numTerms: number): void {
    if (numTerms <= this.tf.length) return;
    const capacity = Math.max(numTerms, this.tf.length * 2);
    const tf = new Float64Array(capacity);
    tf.set(this.tf);
    this.tf = tf;
    const touched = new Int32Array(capacity);
    touched.set(this.touched.subarray(0, this.count));
    this.touched = touched;
    this.scratch = new Int32Array(capacity);
  }

  /** Adds `boost` for each of ids[0, n), and for each known phrase formed by adjacent ids. */
  add(ids: ArrayLike<number>, n: number, boost: number, phraseIds: Map<number, number> | null): void {
    const { tf, touched } = this;
    let count = this.count;
    for (let i = 0; i < n; i++) {
      const t = ids[i]!;
      if (tf[t] === 0) touched[count++] = t;
      tf[t]! += boost;
      if (phraseIds !== null && i > 0) {
        const p = phraseIds.get(ids[i - 1]! * PAIR + t);
        if (p !== undefined) {
          if (tf[p] === 0) touched[count++] = p;
          tf[p]! += boost;
        }
      }
    }
    this.count = count;
  }

  endRow(): void {
    const { tf, touched } = this;
    const n = this.count;
    sortNonNegativeInts(touched, n, this.scratch);
    if (this.size + n > this.cols.length) {
      const capacity = Math.max(this.size + n, this.cols.length * 2);
      const cols = new Int32Array(capacity);
      cols.set(this.cols.subarray(0, this.size));
      this.cols = cols;
      const tfs = new Float32Array(capacity);
      tfs.set(this.tfs.subarray(0, this.size));
      this.tfs = tfs;
    }
    let length = 0;
    for (let i = 0; i < n; i++) {
      const t = touched[i]!;
      const f = Math.fround(tf[t]!);
      this.cols[this.size + i] = t;
      this.tfs[this.size + i] = f;
      length += f;
      tf[t] = 0;
    }
    this.size += n;
    this.count = 0;
    this.starts.push(this.size);
    this.lengths.push(length);
  }

  finish(vocab: Vocabulary, phrases: number[]): TermCounts {
    const numTerms = vocab.stems.length + phrases.length;
    return {
      start: Int32Array.from(this.starts),
      cols: this.cols.slice(0, this.size),
      tf: this.tfs.slice(0, this.size),
      length: Float64Array.from(this.lengths),
      vocab,
      phrases,
      numTerms,
    };
  }
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
 * Boosted term frequencies for `records`, in record order. Stem ids are given in order of first
 * sight (title, description, highlights, headings, body, article after article), whether or
 * not a field's boost is 0, so the ids do not depend on the boosts. Without bigrams each field
 * is counted as it is tokenised; with them, token streams are kept until the phrases are known.
 */
export function countTerms(records: readonly RelatedRecord[], options: RelatedOptions): TermCounts {
  const vocab = new Vocabulary();
  const counter = new RowCounter();
  const tokens: number[] = [];
  if (!options.bigrams) {
    for (const r of records) {
      for (const field of fieldsOf(r, options.fieldBoosts)) {
        tokens.length = 0;
        vocab.encode(field.text, tokens);
        if (field.boost === 0) continue;
        counter.reserve(vocab.stems.length);
        counter.add(tokens, tokens.length, field.boost, null);
      }
      counter.endRow();
    }
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
