/**
 * The social card as an SVG string (1200×630). Every piece of text is drawn as
 * glyph outlines (<path>) from the bundled fonts, so rendering needs no system
 * fonts and author text never becomes markup. When the article has a hero, the
 * template leaves the right-hand panel for it and says where (`hero`); the
 * renderer composites the resized photo there.
 */
import type { Font } from 'fontkit';
import { accentPalette, contrast, parseHex, toHex } from '../design/contrast.ts';
import { formatDate } from '../content/dates.ts';
import { escapeXml as escapeXmlText, stripXmlInvalidChars } from '../feed/xml-text.ts';
import type { CardFonts } from './fonts.ts';
import { drawableText, fitWithEllipsis, measure, missingLetters, textRuns, wrapTitle } from './layout.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  siteName: string;
  /** The site's accent (`site.accentColor`). */
  accent: string;
  category: string;
  title: string;
  date: Date;
  authors: string[];
  /** Whether a hero photo will be composited into the right-hand panel. */
  hero: boolean;
  /** BCP 47 language for the date. */
  language?: string;
  /** The site's time zone: the card shows the same day as the page. */
  timeZone?: string | undefined;
}

export interface CardSvg {
  svg: string;
  /** Where the renderer places the hero photo, when there is one. */
  hero: { left: number; top: number; width: number; height: number } | undefined;
  /** Letters of the title the bundled fonts cannot draw; when any, the card leaves the title out. */
  missing: string[];
}

/** The card's fixed colours: paper and ink as on the site, text colours checked for AA contrast on the paper. */
export const PAPER = '#fbfaf6';
export const INK = '#16150f';
export const MUTED = '#57544c';
export const RULE = '#d8d3c6';

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 forbids. */
export const escapeXml = (text: string) => escapeXmlText(stripXmlInvalidChars(text));

const num = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * Path data for `text` with its left end of the baseline at (x, y): fontkit's
 * shaped glyphs (kerning, ligatures) with their positions, scaled to `size`,
 * each run in the first font of the stack that has its glyphs.
 * Glyphs no font has (id 0) are skipped.
 */
export function textPathData(stack: Font | readonly Font[], text: string, x: number, y: number, size: number, tracking = 0): string {
  if (!text) return '';
  const parts: string[] = [];
  let pen = x;
  for (const { font, text: part } of textRuns(stack, text)) {
    const scale = size / font.unitsPerEm;
    const run = font.layout(part);
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      if (glyph.id === 0) return;
      const ox = pen + pos.xOffset * scale;
      const oy = y - pos.yOffset * scale;
      const pt = (px: number, py: number) => `${num(ox + px * scale)} ${num(oy - py * scale)}`;
      for (const { command, args } of glyph.path.commands) {
        const a = args as number[];
        if (command === 'moveTo') parts.push(`M${pt(a[0]!, a[1]!)}`);
        else if (command === 'lineTo') parts.push(`L${pt(a[0]!, a[1]!)}`);
        else if (command === 'quadraticCurveTo') parts.push(`Q${pt(a[0]!, a[1]!)} ${pt(a[2]!, a[3]!)}`);
        else if (command === 'bezierCurveTo') parts.push(`C${pt(a[0]!, a[1]!)} ${pt(a[2]!, a[3]!)} ${pt(a[4]!, a[5]!)}`);
        else if (command === 'closePath') parts.push('Z');
      }
      pen += pos.xAdvance * scale + tracking;
    });
  }
  return parts.join('');
}

const pathEl = (d: string, fill: string) => (d ? `<path fill="${escapeXml(fill)}" d="${d}"/>` : '');

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Colours for the card from the site accent: the bar in the brand colour, kicker text darkened to AA on the paper. */
export function cardColours(accent: string) {
  const brand = toHex(parseHex(accent));
  const kicker = accentPalette(brand).light;
  return { brand, kicker: contrast(kicker, PAPER) >= 4.5 ? kicker : INK, ink: INK, muted: MUTED, paper: PAPER, rule: RULE };
}

