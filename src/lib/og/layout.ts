/**
 * Text measurement and headline wrapping for social cards, with the real glyph
 * advances (and kerning) of the fonts that draw them. A font stack is tried in
 * order for each character (the latin subset, then the family's other
 * subsets); characters no font has a glyph for (emoji, scripts the bundled
 * fonts lack) and control characters are dropped, never drawn as boxes.
 */
import type { Font, GlyphRun } from 'fontkit';

/** The part of a fontkit font layout needs (a real fontkit font in production). */
export type MeasureFont = Pick<Font, 'layout' | 'unitsPerEm' | 'hasGlyphForCodePoint'>;
/** One font, or fonts in fallback order. */
export type FontStack = MeasureFont | readonly MeasureFont[];

const fontsOf = (stack: FontStack): readonly MeasureFont[] => (Array.isArray(stack) ? stack : [stack as MeasureFont]);

export interface TextRun<F extends MeasureFont = MeasureFont> {
  font: F;
  text: string;
}

/** `text` split into runs, each drawn by the first font of the stack that has its glyphs; spaces stay in the current run. */
export function textRuns<F extends MeasureFont>(stack: F | readonly F[], text: string): TextRun<F>[] {
  const fonts = fontsOf(stack) as readonly F[];
  const runs: TextRun<F>[] = [];
  for (const ch of text) {
    const current = runs.at(-1);
    const font = /\s/u.test(ch) && current ? current.font : (fonts.find((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!)) ?? fonts[0]!);
    if (current && current.font === font) current.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

const hasGlyph = (stack: FontStack, ch: string) => fontsOf(stack).some((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));

/** `text` reduced to what `stack` can draw: NFC, no control or format characters, no missing glyphs, single spaces. */
export function drawableText(stack: FontStack, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (/\s/u.test(ch)) out += ' ';
    else if (/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(ch)) continue;
    else if (hasGlyph(stack, ch)) out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * The letters and digits of `text` that no font of the stack can draw (CJK,
 * Arabic, Hebrew... with the bundled fonts). Dropping emoji loses decoration;
 * dropping letters changes what a headline says, so the card then leaves the
 * title out instead (see cardSvg).
 */
export function missingLetters(stack: FontStack, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text.normalize('NFC')) if (/[\p{L}\p{N}]/u.test(ch) && !hasGlyph(stack, ch)) missing.add(ch);
  return [...missing];
}

/**
 * `text` shaped by one font (fontkit's layout: kerning, ligatures), with its
 * advance (font units) and drawn-glyph count. Shaping is most of a card's layout
 * time: wrapTitle measures the same candidate lines at every size it tries (the
 * shaping does not depend on the size), and the lines it keeps are shaped again
 * to be drawn, so each font remembers its recent answers. Same input, same run.
 */
export interface ShapedText {
  run: Pick<GlyphRun, 'glyphs' | 'positions'>;
  units: number;
  glyphs: number;
}
const shaped = new WeakMap<MeasureFont, Map<string, ShapedText>>();
const SHAPED_PER_FONT = 4096;

export function shape(font: MeasureFont, text: string): ShapedText {
  let known = shaped.get(font);
  if (!known) shaped.set(font, (known = new Map()));
  const hit = known.get(text);
  if (hit) return hit;
  const run = font.layout(text);
  let units = 0;
  let glyphs = 0;
  run.glyphs.forEach((g, i) => {
    if (g.id === 0) return;
    units += run.positions[i]!.xAdvance;
    glyphs++;
  });
  // Bounded: a worker renders thousands of cards with the same fonts.
  if (known.size >= SHAPED_PER_FONT) known.clear();
  const result = { run: { glyphs: run.glyphs, positions: run.positions }, units, glyphs };
  known.set(text, result);
  return result;
}

/** Width in pixels of `text` at `size`, plus `tracking` pixels between characters. */
export function measure(stack: FontStack, text: string, size: number, tracking = 0): number {
  if (!text) return 0;
  let width = 0;
  let glyphs = 0;
  for (const { font, text: part } of textRuns(stack, text)) {
    const run = shape(font, part);
    glyphs += run.glyphs;
    width += (run.units * size) / font.unitsPerEm;
  }
  return width + tracking * Math.max(0, glyphs - 1);
}

/** Greedy line breaking at spaces; a word wider than the line is broken between characters. */
export function wrap(font: FontStack, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(font, candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (measure(font, word, size) <= maxWidth) {
      line = word;
      continue;
    }
    for (const ch of word) {
      if (line && measure(font, line + ch, size) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` cut to fit `maxWidth`, ending in an ellipsis when anything was cut. */
export function fitWithEllipsis(font: FontStack, text: string, size: number, maxWidth: number, tracking = 0): string {
  if (measure(font, text, size, tracking) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0) {
    chars.pop();
    const candidate = `${chars.join('').trimEnd().replace(/[\s,;:–—-]+$/u, '')}…`;
    if (measure(font, candidate, size, tracking) <= maxWidth) return candidate;
  }
  return '';
}

export interface WrapOptions {
  maxWidth: number;
  /** Height available to the headline; lines × size × lineHeight must fit. */
  maxHeight: number;
  maxLines: number;
  /** Largest and smallest font size tried, and the step between them. */
  maxSize: number;
  minSize: number;
  step?: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

export interface WrappedTitle {
  size: number;
  lines: string[];
  /** Baseline-to-baseline distance in pixels. */
  leading: number;
  /** True when the title did not fit in maxLines at minSize and was cut with an ellipsis. */
  truncated: boolean;
}

/**
 * The largest size (from maxSize down to minSize) at which the title fits in
 * maxLines within maxHeight; at minSize, the last line is cut with an ellipsis.
 */
export function wrapTitle(font: FontStack, title: string, options: WrapOptions): WrappedTitle {
  const text = drawableText(font, title);
  const step = options.step ?? 2;
  const fits = (size: number, count: number) => count <= options.maxLines && count * size * options.lineHeight <= options.maxHeight + size * (options.lineHeight - 1);
  for (let size = options.maxSize; size >= options.minSize; size -= step) {
    const lines = wrap(font, text, size, options.maxWidth);
    if (fits(size, lines.length) || size - step < options.minSize) {
      if (fits(size, lines.length)) return { size, lines, leading: size * options.lineHeight, truncated: false };
      const maxLines = Math.max(1, Math.min(options.maxLines, Math.floor((options.maxHeight + size * (options.lineHeight - 1)) / (size * options.lineHeight))));
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = fitWithEllipsis(font, `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`.trim(), size, options.maxWidth);
      return { size, lines: kept, leading: size * options.lineHeight, truncated: true };
    }
  }
  return { size: options.minSize, lines: [], leading: options.minSize * options.lineHeight, truncated: false };
}
