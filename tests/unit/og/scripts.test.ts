import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { loadCardFontFamilies } from '../../../src/data/og/font-files.ts';
import { renderCard } from '../../../src/data/og/render.ts';
import { unusedEntries } from '../../../src/lib/og/cache.ts';
import { missingLetters } from '../../../src/lib/og/layout.ts';
import { cardSvg, type CardInput } from '../../../src/lib/og/template.ts';

const base: CardInput = {
  siteName: 'Broadsheet',
  accent: '#b4232a',
  category: 'Chips & Compute',
  title: 'placeholder',
  date: new Date('2026-03-10T00:00:00Z'),
  authors: ['Ada Quill'],
  hero: false,
};

/** The headline's path data: the <path> filled with ink (title) or the kicker colour (category standing in). */
async function card(title: string) {
  const families = loadCardFontFamilies();
  const fonts = await families.fontsFor({ serif: `${base.siteName}${title}${base.category}`, sans: `${base.category}${base.authors.join('')}By 0123456789,` });
  return { ...cardSvg({ ...base, title }, fonts), fonts };
}

describe('social cards with titles beyond latin', () => {
  it('draws Cyrillic, Greek and Vietnamese titles in full with the family\'s own subsets', async () => {
    for (const title of ['Нейросети дешевеют быстрее, чем чипы', 'Τα μοντέλα γίνονται φθηνότερα', 'Mô hình mở rộng ở Việt Nam']) {
      const { svg, missing, fonts } = await card(title);
      expect(missing, title).toEqual([]);
      expect(XMLValidator.validate(svg)).toBe(true);
      // The stack grew beyond the latin subset, and every letter has a glyph in it.
      expect(fonts.serifBold.length, title).toBeGreaterThan(1);
      expect(missingLetters(fonts.serifBold, title)).toEqual([]);
      // The headline is drawn: the ink-filled path is long, not empty.
      const ink = [...svg.matchAll(/<path fill="#16150f" d="([^"]*)"/g)].map((m) => m[1]!);
      expect(ink.some((d) => d.length > 2000), title).toBe(true);
    }
  }, 60_000);

  it('leaves out a CJK, Arabic or Hebrew title (no half-drawn headline) and reports the letters', async () => {
    const drawable = await card('Nvidia ships a new chip today');
    expect(drawable.missing).toEqual([]);
    for (const [title, sample] of [['英伟达发布新一代推理芯片', '英'], ['الذكاء الاصطناعي في الشرق الأوسط', 'ا'], ['בינה מלאכותית בישראל', 'ב'], ['Nvidia ships 新芯片 today', '新']] as const) {
      const { svg, missing } = await card(title);
      expect(missing, title).toContain(sample);
      expect(XMLValidator.validate(svg)).toBe(true);
      // The headline is not drawn in ink: the category stands in, in the kicker colour, and the small kicker goes.
      const ink = (svg: string) => svg.match(/<path fill="#16150f"/g)?.length ?? 0;
      expect(ink(svg), title).toBe(ink(drawable.svg) - 1);
      expect(svg.match(/<path /g)!.length, title).toBe(drawable.svg.match(/<path /g)!.length - 1);
      // The title still names the image for assistive technology.
      expect(svg).toContain(`aria-label="${title} (Broadsheet)"`);
    }
  }, 60_000);

  it('renders such cards to valid PNGs', async () => {
    const { png, missing } = await renderCard({ ...base, title: 'Нейросети: 英伟达' }, loadCardFontFamilies());
    expect(missing).toEqual(['英', '伟', '达']);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  }, 60_000);
});

describe('card cache pruning', () => {
  it('lists only card files that no article uses', () => {
    const used = new Set(['aaaaaaaaaaaaaaaaaaaaaaaa']);
    const files = ['aaaaaaaaaaaaaaaaaaaaaaaa.png', 'bbbbbbbbbbbbbbbbbbbbbbbb.png', 'bbbbbbbbbbbbbbbbbbbbbbbb.png.123.tmp', 'README'];
    expect(unusedEntries(files, used)).toEqual(['bbbbbbbbbbbbbbbbbbbbbbbb.png']);
  });
});
