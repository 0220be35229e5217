/**
 * The social card as an SVG string, derived from its layout (scene.ts). Every
 * piece of text is drawn as glyph outlines (<path>) from the bundled fonts, so
 * the SVG needs no system fonts and author text never becomes markup. The build
 * draws the card's pixels from the same scene (raster.ts); this vector form is
 * for tests, comparisons (scripts/bench/cards.ts) and anyone who wants it.
 */
import type { Font } from 'fontkit';
import { escapeXml as escapeXmlText, stripXmlInvalidChars } from '../feed/xml-text.ts';
import type { CardFonts } from './fonts.ts';
import { placeGlyphs } from './glyphs.ts';
import { cardScene, type CardInput, type CardScene, type Paint } from './scene.ts';

export { CARD_HEIGHT, CARD_WIDTH, INK, MUTED, PAPER, RULE, cardColours, joinNames, type CardInput } from './scene.ts';

export interface CardSvg {
  svg: string;
  /** Where the renderer places the hero photo, when there is one. */
  hero: CardScene['hero'];
  /** Letters of the title the bundled fonts cannot draw; when any, the card leaves the title out. */
  missing: string[];
}

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 forbids. */
export const escapeXml = (text: string) => escapeXmlText(stripXmlInvalidChars(text));

const num = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Path data for `text` with its left end of the baseline at (x, y), at `size` (see glyphs.ts). */
export function textPathData(stack: Font | readonly Font[], text: string, x: number, y: number, size: number, tracking = 0): string {
  const parts: string[] = [];
  for (const { glyph, x: ox, y: oy, scale } of placeGlyphs(stack, text, x, y, size, tracking)) {
    const pt = (px: number, py: number) => `${num(ox + px * scale)} ${num(oy - py * scale)}`;
    for (const { command, args } of glyph.path.commands) {
      const a = args as number[];
      if (command === 'moveTo') parts.push(`M${pt(a[0]!, a[1]!)}`);
      else if (command === 'lineTo') parts.push(`L${pt(a[0]!, a[1]!)}`);
      else if (command === 'quadraticCurveTo') parts.push(`Q${pt(a[0]!, a[1]!)} ${pt(a[2]!, a[3]!)}`);
      else if (command === 'bezierCurveTo') parts.push(`C${pt(a[0]!, a[1]!)} ${pt(a[2]!, a[3]!)} ${pt(a[4]!, a[5]!)}`);
      else if (command === 'closePath') parts.push('Z');
    }
  }
  return parts.join('');
}

function paintSvg(paint: Paint): string {
  const fill = escapeXml(paint.fill);
  if (paint.kind === 'rect') {
    const at = `${paint.x ? ` x="${num(paint.x)}"` : ''}${paint.y ? ` y="${num(paint.y)}"` : ''}`;
    return `<rect${at} width="${num(paint.width)}" height="${num(paint.height)}" fill="${fill}"/>`;
  }
  const d = paint.lines.map((line) => textPathData(paint.stack, line.text, line.x, line.y, paint.size, paint.tracking)).join('');
  return d ? `<path fill="${fill}" d="${d}"/>` : '';
}

export function sceneSvg(scene: CardScene): string {
  const label = escapeXml(scene.label);
  const body = scene.paints.map(paintSvg).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" role="img" aria-label="${label}">${body}</svg>`;
}

export function cardSvg(input: CardInput, fonts: CardFonts): CardSvg {
  const scene = cardScene(input, fonts);
  return { svg: sceneSvg(scene), hero: scene.hero, missing: scene.missing };
}
