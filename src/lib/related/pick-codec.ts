/**
 * Picks of a block of articles as one Float64Array and one string, for sending between threads.
 * Structured cloning the pick objects themselves cost about 40 µs per article (measured on the
 * bench corpus), as much as computing them; this form is a buffer transfer and a string copy,
 * and decoding it is a few object literals and string slices per pick.
 */
import type { RelatedPick, RelatedSignal } from './types.ts';

const SIGNALS: readonly RelatedSignal[] = ['pinned', 'text', 'tags', 'category', 'recency', 'fallback-category', 'fallback-recent'];
const SIGNAL_CODE = new Map(SIGNALS.map((s, i) => [s, i]));

export interface EncodedPicks {
  /** Per article: pick count; per pick: doc, score, reason count; per reason: signal, value, detail length. */
  numbers: Float64Array;
  /** Every reason's detail, concatenated in the same order. */
  details: string;
}

export function encodePicks(perArticle: readonly RelatedPick[][], docOf: ReadonlyMap<string, number>): EncodedPicks {
  let size = 0;
  for (const picks of perArticle) {
    size += 1 + 3 * picks.length;
    for (const pick of picks) size += 3 * pick.reasons.length;
  }
  const numbers = new Float64Array(size);
  const details: string[] = [];
  let p = 0;
  for (const picks of perArticle) {
    numbers[p++] = picks.length;
    for (const pick of picks) {
      numbers[p++] = docOf.get(pick.id)!;
      numbers[p++] = pick.score;
      numbers[p++] = pick.reasons.length;
      for (const r of pick.reasons) {
        numbers[p++] = SIGNAL_CODE.get(r.signal)!;
        numbers[p++] = r.value;
        numbers[p++] = r.detail.length;
        details.push(r.detail);
      }
    }
  }
  return { numbers, details: details.join('') };
}

/** Inverse of encodePicks: the picks of `count` articles, ids looked up by doc number. */
export function decodePicks({ numbers, details }: EncodedPicks, count: number, ids: readonly string[]): RelatedPick[][] {
  const out: RelatedPick[][] = [];
  let p = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const picks: RelatedPick[] = [];
    for (let j = numbers[p++]!; j > 0; j--) {
      const id = ids[numbers[p++]!]!;
      const score = numbers[p++]!;
      const reasons = [];
      for (let r = numbers[p++]!; r > 0; r--) {
        const signal = SIGNALS[numbers[p++]!]!;
        const value = numbers[p++]!;
        const length = numbers[p++]!;
        reasons.push({ signal, value, detail: details.slice(at, (at += length)) });
      }
      picks.push({ id, score, reasons });
    }
    out.push(picks);
  }
  return out;
}
