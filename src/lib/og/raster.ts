/**
 * The card's pixels, drawn straight from its layout (scene.ts) into an 8-bit
 * indexed image: no SVG, no rasteriser library, no colour quantiser. The
 * colours are known in advance, so the palette is made, not searched for:
 * entry 0 is the paper (the first paint, which must cover the card), then for
 * each other fill colour its `levels` blend steps from the paper to the full
 * colour. A pixel's anti-aliased coverage (coverage.ts) picks the step.
 * Blending is in sRGB values, as the SVG route (librsvg) blends.
 *
 * Paints are drawn in order, each replacing what is under its covered pixels.
 * Edges blend towards the paper, not towards whatever lies beneath: right for
 * this layout, where text and rules sit on the paper and never overlap.
 */
import { parseHex } from '../design/contrast.ts';
import { Coverage } from './coverage.ts';
import { glyphBitmap, snap } from './glyph-bitmaps.ts';
import { placeGlyphs } from './glyphs.ts';
import type { CardScene, Paint, TextPaint } from './scene.ts';

export interface IndexedImage {
  width: number;
  height: number;
  /** RGB triplets, one per palette entry. */
  palette: Uint8Array;
  /** One palette index per pixel, rows top to bottom. */
  indices: Uint8Array;
}

/**
 * Blend steps per colour: an edge pixel is within half a step (8 of 255 between
 * ink and paper) of its exact coverage. Side by side with librsvg's 256-level
 * alpha at 5× zoom, 8, 16 and 32 steps look alike; 16 make smaller PNGs than 32
 * (15.7 against 18.1 KiB a card) with steps still finer than small text shows
 * (figures in src/data/og/render.ts).
 */
export const COVERAGE_LEVELS = 16;

// One accumulator per card size, reused card after card (a worker draws thousands): drain() leaves it empty.
const accumulators = new Map<string, Coverage>();
function coverageFor(width: number, height: number): Coverage {
  const key = `${width}x${height}`;
  let coverage = accumulators.get(key);
  if (!coverage) accumulators.set(key, (coverage = new Coverage(width, height)));
  return coverage;
}

export function rasteriseScene(scene: CardScene, levels = COVERAGE_LEVELS): IndexedImage {
  const { width, height, paints } = scene;
  const [background, ...rest] = paints;
  if (!background || background.kind !== 'rect' || background.x > 0 || background.y > 0 || background.x + background.width < width || background.y + background.height < height) {
    throw new Error('the card scene must start with a rectangle covering the whole card');
  }
  const paper = parseHex(background.fill);
  const colours = [...new Set(rest.map((p) => p.fill))];
  if (1 + colours.length * levels > 256) throw new Error(`${colours.length} colours at ${levels} levels do not fit a 256-entry palette`);
  const palette = new Uint8Array(3 * (1 + colours.length * levels));
  palette.set(paper, 0);
  const base = new Map<string, number>();
  colours.forEach((colour, k) => {
    const rgb = parseHex(colour);
    const first = 1 + k * levels;
    base.set(colour, first);
    for (let l = 1; l <= levels; l++) {
      const t = l / levels;
      for (let c = 0; c < 3; c++) palette[3 * (first + l - 1) + c] = Math.round(paper[c]! + (rgb[c]! - paper[c]!) * t);
    }
  });

  const indices = new Uint8Array(width * height); // all paper (entry 0)
  const coverage = coverageFor(width, height);
  for (const paint of rest) {
    const first = base.get(paint.fill)!;
    if (paint.kind === 'rect' && isWholePixels(paint)) {
      fillRect(indices, width, height, paint, first + levels - 1);
      continue;
    }
    if (paint.kind === 'rect') coverage.rect(paint.x, paint.y, paint.width, paint.height);
    else outlineText(coverage, paint);
    coverage.drainToIndices(indices, first, levels);
  }
  return { width, height, palette, indices };
}

const isWholePixels = (r: { x: number; y: number; width: number; height: number }) => [r.x, r.y, r.width, r.height].every(Number.isInteger);

function fillRect(indices: Uint8Array, width: number, height: number, r: Extract<Paint, { kind: 'rect' }>, index: number): void {
  const x0 = Math.max(0, r.x);
  const x1 = Math.min(width, r.x + r.width);
  for (let y = Math.max(0, r.y); y < Math.min(height, r.y + r.height); y++) indices.fill(index, y * width + x0, y * width + x1);
}

/** Every glyph of the paint, placed as the SVG places it (glyphs.ts), from the glyph bitmap cache. */
function outlineText(coverage: Coverage, paint: TextPaint): void {
  for (const line of paint.lines) {
    for (const { font, glyph, x, y, scale } of placeGlyphs(paint.stack, line.text, line.x, line.y, paint.size, paint.tracking)) {
      const sx = snap(x);
      const sy = snap(y);
      const bitmap = glyphBitmap(font, glyph, scale, sx.phase, sy.phase);
      coverage.addBitmap(sx.whole + bitmap.left, sy.whole + bitmap.top, bitmap.width, bitmap.height, bitmap.alpha);
    }
  }
}
