/**
 * The indexed PNG encoder, checked by decoding its output with sharp (libspng)
 * and comparing every pixel with the image it was given; and the card renderer
 * built on it.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inflateSync } from 'node:zlib';
import { loadCardFontFamilies } from '../../../src/data/og/font-files.ts';
import path from 'node:path';
import { CARD_PNG, renderCard, renderCardImage } from '../../../src/data/og/render.ts';
import { encodeIndexedPng } from '../../../src/lib/og/png.ts';
import type { IndexedImage } from '../../../src/lib/og/raster.ts';

/** A deterministic test image: a palette of `entries` colours and a pattern of indices with flat runs and noise. */
function testImage(width: number, height: number, entries: number): IndexedImage {
  const palette = new Uint8Array(entries * 3).map((_, i) => (i * 97 + 13) % 256);
  let seed = 7;
  const indices = new Uint8Array(width * height).map((_, p) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return p % width < width / 2 ? (p / width) % entries : seed % entries;
  });
  return { width, height, palette, indices };
}

async function decoded(png: Buffer): Promise<{ pixels: Buffer; channels: number; isPalette: boolean; width: number; height: number }> {
  const meta = await sharp(png).metadata();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { pixels: data, channels: info.channels, isPalette: meta.isPalette, width: info.width, height: info.height };
}

function expectSamePixels(image: IndexedImage, pixels: Buffer, channels: number): void {
  let wrong = 0;
  for (let p = 0; p < image.indices.length; p++) {
    for (let c = 0; c < 3; c++) if (pixels[p * channels + c] !== image.palette[image.indices[p]! * 3 + c]) wrong++;
  }
  expect(wrong).toBe(0);
}

describe('indexed PNG encoder', () => {
  for (const [filter, level] of [[0, 6], [1, 6], [2, 6], [0, 1], [1, 1], [0, 9]] as const) {
    it(`writes a palette PNG that decodes to the same pixels (filter ${filter}, zlib ${level})`, async () => {
      const image = testImage(37, 23, 200);
      const png = encodeIndexedPng(image, { filter, level });
      const out = await decoded(png);
      expect([out.width, out.height, out.isPalette, out.channels]).toEqual([37, 23, true, 3]);
      expectSamePixels(image, out.pixels, out.channels);
    });
  }

  it('writes the chunks in order with their CRCs, one IDAT of filtered rows', () => {
    const image = testImage(5, 3, 4);
    const png = encodeIndexedPng(image, { filter: 2 });
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([...chunks[0]!.data.subarray(8)]).toEqual([8, 3, 0, 0, 0]);
    expect(chunks[1]!.data.length).toBe(12);
    const rows = inflateSync(chunks[2]!.data);
    expect(rows.length).toBe(3 * 6);
    expect([rows[0], rows[6], rows[12]]).toEqual([2, 2, 2]);
  });

  it('refuses a palette PNG cannot hold and indices that do not fit the size', () => {
    expect(() => encodeIndexedPng({ ...testImage(2, 2, 4), palette: new Uint8Array(257 * 3) })).toThrow(/1-256 RGB entries/);
    expect(() => encodeIndexedPng({ ...testImage(2, 2, 4), indices: new Uint8Array(3) })).toThrow(/expected 4 pixel indices/);
  });
});

describe('rendered cards', () => {
  const input = { siteName: 'Broadsheet', accent: '#1d5fa8', category: 'Policy', title: 'Regulators open a review of cloud pricing', date: new Date('2026-05-02T00:00:00Z'), authors: ['Ada Quill'], hero: false };

  it('writes a plain card as a valid 1200×630 palette PNG', async () => {
    const { png } = await renderCard(input, loadCardFontFamilies());
    const out = await decoded(png);
    expect([out.width, out.height, out.isPalette]).toEqual([1200, 630, true]);
    // Paper in the empty middle of the card, the accent bar across the top.
    expect([...out.pixels.subarray((400 * 1200 + 900) * 3, (400 * 1200 + 900) * 3 + 3)]).toEqual([0xfb, 0xfa, 0xf6]);
    expect([...out.pixels.subarray((5 * 1200 + 600) * 3, (5 * 1200 + 600) * 3 + 3)]).toEqual([0x1d, 0x5f, 0xa8]);
  }, 30_000);

  it('composites the hero photo into its panel, beside the drawn text', async () => {
    const photo = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#2e8b57' } }).jpeg({ quality: 95 }).toBuffer();
    const { png } = await renderCard({ ...input, hero: true }, loadCardFontFamilies(), photo);
    const out = await decoded(png);
    expect([out.width, out.height]).toEqual([1200, 630]);
    const at = (x: number, y: number) => [...out.pixels.subarray((y * 1200 + x) * out.channels, (y * 1200 + x) * out.channels + 3)];
    for (const [r, g, b] of [at(1000, 300), at(770, 10)]) expect(Math.abs(r! - 0x2e) + Math.abs(g! - 0x8b) + Math.abs(b! - 0x57)).toBeLessThan(12);
    // The text side keeps its exact colours: only the photo's palette is searched for.
    expect(at(700, 400)).toEqual([0xfb, 0xfa, 0xf6]);
    expect(at(600, 5)).toEqual([0x1d, 0x5f, 0xa8]);
    expect(out.isPalette).toBe(true);
    expect(png.length).toBeLessThan(100 * 1024);
  }, 30_000);
});

describe('the card encoder settings', () => {
  const families = loadCardFontFamilies();
  const input = { siteName: 'Broadsheet', accent: '#b4232a', category: 'Chips & Compute', title: 'Sparse experts reach a trillion parameters as memory makers race', date: new Date('2026-05-02T00:00:00Z'), authors: ['Ada Quill', 'Bo Lindgren'], hero: false };
  const hero = path.resolve(import.meta.dirname, '../../fixtures/site/content/articles/full-feature/hero.jpg');

  // The settings cards were written with before the cheaper encode: the pixels must not change.
  const BEFORE = { level: 6, filter: 0 } as const;
  for (const kind of ['plain', 'hero'] as const) {
    it(`decodes a real ${kind} card to the same pixels as the earlier zlib 6 encode`, async () => {
      const card = await renderCardImage({ ...input, hero: kind === 'hero' }, families, kind === 'hero' ? hero : undefined);
      const { image } = card;
      expect(card.kind).toBe(kind);
      const now = await decoded(encodeIndexedPng(image, CARD_PNG[kind]));
      const before = await decoded(encodeIndexedPng(image, BEFORE));
      expect([now.width, now.height, now.isPalette]).toEqual([1200, 630, true]);
      expect(now.pixels.equals(before.pixels)).toBe(true);
      expectSamePixels(image, now.pixels, now.channels);
      // Written with the card's own settings (renderCard), byte for byte.
      const rendered = await renderCard({ ...input, hero: kind === 'hero' }, families, kind === 'hero' ? hero : undefined);
      expect(rendered.png.equals(encodeIndexedPng(image, CARD_PNG[kind]))).toBe(true);
      expect(rendered.png.length).toBeLessThan(kind === 'hero' ? 100 * 1024 : 40 * 1024);
    }, 30_000);
  }
});