const MARGIN = 72;
const HERO_WIDTH = 440;

export function cardSvg(input: CardInput, fonts: CardFonts): CardSvg {
  const colours = cardColours(input.accent);
  const heroLeft = CARD_WIDTH - HERO_WIDTH;
  const right = input.hero ? heroLeft - 56 : CARD_WIDTH - MARGIN;
  const width = right - MARGIN;
  const out: string[] = [];

  // Paper, the accent bar across the top of the text column, the masthead and its rule.
  out.push(`<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${colours.paper}"/>`);
  out.push(`<rect width="${input.hero ? heroLeft : CARD_WIDTH}" height="12" fill="${colours.brand}"/>`);
  const siteName = fitWithEllipsis(fonts.serifBold, drawableText(fonts.serifBold, input.siteName), 40, width);
  out.push(pathEl(textPathData(fonts.serifBold, siteName, MARGIN, 100, 40), colours.ink));
  out.push(`<rect x="${MARGIN}" y="128" width="${width}" height="3" fill="${colours.ink}"/>`);

  // A title the fonts cannot draw in full (CJK, Arabic, Hebrew...) is left out rather than
  // shown with letters missing: the category, set large, takes the headline's place.
  const missing = missingLetters(fonts.serifBold, input.title);
  const headline = missing.length ? input.category : input.title;

  // Category kicker: uppercase, tracked, in the readable accent (above a title only).
  const kickerTracking = 2;
  const kicker = fitWithEllipsis(fonts.sansBold, drawableText(fonts.sansBold, input.category.toLocaleUpperCase('en')), 22, width, kickerTracking);
  if (!missing.length) out.push(pathEl(textPathData(fonts.sansBold, kicker, MARGIN, 188, 22, kickerTracking), colours.kicker));

  // Headline: up to four lines, shrinking for long titles, from y = 214 to 520.
  const top = 214;
  const title = wrapTitle(fonts.serifBold, headline, {
    maxWidth: width,
    maxHeight: 306,
    maxLines: 4,
    maxSize: input.hero ? 62 : 72,
    minSize: 36,
    lineHeight: 1.13,
  });
  const firstBaseline = top + title.size * 0.92;
  const d = title.lines.map((line, i) => textPathData(fonts.serifBold, line, MARGIN, firstBaseline + i * title.leading, title.size)).join('');
  out.push(pathEl(d, missing.length ? colours.kicker : colours.ink));

  // Footer: a hairline, the date in ink and the byline in muted ink.
  out.push(`<rect x="${MARGIN}" y="546" width="${width}" height="1" fill="${colours.rule}"/>`);
  const metaSize = 24;
  const date = formatDate(input.date, input.language ?? 'en', { timeZone: input.timeZone });
  out.push(pathEl(textPathData(fonts.sansMedium, date, MARGIN, 592, metaSize), colours.ink));
  const names = drawableText(fonts.sansMedium, joinNames(input.authors.map((n) => drawableText(fonts.sansMedium, n)).filter(Boolean)));
  if (names) {
    const dateRight = MARGIN + measure(fonts.sansMedium, date, metaSize);
    const bylineX = dateRight + 36;
    const byline = fitWithEllipsis(fonts.sansMedium, `By ${names}`, metaSize, right - bylineX);
    out.push(`<rect x="${num(dateRight + 17)}" y="573" width="2" height="24" fill="${colours.rule}"/>`);
    out.push(pathEl(textPathData(fonts.sansMedium, byline, bylineX, 592, metaSize), colours.muted));
  }

  const hero = input.hero ? { left: heroLeft, top: 0, width: HERO_WIDTH, height: CARD_HEIGHT } : undefined;
  const label = escapeXml(`${input.title} (${input.siteName})`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" role="img" aria-label="${label}">${out.join('')}</svg>`;
  return { svg, hero, missing };
}
