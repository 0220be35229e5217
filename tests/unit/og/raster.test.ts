/**
 * The card rasteriser: exact area coverage of known shapes, the non-zero rule
 * (holes, same-direction overlaps), real glyphs against librsvg (sharp drawing
 * the same outline as SVG), and a whole card against the SVG route.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Font, Glyph } from 'fontkit';
import { loadCardFontFamilies } from '../../../src/data/og/font-files.ts';
import { Coverage } from '../../../src/lib/og/coverage.ts';
import type { CardFonts } from '../../../src/lib/og/fonts.ts';
import { glyphBitmap } from '../../../src/lib/og/glyph-bitmaps.ts';
import { COVERAGE_LEVELS, rasteriseScene } from '../../../src/lib/og/raster.ts';
import { cardColours, cardScene, type CardInput } from '../../../src/lib/og/scene.ts';
import { sceneSvg, textPathData } from '../../../src/lib/og/template.ts';

/** Every pixel's coverage after drawing with `draw`, as a width×height grid. */
function coverageOf(width: number, height: number, draw: (c: Coverage) => void): number[][] {
  const c = new Coverage(width, height);
  draw(c);
  const grid = Array.from({ length: height }, () => Array<number>(width).fill(0));
  c.drain((x, y, v) => (grid[y]![x] = v));
  return grid;
}
const total = (grid: number[][]) => grid.flat().reduce((a, b) => a + b, 0);
const polygon = (c: Coverage, points: [number, number][]) => {
  c.moveTo(...points[0]!);
  for (const p of points.slice(1)) c.lineTo(...p);
  c.close();
};

describe('area coverage', () => {
  it('covers a square with fractional edges by its exact area per pixel', () => {
    const grid = coverageOf(8, 8, (c) => c.rect(1.25, 2.5, 3.5, 2));
    expect(total(grid)).toBeCloseTo(7, 5);
    expect(grid[2]!.slice(0, 6).map((v) => +v.toFixed(4))).toEqual([0, 0.375, 0.5, 0.5, 0.375, 0]);
    expect(grid[3]!.slice(0, 6).map((v) => +v.toFixed(4))).toEqual([0, 0.75, 1, 1, 0.75, 0]);
    expect(grid[4]!.slice(0, 6).map((v) => +v.toFixed(4))).toEqual([0, 0.375, 0.5, 0.5, 0.375, 0]);
    expect(grid[1]!.every((v) => v === 0) && grid[5]!.every((v) => v === 0)).toBe(true);
  });

  it('covers a right triangle: full below the hypotenuse, half on it, nothing above', () => {
    const grid = coverageOf(10, 10, (c) => polygon(c, [[0, 0], [8, 8], [0, 8]]));
    expect(total(grid)).toBeCloseTo(32, 4);
    for (let i = 0; i < 8; i++) {
      expect(grid[i]![i]).toBeCloseTo(0.5, 5);
      if (i > 0) expect(grid[i]![i - 1]).toBeCloseTo(1, 5);
      expect(grid[i]![i + 1]).toBe(0);
    }
  });

  it('fills by the non-zero rule: an inner contour drawn the other way is a hole, the same way is not', () => {
    const outer: [number, number][] = [[1, 1], [9, 1], [9, 9], [1, 9]];
    const inner: [number, number][] = [[3, 3], [7, 3], [7, 7], [3, 7]];
    const hole = coverageOf(10, 10, (c) => { polygon(c, outer); polygon(c, [...inner].reverse()); });
    expect(total(hole)).toBeCloseTo(64 - 16, 4);
    expect(hole[5]![5]).toBe(0);
    expect(hole[2]![5]).toBeCloseTo(1, 5);
    const nested = coverageOf(10, 10, (c) => { polygon(c, outer); polygon(c, inner); });
    expect(total(nested)).toBeCloseTo(64, 4);
    expect(nested[5]![5]).toBe(1);
  });

  it('clips shapes that reach past the edges of the image without losing the part inside', () => {
    const grid = coverageOf(6, 6, (c) => c.rect(-3, -2, 6.5, 4));
    expect(total(grid)).toBeCloseTo(3.5 * 2, 4);
    expect(grid[0]![3]).toBeCloseTo(0.5, 5);
    expect(grid[1]![0]).toBeCloseTo(1, 5);
  });

  it('draws curves within a twentieth of a pixel: a circle of radius 20 by cubic arcs', () => {
    const k = 0.5523 * 20;
    const grid = coverageOf(50, 50, (c) => {
      c.moveTo(45, 25);
      c.cubicTo(45, 25 + k, 25 + k, 45, 25, 45);
      c.cubicTo(25 - k, 45, 5, 25 + k, 5, 25);
      c.cubicTo(5, 25 - k, 25 - k, 5, 25, 5);
      c.cubicTo(25 + k, 5, 45, 25 - k, 45, 25);
      c.close();
    });
    expect(Math.abs(total(grid) - Math.PI * 400)).toBeLessThan(0.05 * 2 * Math.PI * 20);
  });
});

/** A glyph-shaped test outline (fontkit's Glyph carries more, the bitmap reads only id and path). */
const outline = (id: number, commands: { command: string; args: number[] }[]): Glyph => {
  const xs = commands.flatMap((c) => c.args.filter((_, i) => i % 2 === 0));
  const ys = commands.flatMap((c) => c.args.filter((_, i) => i % 2 === 1));
  return { id, path: { commands, cbox: { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) } } } as unknown as Glyph;
};
const square = (x0: number, y0: number, x1: number, y1: number) => [
  { command: 'moveTo', args: [x0, y0] }, { command: 'lineTo', args: [x1, y0] }, { command: 'lineTo', args: [x1, y1] }, { command: 'lineTo', args: [x0, y1] }, { command: 'closePath', args: [] },
];

