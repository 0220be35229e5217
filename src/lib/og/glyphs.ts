/**
 * Where each glyph of a line of text goes: fontkit's shaped glyphs (kerning,
 * ligatures) with their positions, scaled to the size, each run in the first
 * font of the stack that has its glyphs. The SVG and the rasteriser both draw
 * from this list, so they place every glyph alike. Glyphs no font has (id 0)
 * are skipped.
 */
import type { Font, Glyph } from 'fontkit';
import { shape, textRuns } from './layout.ts';

export interface PlacedGlyph {
  font: Font;
  glyph: Glyph;
  /** The glyph's origin on the baseline, in pixels (y down). */
  x: number;
  y: number;
  /** Pixels per font unit (font y points up: a point (px, py) lands at (x + px·scale, y − py·scale)). */
  scale: number;
}

export function placeGlyphs(stack: Font | readonly Font[], text: string, x: number, y: number, size: number, tracking = 0): PlacedGlyph[] {
  const placed: PlacedGlyph[] = [];
  if (!text) return placed;
  let pen = x;
  for (const { font, text: part } of textRuns(stack, text)) {
    const scale = size / font.unitsPerEm;
    const { run } = shape(font, part);
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      if (glyph.id === 0) return;
      placed.push({ font, glyph, x: pen + pos.xOffset * scale, y: y - pos.yOffset * scale, scale });
      pen += pos.xAdvance * scale + tracking;
    });
  }
  return placed;
}
