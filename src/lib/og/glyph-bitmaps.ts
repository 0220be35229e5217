/**
 * A glyph's anti-aliased coverage, as a small bitmap, cached per (font, glyph,
 * size, quarter-pixel position).
 *
 * Drawn 4×4 supersampled: area accumulation is exact for one contour, but a
 * pixel crossed by two overlapping contours of the same direction sums both
 * partial areas (font-rs and FreeType alike). The bundled variable fonts are
 * built that way: 44 of 77 latin glyphs of Source Serif 4 Bold (serifs over
 * stems) and 9 of Inter's have overlapping contours, and at 1× their shared
 * edges came out up to 81/255 too dark. Clamping each of the 16 sub-pixels
 * before averaging keeps the non-zero union right to within a sixteenth of a
 * pixel there, and exact elsewhere (16 exact sub-areas add up to the exact area).
 *
 * Positions are snapped to a quarter pixel (within 1/8 px of the SVG's, which
 * rounds to 1/10 px): 16 phases per glyph and size, so a worker drawing
 * thousands of cards draws each glyph a few times and copies it from then on.
 */
import type { Font, Glyph } from 'fontkit';
import { Coverage } from './coverage.ts';

export interface GlyphBitmap {
  /** Offset of the bitmap's top-left pixel from the glyph's snapped whole-pixel origin. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Coverage per pixel, 0-255, rows top to bottom. */
  alpha: Uint8Array;
}

const SUB = 4;
/** Cached bytes per process (a card worker) before the cache starts over. */
const CACHE_BYTES = 24 * 1024 * 1024;

const cache = new WeakMap<Font, Map<string, GlyphBitmap>>();
let cachedBytes = 0;
let fine: Coverage | undefined;

/** Whole-pixel origin and quarter-pixel phase of a coordinate. */
export function snap(v: number): { whole: number; phase: number } {
  const q = Math.round(v * SUB);
  const whole = Math.floor(q / SUB);
  return { whole, phase: q - whole * SUB };
}

export function glyphBitmap(font: Font, glyph: Glyph, scale: number, phaseX: number, phaseY: number): GlyphBitmap {
  let known = cache.get(font);
  if (!known) cache.set(font, (known = new Map()));
  const key = `${glyph.id} ${scale} ${phaseX} ${phaseY}`;
  const hit = known.get(key);
  if (hit) return hit;
  const bitmap = drawGlyph(glyph, scale, phaseX, phaseY);
  if (cachedBytes + bitmap.alpha.length > CACHE_BYTES) {
    // Start over rather than track use: the next few cards redraw what they need.
    cache.delete(font);
    cachedBytes = 0;
    cache.set(font, (known = new Map()));
  }
  cachedBytes += bitmap.alpha.length;
  known.set(key, bitmap);
  return bitmap;
}

function drawGlyph(glyph: Glyph, scale: number, phaseX: number, phaseY: number): GlyphBitmap {
  const s = scale * SUB;
  const box = glyph.path.cbox;
  // The bitmap in whole pixels around the outline's control box, relative to the snapped origin.
  const left = Math.floor((phaseX + box.minX * s) / SUB);
  const top = Math.floor((phaseY - box.maxY * s) / SUB);
  const width = Math.max(0, Math.ceil((phaseX + box.maxX * s) / SUB) - left);
  const height = Math.max(0, Math.ceil((phaseY - box.minY * s) / SUB) - top);
  const alpha = new Uint8Array(width * height);
  if (!width || !height) return { left, top, width, height, alpha };
  // Fine-grid coordinates: the bitmap's top-left corner at (0, 0), SUB cells per pixel.
  const ox = phaseX - left * SUB;
  const oy = phaseY - top * SUB;
  const px = (v: number) => ox + v * s;
  const py = (v: number) => oy - v * s;
  if (!fine || fine.width < width * SUB || fine.height < height * SUB) fine = new Coverage(Math.max(width * SUB, fine?.width ?? 0), Math.max(height * SUB, fine?.height ?? 0));
  const coverage = fine;
  for (const { command, args: a } of glyph.path.commands) {
    if (command === 'moveTo') coverage.moveTo(px(a[0]!), py(a[1]!));
    else if (command === 'lineTo') coverage.lineTo(px(a[0]!), py(a[1]!));
    else if (command === 'quadraticCurveTo') coverage.quadTo(px(a[0]!), py(a[1]!), px(a[2]!), py(a[3]!));
    else if (command === 'bezierCurveTo') coverage.cubicTo(px(a[0]!), py(a[1]!), px(a[2]!), py(a[3]!), px(a[4]!), py(a[5]!));
    else if (command === 'closePath') coverage.close();
  }
  // Each clamped sub-pixel adds its sixteenth; summed in floats, then stored as 0-255.
  const sum = new Float32Array(width * height);
  coverage.drain((x, y, c) => {
    const bx = (x / SUB) | 0;
    const by = (y / SUB) | 0;
    if (bx < width && by < height) sum[by * width + bx]! += c;
  });
  const full = SUB * SUB;
  for (let i = 0; i < sum.length; i++) alpha[i] = Math.min(255, Math.round((sum[i]! / full) * 255));
  return { left, top, width, height, alpha };
}
