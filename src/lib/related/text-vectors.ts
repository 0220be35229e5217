import { Vocabulary } from './tokenize.ts';
import { idf, packRows } from './sparse.ts';
import type { RelatedOptions } from './options.ts';
import type { RelatedRecord, SparseRows } from './types.ts';

// Bigram keys pack two stem ids into one exact number (stem ids stay far below 2^26).
const PAIR = 2 ** 26;

export interface TextVectors {
  /** Per doc: its top weighted terms, L2-normalised against the full vector, cols sorted. */
  rows: SparseRows;
  /** Per doc: the heaviest few of those (same values), the terms that generate candidates. */
  candidateRows: SparseRows;
  /** Readable label per term id: a word ("routing") or a phrase ("kv cache"). */
  labels: string[];
  numTerms: number;
}

interface Field {
  boost: number;
  ids: Int32Array;
  phraseSource: boolean;
}

function encodeFields(vocab: Vocabulary, r: RelatedRecord, boosts: RelatedOptions['fieldBoosts']): Field[] {
  const buffer: number[] = [];
  const field = (text: string, boost: number, phraseSource: boolean): Field => {
    buffer.length = 0;
    return { boost, ids: Int32Array.from(vocab.encode(text, buffer)), phraseSource };
  };
  // Each list item is its own field so bigrams never span two highlights or headings.
  return [
    field(r.title, boosts.title, true),
    field(r.description, boosts.description, true),
    ...r.highlights.map((h) => field(h, boosts.highlights, true)),
    ...r.headings.map((h) => field(h, boosts.headings, true)),
    field(r.bodyText, boosts.body, false),
  ];
}

/** Adjacent content-word pairs found in the short fields of at least two articles. */
function discoverPhrases(docs: readonly Field[][], firstId: number): { ids: Map<number, number>; pairs: number[] } {
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

const sortBuffer = { data: new Float64Array(1024) };

/** Value of rank `kth` (ascending) of `a`, reordering `a` in place (quickselect; O(n) on average, unlike a sort). */
function nthValue(a: Float64Array, kth: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return a[kth]!;
  }
  return a[kth]!;
}

/**
 * Keep the `limit` heaviest entries of a row (weight 0 = unusable; ties: lower term id),
 * normalised by `norm`, in term-id order.
 */
function pruneRow(cols: Uint32Array, weights: Float64Array, limit: number, norm: number) {
  let usable = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) usable++;
  let threshold = 0;
  let tiesLeft = Infinity;
  if (usable > limit) {
    if (sortBuffer.data.length < usable) sortBuffer.data = new Float64Array(usable * 2);
    const buf = sortBuffer.data.subarray(0, usable);
    let j = 0;
    for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) buf[j++] = weights[i]!;
    threshold = nthValue(buf, usable - limit);
    let above = 0;
    for (let i = 0; i < usable; i++) if (buf[i]! > threshold) above++;
    tiesLeft = limit - above; // entries equal to the threshold, taken in term-id order
  }
  const outCols: number[] = [];
  const outValues: number[] = [];
  for (let i = 0; i < cols.length; i++) {
    const w = weights[i]!;
    if (w <= 0 || w < threshold || (w === threshold && tiesLeft-- <= 0)) continue;
    outCols.push(cols[i]!);
    outValues.push(w / norm);
  }
  return { cols: outCols, values: outValues };
}

/**
 * Weighted term vectors for `records` (already filtered to non-drafts, sorted by id).
 * Weight = idf^idfExponent * saturated boosted tf: ln(1 + tf) ('log', default) or BM25's
 * tf (k1 + 1) / (tf + k1 (1 - b + b len / avgLen)) ('bm25'), so the 40th "company" counts
 * little; normalised by the full vector's L2 norm, then
 * pruned to the top `maxTermsPerDoc` terms that occur in at least two docs (a term in
 * one doc can never match). Pruning bounds both memory and query cost per article.
 */
