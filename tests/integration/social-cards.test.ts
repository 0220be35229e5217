import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { jsonLd, page } from '../support/dom.ts';

const out = inject('siteOut');
const card = (slug: string) => path.join(out, 'og', `${slug}.png`);

/** The built card is a whole, valid 1200×630 palette PNG: sharp decodes every pixel (a broken chunk or short IDAT throws). */
async function expectCard(slug: string): Promise<Buffer> {
  expect(existsSync(card(slug)), `dist/og/${slug}.png`).toBe(true);
  const meta = await sharp(readFileSync(card(slug))).metadata();
  expect([meta.format, meta.width, meta.height, meta.isPalette]).toEqual(['png', 1200, 630, true]);
  expect(statSync(card(slug)).size).toBeLessThan(150 * 1024);
  const { data, info } = await sharp(readFileSync(card(slug))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height, data.length]).toEqual([1200, 630, 1200 * 630 * 3]);
  return data;
}
const rgbAt = (pixels: Buffer, x: number, y: number) => [...pixels.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3)];
const PAPER = [0xfb, 0xfa, 0xf6];

describe('social cards', () => {
  it('writes a 1200×630 PNG under 150 KB for the full-feature article, its hero in the right-hand panel', async () => {
    const pixels = await expectCard('full-feature');
    // The text side keeps the card's exact paper; the panel holds the photo, not paper.
    expect(rgbAt(pixels, 700, 400)).toEqual(PAPER);
    const panel = [0, 100, 200, 300, 400, 500, 600].map((y) => rgbAt(pixels, 1000, y).join());
    expect(panel.filter((c) => c === PAPER.join()).length).toBeLessThan(panel.length);
  });

  it('uses the card as og:image, twitter:image and the first JSON-LD image, the hero second', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
    const url = 'https://broadsheet.example.com/og/full-feature.png';
    expect(meta('meta[property="og:image"]')).toBe(url);
    expect(meta('meta[name="twitter:image"]')).toBe(url);
    expect(meta('meta[property="og:image:width"]')).toBe('1200');
    expect(meta('meta[property="og:image:height"]')).toBe('630');
    expect(meta('meta[property="og:image:alt"]')).toBe('Sparse experts reach a trillion parameters');
    const images = jsonLd(doc)[0]!['image'] as [string, { '@type': string; url: string }];
    expect(images[0]).toBe(url);
    // The hero has a caption and credit, so it is an ImageObject carrying them (tests/integration/reader-pages.test.ts).
    const hero = images[1]['url'];
    expect(hero).toMatch(/^https:\/\/broadsheet\.example\.com\/_astro\/.+\.jpe?g$/);
    expect(existsSync(path.join(out, new URL(hero).pathname))).toBe(true);
  });

  it('gives articles without a hero a card and a single JSON-LD image', async () => {
    const pixels = await expectCard('plain-markdown');
    expect(rgbAt(pixels, 1000, 400)).toEqual(PAPER);
    // Ink somewhere along the headline's first line (y 214-290), anti-aliased edges beside it.
    const row = Array.from({ length: 1056 }, (_, i) => rgbAt(pixels, 72 + i, 262)[0]!);
    expect(Math.min(...row)).toBeLessThan(60);
    expect(row.some((v) => v > 60 && v < 200)).toBe(true);
    expect(jsonLd(page(out, 'articles/plain-markdown/index.html'))[0]!['image']).toEqual(['https://broadsheet.example.com/og/plain-markdown.png']);
  });

  it('still draws a card for the hostile article (markup, control characters, emoji, RTL)', async () => {
    await expectCard('hostile-article');
    const doc = page(out, 'articles/hostile-article/index.html');
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe('https://broadsheet.example.com/og/hostile-article.png');
  });

  it('draws no card for drafts and scheduled articles', () => {
    expect(existsSync(card('draft-article'))).toBe(false);
    expect(existsSync(card('scheduled-article'))).toBe(false);
  });
});
