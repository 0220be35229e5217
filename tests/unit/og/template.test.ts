import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { contrast } from '../../../src/lib/design/contrast.ts';
import type { CardFonts } from '../../../src/lib/og/fonts.ts';
import { cardKey, type CardKeyParts } from '../../../src/lib/og/cache.ts';
import { loadCardFontFamilies } from '../../../src/data/og/font-files.ts';
import { renderCard } from '../../../src/data/og/render.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardColours, cardSvg, escapeXml, joinNames, MUTED, PAPER, INK, type CardInput } from '../../../src/lib/og/template.ts';

const input: CardInput = {
  siteName: 'Broadsheet',
  accent: '#b4232a',
  category: 'Chips & Compute',
  title: 'Sparse experts reach a trillion parameters',
  date: new Date('2026-03-10T00:00:00Z'),
  authors: ['Ada Quill', 'Bo Lindgren'],
  hero: false,
};
const hostile: CardInput = { ...input, siteName: 'Evil "&" <Co>', title: "Ampersands & </script><script>alert('title')</script> \u0001 ]]> emoji 🚀 עברית", authors: ['<b>Bo</b> "x"'] };

let fonts: CardFonts;
beforeAll(async () => {
  fonts = await loadCardFontFamilies().fontsFor({ serif: `${input.title}${hostile.title}${hostile.siteName}Broadsheet`, sans: 'CHIPS & COMPUTE Ada Quill Bo Lindgren By March 10, 2026 <b>"x"' });
}, 60_000);

describe('card template', () => {
  it('is well-formed SVG of the card size, with glyph paths and no <text>', () => {
    const { svg, hero } = cardSvg(input, fonts);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    expect(root['@_width']).toBe(String(CARD_WIDTH));
    expect(root['@_height']).toBe(String(CARD_HEIGHT));
    expect(svg).not.toMatch(/<text|<tspan|font-family/);
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(5);
    expect(hero).toBeUndefined();
  });
  it('leaves a panel for the hero when there is one', () => {
    const { hero } = cardSvg({ ...input, hero: true }, fonts);
    expect(hero).toEqual({ left: 760, top: 0, width: 440, height: 630 });
  });
  it('escapes attribute text and survives hostile titles, emoji and RTL', () => {
    const { svg } = cardSvg(hostile, fonts);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0001');
    expect(svg).toContain('aria-label="Ampersands &amp; &lt;/script&gt;&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt;');
    expect(escapeXml(`a&b<c>"d"'e'\u0000`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });
  it('takes its colours from the accent, with AA contrast for text on the paper', () => {
    const colours = cardColours('#b4232a');
    expect(colours.brand).toBe('#b4232a');
    for (const text of [colours.kicker, MUTED, INK]) expect(contrast(text, PAPER)).toBeGreaterThanOrEqual(4.5);
    // A pale accent is darkened for the kicker text.
    expect(contrast(cardColours('#ffd84d').kicker, PAPER)).toBeGreaterThanOrEqual(4.5);
    expect(cardSvg({ ...input, accent: '#ffd84d' }, fonts).svg).toContain(`fill="${cardColours('#ffd84d').kicker}"`);
  });
  it('joins author names as a byline', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('renderer and cache key', () => {
  it('renders a small 1200×630 PNG, with and without a hero', async () => {
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    for (const [card, heroFile] of [[hostile, undefined], [{ ...input, hero: true }, photo]] as const) {
      const { png } = await renderCard(card, loadCardFontFamilies(), heroFile);
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
      expect(png.length).toBeLessThan(150 * 1024);
    }
  }, 30_000);
  it('changes the cache key with anything drawn on the card', () => {
    const parts: CardKeyParts = { renderer: 'r1', siteName: 'B', accent: '#b4232a', language: 'en', title: 'T', category: 'C', date: '2026-03-10T00:00:00.000Z', authors: ['A'], hero: Buffer.from('x') };
    const key = cardKey(parts);
    expect(cardKey({ ...parts })).toBe(key);
    for (const change of [{ title: 'U' }, { renderer: 'r2' }, { accent: '#000000' }, { authors: ['A', 'B'] }, { hero: Buffer.from('y') }, { hero: undefined }, { date: '2026-03-11T00:00:00.000Z' }, { category: 'D' }]) {
      expect(cardKey({ ...parts, ...change })).not.toBe(key);
    }
  });
});
