/**
 * The social card's layout (1200×630), once: what is drawn where, in which
 * font, size and colour, as a list of paints. Both outputs derive from it: the
 * SVG (template.ts, for tests and anyone who wants vector output) and the
 * pixels (raster.ts, what the build encodes). When the article has a hero, the
 * layout leaves the right-hand panel for it and says where (`hero`); the
 * renderer composites the resized photo there.
 */
import type { Font } from 'fontkit';
import { accentPalette, contrast, parseHex, toHex } from '../design/contrast.ts';
import { formatDate } from '../content/dates.ts';
import type { CardFonts } from './fonts.ts';
import { drawableText, fitWithEllipsis, measure, missingLetters, wrapTitle } from './layout.ts';

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

/** A filled rectangle, in pixels. */
export interface RectPaint {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/** Lines of text in one font stack, size and colour; each line's (x, y) is the left end of its baseline. */
export interface TextPaint {
  kind: 'text';
  stack: readonly Font[];
  size: number;
  /** Extra pixels between characters. */
  tracking: number;
  lines: { text: string; x: number; y: number }[];
  fill: string;
}

export type Paint = RectPaint | TextPaint;

export interface CardScene {
  width: number;
  height: number;
  /** Painted in order, the first over nothing. */
  paints: Paint[];
  /** Where the renderer places the hero photo, when there is one. */
  hero: { left: number; top: number; width: number; height: number } | undefined;
  /** Letters of the title the bundled fonts cannot draw; when any, the card leaves the title out. */
  missing: string[];
  /** What the card says, for an accessible name. */
  label: string;
}

/** The card's fixed colours: paper and ink as on the site, text colours checked for AA contrast on the paper. */
export const PAPER = '#fbfaf6';
export const INK = '#16150f';
export const MUTED = '#57544c';
export const RULE = '#d8d3c6';

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

const rect = (x: number, y: number, width: number, height: number, fill: string): RectPaint => ({ kind: 'rect', x, y, width, height, fill });
const text = (stack: readonly Font[], size: number, fill: string, lines: TextPaint['lines'], tracking = 0): TextPaint => ({ kind: 'text', stack, size, tracking, lines, fill });

export function cardScene(input: CardInput, fonts: CardFonts): CardScene {
  const colours = cardColours(input.accent);
  const heroLeft = CARD_WIDTH - HERO_WIDTH;
  const right = input.hero ? heroLeft - 56 : CARD_WIDTH - MARGIN;
  const width = right - MARGIN;
  const paints: Paint[] = [];

  // Paper, the accent bar across the top of the text column, the masthead and its rule.
  paints.push(rect(0, 0, CARD_WIDTH, CARD_HEIGHT, colours.paper));
  paints.push(rect(0, 0, input.hero ? heroLeft : CARD_WIDTH, 12, colours.brand));
  const siteName = fitWithEllipsis(fonts.serifBold, drawableText(fonts.serifBold, input.siteName), 40, width);
  paints.push(text(fonts.serifBold, 40, colours.ink, [{ text: siteName, x: MARGIN, y: 100 }]));
  paints.push(rect(MARGIN, 128, width, 3, colours.ink));

  // A title the fonts cannot draw in full (CJK, Arabic, Hebrew...) is left out rather than
  // shown with letters missing: the category, set large, takes the headline's place.
  const missing = missingLetters(fonts.serifBold, input.title);
  const headline = missing.length ? input.category : input.title;

  // Category kicker: uppercase, tracked, in the readable accent (above a title only).
  const kickerTracking = 2;
  const kicker = fitWithEllipsis(fonts.sansBold, drawableText(fonts.sansBold, input.category.toLocaleUpperCase('en')), 22, width, kickerTracking);
  if (!missing.length) paints.push(text(fonts.sansBold, 22, colours.kicker, [{ text: kicker, x: MARGIN, y: 188 }], kickerTracking));

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
  const lines = title.lines.map((line, i) => ({ text: line, x: MARGIN, y: firstBaseline + i * title.leading }));
  paints.push(text(fonts.serifBold, title.size, missing.length ? colours.kicker : colours.ink, lines));

  // Footer: a hairline, the date in ink and the byline in muted ink.
  paints.push(rect(MARGIN, 546, width, 1, colours.rule));
  const metaSize = 24;
  const date = formatDate(input.date, input.language ?? 'en', { timeZone: input.timeZone });
  paints.push(text(fonts.sansMedium, metaSize, colours.ink, [{ text: date, x: MARGIN, y: 592 }]));
  const names = drawableText(fonts.sansMedium, joinNames(input.authors.map((n) => drawableText(fonts.sansMedium, n)).filter(Boolean)));
  if (names) {
    const dateRight = MARGIN + measure(fonts.sansMedium, date, metaSize);
    const bylineX = dateRight + 36;
    const byline = fitWithEllipsis(fonts.sansMedium, `By ${names}`, metaSize, right - bylineX);
    // The separator sits between whole pixels of the SVG's one-decimal coordinates: rounded here so both outputs agree.
    paints.push(rect(Math.round((dateRight + 17) * 10) / 10, 573, 2, 24, colours.rule));
    paints.push(text(fonts.sansMedium, metaSize, colours.muted, [{ text: byline, x: bylineX, y: 592 }]));
  }

  const hero = input.hero ? { left: heroLeft, top: 0, width: HERO_WIDTH, height: CARD_HEIGHT } : undefined;
  return { width: CARD_WIDTH, height: CARD_HEIGHT, paints, hero, missing, label: `${input.title} (${input.siteName})` };
}
