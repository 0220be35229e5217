import { beforeAll, describe, expect, it } from 'vitest';
import type { CardFonts } from '../../../src/lib/og/fonts.ts';
import { loadCardFontFamilies } from '../../../src/data/og/font-files.ts';
import { drawableText, fitWithEllipsis, measure, wrap, wrapTitle, type MeasureFont, type WrapOptions } from '../../../src/lib/og/layout.ts';

/** A monospaced stand-in: every glyph is 0.5 em wide; `missing` characters have no glyph. */
function monoFont(missing = ''): MeasureFont {
  const has = (cp: number) => !missing.includes(String.fromCodePoint(cp));
  return {
    unitsPerEm: 1000,
    hasGlyphForCodePoint: has,
    layout: ((text: string) => {
      const chars = [...text];
      return {
        glyphs: chars.map((c) => ({ id: has(c.codePointAt(0)!) ? 1 : 0 })),
        positions: chars.map(() => ({ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 })),
        advanceWidth: chars.length * 500,
      };
    }) as unknown as MeasureFont['layout'],
  };
}

const options: WrapOptions = { maxWidth: 500, maxHeight: 1000, maxLines: 4, maxSize: 40, minSize: 20, lineHeight: 1.1 };

describe('measuring and wrapping', () => {
  const font = monoFont();
  it('measures with the font advances, size and tracking', () => {
    expect(measure(font, 'abcd', 20)).toBe(40);
    expect(measure(font, 'abcd', 20, 2)).toBe(46);
    expect(measure(font, '', 20)).toBe(0);
  });
  it('wraps greedily at spaces within the width', () => {
    expect(wrap(font, 'aaa bbb ccc dddd', 20, 80)).toEqual(['aaa bbb', 'ccc dddd']);
    for (const line of wrap(font, 'one two three four five six seven', 20, 100)) expect(measure(font, line, 20)).toBeLessThanOrEqual(100);
  });
  it('breaks a word longer than the line between characters', () => {
    expect(wrap(font, 'abcdefghij', 20, 40)).toEqual(['abcd', 'efgh', 'ij']);
  });
  it('cuts with an ellipsis only when needed', () => {
    expect(fitWithEllipsis(font, 'short', 20, 100)).toBe('short');
    const cut = fitWithEllipsis(font, 'a rather long line of text', 20, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(font, cut, 20)).toBeLessThanOrEqual(100);
  });
});

describe('wrapTitle', () => {
  const font = monoFont();
  it('keeps the largest size for a short title', () => {
    expect(wrapTitle(font, 'Short title', options)).toMatchObject({ size: 40, lines: ['Short title'], truncated: false });
  });
  it('shrinks long titles until they fit in the line limit', () => {
    const title = 'Sparse experts reach a trillion parameters and the memory bill arrives with them, along with a new kind of router';
    const result = wrapTitle(font, title, options);
    expect(result.size).toBeLessThan(40);
    expect(result.size).toBeGreaterThanOrEqual(20);
    expect(result.lines.length).toBeLessThanOrEqual(4);
    expect(result.lines.join(' ')).toBe(title);
    expect(result.truncated).toBe(false);
    // One step larger would not have fitted.
    expect(wrap(font, title, result.size + 2, 500).length).toBeGreaterThan(4);
  });
  it('never exceeds maxLines: at the smallest size it cuts the last line with an ellipsis', () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const result = wrapTitle(font, title, options);
    expect(result).toMatchObject({ size: 20, truncated: true });
    expect(result.lines).toHaveLength(4);
    expect(result.lines[3]!.endsWith('…')).toBe(true);
    for (const line of result.lines) expect(measure(font, line, 20)).toBeLessThanOrEqual(500);
  });
  it('respects the height as well as the line count', () => {
    const result = wrapTitle(font, 'aaaa bbbb cccc dddd eeee ffff', { ...options, maxWidth: 200, maxHeight: 100 });
    expect(result.lines.length * result.leading).toBeLessThanOrEqual(100 + result.size * 0.1 + 1e-9);
  });
  it('drops characters without glyphs, control characters and extra spaces instead of drawing boxes', () => {
    const font = monoFont('🚀');
    expect(drawableText(font, 'Launch \u0001 🚀  day\u200b\n')).toBe('Launch day');
    expect(wrapTitle(font, '🚀🚀🚀', options).lines).toEqual([]);
  });
});

describe('with the real fonts', () => {
  let fonts: CardFonts;
  beforeAll(async () => {
    fonts = await loadCardFontFamilies().fontsFor({ serif: 'WWWW iiii Ampersands emoji', sans: 'Broadsheet' });
  }, 60_000);
  it('uses real glyph advances: bold is wider than regular text would be, and "W" is wider than "i"', () => {
    expect(measure(fonts.serifBold, 'WWWW', 50)).toBeGreaterThan(measure(fonts.serifBold, 'iiii', 50) * 2);
    expect(measure(fonts.sansBold, 'Broadsheet', 40)).toBeGreaterThan(measure(fonts.sansMedium, 'Broadsheet', 40));
  });
  it('skips emoji and right-to-left text outside the latin subset without crashing', () => {
    const text = drawableText(fonts.serifBold, "Ampersands & </script> \u0001 ]]> emoji 🚀 עברית العربية");
    expect(text).toBe('Ampersands & </script> ]]> emoji');
    const result = wrapTitle(fonts.serifBold, 'emoji 🚀 עברית', options);
    expect(result.lines).toEqual(['emoji']);
  });
});