describe('glyph bitmaps', () => {
  it('takes the union of overlapping contours of the same direction, also along a shared edge', () => {
    // Two squares (font units, y up) sharing their top edge half-way through a pixel row: 1x accumulation would cover that row twice.
    const glyph = outline(1, [...square(0, 0, 40, 25), ...square(20, 0, 60, 25)]);
    const bitmap = glyphBitmap({} as Font, glyph, 0.1, 0, 0);
    expect([bitmap.width, bitmap.height, bitmap.top]).toEqual([6, 3, -3]);
    // Rows from the top: y = -3..-2.5 is empty, -2.5..-2 is half covered, then full.
    expect([...bitmap.alpha.subarray(0, 6)]).toEqual([128, 128, 128, 128, 128, 128]);
    expect([...bitmap.alpha.subarray(6)].every((a) => a === 255)).toBe(true);
  });

  let fonts: CardFonts;
  beforeAll(async () => {
    fonts = await loadCardFontFamilies().fontsFor({ serif: 'oB8xA', sans: '' });
  }, 60_000);

  /** The glyph as the bitmap draws it and as librsvg draws its SVG path, both as 0-255 coverage on a 200×200 grid. */
  async function bothWays(ch: string, size: number): Promise<{ ours: Uint8Array; rsvg: Buffer; centre: number }> {
    const font = fonts.serifBold[0]!;
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    const scale = size / font.unitsPerEm;
    const bitmap = glyphBitmap(font, glyph, scale, 0, 0);
    const ours = new Uint8Array(200 * 200);
    for (let y = 0; y < bitmap.height; y++) for (let x = 0; x < bitmap.width; x++) ours[(150 + bitmap.top + y) * 200 + 20 + bitmap.left + x] = bitmap.alpha[y * bitmap.width + x]!;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#000"/><path fill="#fff" d="${textPathData(font, ch, 20, 150, size)}"/></svg>`;
    const rsvg = await sharp(Buffer.from(svg), { density: 72 }).extractChannel(0).raw().toBuffer();
    const box = glyph.path.cbox;
    const centre = Math.round(150 - ((box.minY + box.maxY) / 2) * scale) * 200 + Math.round(20 + ((box.minX + box.maxX) / 2) * scale);
    return { ours, rsvg, centre };
  }

  it('draws real glyphs with holes and overlapping contours as librsvg draws them', async () => {
    for (const ch of ['o', 'B', '8', 'x', 'A']) {
      const { ours, rsvg } = await bothWays(ch, 120);
      let sum = 0;
      let max = 0;
      let inked = 0;
      for (let i = 0; i < ours.length; i++) {
        const d = Math.abs(ours[i]! - rsvg[i]!);
        sum += d;
        max = Math.max(max, d);
        if (ours[i]! > 128) inked++;
      }
      expect(inked, ch).toBeGreaterThan(1500);
      // A filled counter or a doubled overlap would differ by thousands of pixels, far past these.
      expect(sum / ours.length, `${ch}: mean difference`).toBeLessThan(1);
      expect(max, `${ch}: largest difference`).toBeLessThan(100);
    }
    const o = await bothWays('o', 120);
    expect([o.ours[o.centre], o.rsvg[o.centre]]).toEqual([0, 0]);
  });
});

describe('a whole card', () => {
  let fonts: CardFonts;
  const input: CardInput = { siteName: 'Broadsheet', accent: '#b4232a', category: 'Chips & Compute', title: 'Sparse experts reach a trillion parameters, 8 by 8', date: new Date('2026-03-10T00:00:00Z'), authors: ['Ada Quill', 'Bo Lindgren'], hero: false };
  beforeAll(async () => {
    fonts = await loadCardFontFamilies().fontsFor({ serif: `${input.siteName}${input.title}`, sans: 'CHIPS & COMPUTE Ada Quill Bo Lindgren By March 10, 2026' });
  }, 60_000);

  it('uses a palette made of the paper and blend steps of each colour', () => {
    const image = rasteriseScene(cardScene(input, fonts));
    const c = cardColours(input.accent);
    const colours = new Set([c.brand, c.ink, c.kicker, c.rule, c.muted]); // the kicker is the brand colour for this accent
    expect(colours.size).toBe(4);
    expect(image.palette.length / 3).toBe(1 + colours.size * COVERAGE_LEVELS);
    expect([...image.palette.subarray(0, 3)]).toEqual([0xfb, 0xfa, 0xf6]);
    expect(image.indices[0]).toBe(COVERAGE_LEVELS); // the brand bar, full strength
    expect(image.indices[600 * 1200 + 600]).toBe(0); // paper
  });

  it('matches the SVG route (librsvg) pixel for pixel to within anti-aliasing', async () => {
    const scene = cardScene(input, fonts);
    const image = rasteriseScene(scene);
    const rsvg = await sharp(Buffer.from(sceneSvg(scene)), { density: 72 }).removeAlpha().raw().toBuffer();
    let sum = 0;
    let off = 0;
    for (let p = 0; p < image.indices.length; p++) {
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(image.palette[image.indices[p]! * 3 + c]! - rsvg[p * 3 + c]!);
        sum += d;
        if (d > 64) off++;
      }
    }
    // Measured: mean 0.9 of 255, no sample more than 66 apart (quarter-pixel glyph positions).
    expect(sum / rsvg.length).toBeLessThan(1.5);
    expect(off).toBeLessThan(50);
  });
});