export function buildTextVectors(records: readonly RelatedRecord[], options: RelatedOptions): TextVectors {
  const vocab = new Vocabulary();
  let tf = new Float64Array(1024);
  const touched: number[] = [];
  const docTerms: Array<{ cols: Uint32Array; tf: Float32Array; length: number }> = [];
  const bump = (t: number, by: number) => {
    if (t >= tf.length) {
      const grown = new Float64Array(Math.max(tf.length * 2, t + 1));
      grown.set(tf);
      tf = grown;
    }
    if (tf[t] === 0) touched.push(t);
    tf[t]! += by;
  };
  let phrases = { ids: new Map<number, number>(), pairs: [] as number[] };
  // Boosted term frequencies of one doc as a sparse row (the dense tf buffer is reset after).
  const accumulate = (fields: Field[]) => {
    for (const f of fields) {
      if (f.boost === 0) continue;
      const ids = f.ids;
      for (let i = 0; i < ids.length; i++) {
        bump(ids[i]!, f.boost);
        if (i > 0 && phrases.pairs.length > 0) {
          const p = phrases.ids.get(ids[i - 1]! * PAIR + ids[i]!);
          if (p !== undefined) bump(p, f.boost);
        }
      }
    }
    const cols = Uint32Array.from(touched).sort();
    const freqs = new Float32Array(cols.length);
    let length = 0;
    for (let i = 0; i < cols.length; i++) {
      freqs[i] = tf[cols[i]!]!;
      length += freqs[i]!;
      tf[cols[i]!] = 0;
    }
    touched.length = 0;
    docTerms.push({ cols, tf: freqs, length });
  };

  if (options.bigrams) {
    // Phrases must be known before any body is counted, so token streams are kept for a second pass.
    const docs = records.map((r) => encodeFields(vocab, r, options.fieldBoosts));
    phrases = discoverPhrases(docs, vocab.stems.length);
    for (let d = 0; d < docs.length; d++) {
      accumulate(docs[d]!);
      docs[d] = []; // release token streams early
    }
  } else {
    for (const r of records) accumulate(encodeFields(vocab, r, options.fieldBoosts));
  }

  const numStems = vocab.stems.length;
  const numTerms = numStems + phrases.pairs.length;
  const df = new Uint32Array(numTerms);
  for (const { cols } of docTerms) for (let i = 0; i < cols.length; i++) df[cols[i]!]!++;
  const n = records.length;
  const termIdf = new Float64Array(numTerms);
  // idf^0.5 on each side makes a pair's dot product weigh each shared term by idf once, as BM25
  // does; idf^1 per side (idf squared per pair) let rare names outvote the shared vocabulary.
  for (let t = 0; t < numTerms; t++) if (df[t]! > 0) termIdf[t] = Math.pow(idf(n, df[t]!), options.idfExponent);

  const avgLength = docTerms.reduce((sum, d) => sum + d.length, 0) / (n || 1) || 1;
  const { k1, b } = options.bm25;
  const bm25 = options.termWeighting === 'bm25';
  const rows: Array<{ cols: number[]; values: number[] }> = [];
  const candidateRows: Array<{ cols: number[]; values: number[] }> = [];
  for (const { cols, tf: freqs, length } of docTerms) {
    const weights = new Float64Array(cols.length);
    const lengthNorm = k1 * (1 - b + (b * length) / avgLength);
    let norm = 0;
    for (let i = 0; i < cols.length; i++) {
      const f = freqs[i]!;
      const w = (bm25 ? (f * (k1 + 1)) / (f + lengthNorm) : Math.log(1 + f)) * termIdf[cols[i]!]!;
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    // a term found in one doc only can never match: it counts in the norm, not in the row
    for (let i = 0; i < cols.length; i++) if (df[cols[i]!]! < 2) weights[i] = 0;
    rows.push(pruneRow(cols, weights, options.maxTermsPerDoc, norm));
    candidateRows.push(pruneRow(cols, weights, Math.min(options.candidateTermsPerDoc, options.maxTermsPerDoc), norm));
  }

  const surface = vocab.surfaceForms();
  const labels = surface.slice();
  for (const key of phrases.pairs) labels.push(`${surface[Math.floor(key / PAIR)]} ${surface[key % PAIR]}`);
  return { rows: packRows(rows), candidateRows: packRows(candidateRows), labels, numTerms };
}
