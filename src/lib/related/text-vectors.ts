import { Vocabulary } from './tokenize.ts';
import { idf, packRows, postingCap } from './sparse.ts';
import type { RelatedOptions } from './options.ts';
import type { RelatedRecord, SparseRows } from './types.ts';

// Bigram keys pack two stem ids into one exact number (stem ids stay far below 2^26).
const PAIR = 2 ** 26;

export interface TextVectors {
  /** Per doc: its top weighted terms, L2-normalised against the full vector, cols sorted. */
  rows: SparseRows;
  /** Readable label per term id: a word ("routing") or a phrase ("kv cache"). */
  labels: string[];
  numTerms: number;
  /** 1 for terms whose document frequency exceeds the posting cap: scored, but never a candidate source. */
  capped: Uint8Array;
  cappedTerms: number;
}

type Fields = Array<{ boost: number; ids: number[]; phraseSource: boolean }>;

function encodeFields(vocab: Vocabulary, r: RelatedRecord, boosts: RelatedOptions['fieldBoosts']): Fields {
  // Each list item is its own field so bigrams never span two highlights or headings.
  const fields: Fields = [
    { boost: boosts.title, ids: vocab.encode(r.title), phraseSource: true },
    { boost: boosts.description, ids: vocab.encode(r.description), phraseSource: true },
  ];
  for (const h of r.highlights) fields.push({ boost: boosts.highlights, ids: vocab.encode(h), phraseSource: true });
  for (const h of r.headings) fields.push({ boost: boosts.headings, ids: vocab.encode(h), phraseSource: true });
  fields.push({ boost: boosts.body, ids: vocab.encode(r.bodyText), phraseSource: false });
  return fields;
}

/**
 * Weighted term vectors for `records` (already filtered to non-drafts, sorted by id).
 * Weight = ln(1 + boosted tf) * idf, normalised by the full vector's L2 norm, then
 * pruned to the top `maxTermsPerDoc` terms that occur in at least two docs (a term in
 * one doc can never match). Pruning bounds both memory and query cost per article.
 */
export function buildTextVectors(records: readonly RelatedRecord[], options: RelatedOptions): TextVectors {
  const vocab = new Vocabulary();
  const docs: Fields[] = records.map((r) => encodeFields(vocab, r, options.fieldBoosts));
  const numStems = vocab.stems.length;

  // Phrases: adjacent content-word pairs that recur in the titles, deks, highlights or
  // headings of at least two articles ("kv cache"). One-off pairs are chance adjacency and
  // only add noise; limiting discovery to short fields keeps the bigram vocabulary small.
  const phraseIds = new Map<number, number>();
  const phrasePairs: number[] = [];
  if (options.bigrams) {
    const seenIn = new Map<number, number>(); // pair -> number of docs (counting each doc once)
    const lastDoc = new Map<number, number>();
    docs.forEach((fields, d) => {
      for (const f of fields) {
        if (!f.phraseSource) continue;
        for (let i = 1; i < f.ids.length; i++) {
          if (f.ids[i - 1] === f.ids[i]) continue;
          const key = f.ids[i - 1]! * PAIR + f.ids[i]!;
          if (lastDoc.get(key) === d) continue;
          lastDoc.set(key, d);
          const seen = (seenIn.get(key) ?? 0) + 1;
          seenIn.set(key, seen);
          if (seen === 2) {
            phraseIds.set(key, numStems + phrasePairs.length);
            phrasePairs.push(key);
          }
        }
      }
    });
  }
  const numTerms = numStems + phrasePairs.length;

  // Pass 2: boosted term frequencies per doc, and document frequencies.
  const tf = new Float64Array(numTerms);
  const df = new Uint32Array(numTerms);
  const docTerms: Array<{ cols: Uint32Array; tf: Float32Array }> = [];
  const touched: number[] = [];
  const bump = (t: number, by: number) => {
    if (tf[t] === 0) touched.push(t);
    tf[t]! += by;
  };
  for (let d = 0; d < docs.length; d++) {
    for (const f of docs[d]!) {
      if (f.boost === 0) continue;
      for (let i = 0; i < f.ids.length; i++) {
        bump(f.ids[i]!, f.boost);
        if (i > 0 && phrasePairs.length > 0) {
          const p = phraseIds.get(f.ids[i - 1]! * PAIR + f.ids[i]!);
          if (p !== undefined) bump(p, f.boost);
        }
      }
    }
    touched.sort((a, b) => a - b);
    const cols = Uint32Array.from(touched);
    const freqs = new Float32Array(cols.length);
    for (let i = 0; i < cols.length; i++) {
      freqs[i] = tf[cols[i]!]!;
      tf[cols[i]!] = 0;
      df[cols[i]!]!++;
    }
    touched.length = 0;
    docTerms.push({ cols, tf: freqs });
    docs[d] = []; // token streams are no longer needed; let them go early
  }

  const n = records.length;
  const cap = postingCap(n, options.maxPostingFraction);
  const termIdf = new Float64Array(numTerms);
  const capped = new Uint8Array(numTerms);
  let cappedTerms = 0;
  for (let t = 0; t < numTerms; t++) {
    if (df[t]! > 0) termIdf[t] = idf(n, df[t]!);
    if (df[t]! > cap) {
      capped[t] = 1;
      cappedTerms++;
    }
  }

  const rows = docTerms.map(({ cols, tf: freqs }) => {
    const weights = new Float64Array(cols.length);
    let norm = 0;
    for (let i = 0; i < cols.length; i++) {
      const w = Math.log(1 + freqs[i]!) * termIdf[cols[i]!]!;
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    const keep: number[] = [];
    for (let i = 0; i < cols.length; i++) if (weights[i]! > 0 && df[cols[i]!]! >= 2) keep.push(i);
    // top-N by weight, ties by term id so pruning is deterministic
    keep.sort((a, b) => weights[b]! - weights[a]! || cols[a]! - cols[b]!);
    keep.length = Math.min(keep.length, options.maxTermsPerDoc);
    keep.sort((a, b) => cols[a]! - cols[b]!);
    return {
      cols: keep.map((i) => cols[i]!),
      values: keep.map((i) => weights[i]! / norm),
    };
  });

  const surface = vocab.surfaceForms();
  const labels = surface.slice();
  for (const key of phrasePairs) labels.push(`${surface[Math.floor(key / PAIR)]} ${surface[key % PAIR]}`);
  return { rows: packRows(rows), labels, numTerms, capped, cappedTerms };
}
