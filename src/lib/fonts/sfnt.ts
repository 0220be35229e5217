/**
 * Reads the vertical metrics and the average character width of an SFNT
 * (TrueType/OpenType) font: what a metric-matched fallback @font-face needs.
 * Only the tables involved are parsed (head, hhea, cmap, hmtx).
 */
import { LATIN_WEIGHTINGS } from './weightings.ts';

export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  /** Negative, as stored in hhea. */
  descent: number;
  lineGap: number;
  /** Advance width of an average latin character (letter frequencies of English text), in font units. */
  xWidthAvg: number;
}

type Tables = Map<string, { offset: number; length: number }>;

function tables(view: DataView): Tables {
  const count = view.getUint16(4);
  const map: Tables = new Map();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    map.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return map;
}

function need(map: Tables, tag: string): number {
  const table = map.get(tag);
  if (!table) throw new Error(`font has no ${tag} table (expected an SFNT font, not WOFF/WOFF2)`);
  return table.offset;
}

/** Code point -> glyph id, from a format 4 or format 12 Unicode cmap subtable. */
function cmapLookup(view: DataView, cmap: number): (cp: number) => number {
  const count = view.getUint16(cmap + 2);
  let best: { format: number; at: number } | undefined;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 4 || format === 12) && (!best || format > best.format)) best = { format, at };
  }
  if (!best) throw new Error('font has no Unicode cmap (format 4 or 12)');
  const { format, at } = best;
  if (format === 12) {
    const groups = view.getUint32(at + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const rec = at + 16 + g * 12;
        const start = view.getUint32(rec);
        if (cp >= start && cp <= view.getUint32(rec + 4)) return view.getUint32(rec + 8) + cp - start;
      }
      return 0;
    };
  }
  const segX2 = view.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    for (let s = 0; s < segX2; s += 2) {
      if (cp > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + s);
      const ro = view.getUint16(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s + ro + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

export function readMetrics(font: Uint8Array): FontMetrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const map = tables(view);
  const head = need(map, 'head');
  const hhea = need(map, 'hhea');
  const hmtx = need(map, 'hmtx');
  const hMetrics = view.getUint16(hhea + 34);
  const advance = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, hMetrics - 1) * 4);
  const glyphOf = cmapLookup(view, need(map, 'cmap'));
  let sum = 0;
  let weight = 0;
  for (const [char, w] of Object.entries(LATIN_WEIGHTINGS)) {
    const glyph = glyphOf(char.codePointAt(0)!);
    if (glyph === 0) continue; // not in this font: leave it out rather than guess
    sum += advance(glyph) * w;
    weight += w;
  }
  if (weight === 0) throw new Error('font maps none of the latin sample characters');
  return {
    unitsPerEm: view.getUint16(head + 18),
    ascent: view.getInt16(hhea + 4),
    descent: view.getInt16(hhea + 6),
    lineGap: view.getInt16(hhea + 8),
    // Normalised by the weights found, so a font missing a rare glyph is not judged narrow.
    xWidthAvg: Math.round(sum / weight),
  };
}
