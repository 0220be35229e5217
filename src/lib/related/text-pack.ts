/**
 * The texts a counting worker tokenises (count-chunks.ts), packed for sending: every field's
 * ASCII text as bytes, back to back in one ArrayBuffer that is transferred, not copied, and the
 * rare field with other characters as its string. Structured cloning the strings themselves
 * cost this thread 36-66 ms at 10,000 articles and the worker as much again to rebuild them;
 * packing is one encodeInto per field, and the worker tokenises the bytes in place
 * (Vocabulary.encodeAscii), the very bytes encode() would have made of the string.
 */
import type { RelatedOptions } from './options.ts';
import type { RowCounter } from './row-counter.ts';
import { addField, type TextFields } from './term-counts.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface PackedTexts {
  bytes: Uint8Array;
  /** Per article: its first field (articles + 1 entries). */
  firstField: Int32Array;
  /** Per field: where its bytes end (they start where the previous field's end). */
  fieldEnd: Int32Array;
  /** Per field: 0 title, 1 description, 2 highlight, 3 heading, 4 body. */
  kind: Uint8Array;
  /** Fields that are not plain ASCII, by field number: their text. */
  unicode: Map<number, string>;
}

const encoder = new TextEncoder();

/** The fields in the order term-counts.ts reads them (title, description, highlights, headings, body). */
function visitFields(r: TextFields, visit: (kind: number, text: string) => void): void {
  visit(0, r.title);
  visit(1, r.description);
  for (const text of r.highlights) visit(2, text);
  for (const text of r.headings) visit(3, text);
  visit(4, r.bodyText);
}

export function packTexts(records: readonly TextFields[]): PackedTexts {
  let size = 0;
  let fields = 0;
  for (const r of records) {
    visitFields(r, (_kind, text) => (size += text.length));
    fields += 3 + r.highlights.length + r.headings.length;
  }
  const bytes = new Uint8Array(size);
  const firstField = new Int32Array(records.length + 1);
  const fieldEnd = new Int32Array(fields);
  const kind = new Uint8Array(fields);
  const unicode = new Map<number, string>();
  let at = 0;
  let f = 0;
  records.forEach((r, d) => {
    firstField[d] = f;
    visitFields(r, (k, text) => {
      // all ASCII exactly when every character became one byte (as in Vocabulary.encode)
      const { read, written } = encoder.encodeInto(text, bytes.subarray(at, at + text.length));
      if (read === text.length && written === text.length) at += text.length;
      else unicode.set(f, text); // its partial bytes are overwritten by the next field
      fieldEnd[f] = at;
      kind[f++] = k;
    });
  });
  firstField[records.length] = f;
  return { bytes, firstField, fieldEnd, kind, unicode };
}

/** countRecord for packed article `doc`: the same tokens, in the same order, into the same row. */
export function countPacked(texts: PackedTexts, doc: number, boosts: RelatedOptions['fieldBoosts'], vocab: Vocabulary, counter: RowCounter, tokens: number[], sight?: (tokens: number[]) => void): void {
  const boostOf = [boosts.title, boosts.description, boosts.highlights, boosts.headings, boosts.body];
  const { bytes, firstField, fieldEnd, kind, unicode } = texts;
  for (let f = firstField[doc]!; f < firstField[doc + 1]!; f++) {
    tokens.length = 0;
    const text = unicode.get(f);
    if (text !== undefined) vocab.encode(text, tokens);
    else vocab.encodeAscii(bytes, f === 0 ? 0 : fieldEnd[f - 1]!, fieldEnd[f]!, tokens);
    addField(tokens, boostOf[kind[f]!]!, vocab, counter, sight);
  }
  counter.endRow(sight === undefined);
}
