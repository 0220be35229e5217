/**
 * Putting a hero card together as one indexed image: sharp's palette PNG read
 * back (decodeIndexedPng, every row filter), palettes compacted, cut to the
 * room left and pasted.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { compactPalette, pasteIndexed, reducePalette } from '../../../src/lib/og/indexed.ts';
import { decodeIndexedPng, encodeIndexedPng } from '../../../src/lib/og/png.ts';
import type { IndexedImage } from '../../../src/lib/og/raster.ts';

const rgbAt = (image: IndexedImage, p: number) => [...image.palette.subarray(image.indices[p]! * 3, image.indices[p]! * 3 + 3)];

/** A photo-like gradient with noise, 64×48. */
async function gradientPhoto(): Promise<Buffer> {
  const raw = Buffer.alloc(64 * 48 * 3);
  for (let y = 0; y < 48; y++) for (let x = 0; x < 64; x++) raw.set([x * 4, y * 5, (x * y + 7 * ((x ^ y) & 7)) % 256], (y * 64 + x) * 3);
  return sharp(raw, { raw: { width: 64, height: 48, channels: 3 } }).png().toBuffer();
}

describe('reading an indexed PNG', () => {
  it("reads sharp's palette PNG to the pixels sharp itself decodes, whatever row filters it used", async () => {
    const photo = await gradientPhoto();
    for (const adaptiveFiltering of [false, true]) {
      const png = await sharp(photo).png({ palette: true, dither: 0, effort: 1, compressionLevel: 6, adaptiveFiltering }).toBuffer();
      const image = decodeIndexedPng(png);
      const raw = await sharp(png).removeAlpha().raw().toBuffer();
      expect([image.width, image.height]).toEqual([64, 48]);
      let wrong = 0;
      for (let p = 0; p < 64 * 48; p++) if (rgbAt(image, p).join() !== [...raw.subarray(p * 3, p * 3 + 3)].join()) wrong++;
      expect(wrong).toBe(0);
    }
  });

  it('reads back what the encoder wrote, with the up filter too', () => {
    const image: IndexedImage = { width: 3, height: 2, palette: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), indices: Uint8Array.from([0, 1, 2, 2, 1, 0]) };
    for (const filter of [0, 2] as const) expect(decodeIndexedPng(encodeIndexedPng(image, { filter }))).toEqual(image);
  });

  it('refuses a PNG that is not 8-bit indexed', async () => {
    const rgb = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#123456' } }).png().toBuffer();
    expect(() => decodeIndexedPng(rgb)).toThrow(/expected an 8-bit indexed PNG.*colour type 2/);
    expect(() => decodeIndexedPng(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
  });
});

describe('palettes', () => {
  const base: IndexedImage = { width: 4, height: 2, palette: Uint8Array.from([10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40]), indices: Uint8Array.from([0, 0, 2, 2, 0, 2, 2, 0]) };

  it('keeps only the entries in use, pixels unchanged', () => {
    const compact = compactPalette(base);
    expect([...compact.palette]).toEqual([10, 10, 10, 30, 30, 30]);
    for (let p = 0; p < 8; p++) expect(rgbAt(compact, p)).toEqual(rgbAt(base, p));
  });

  it('pastes a tile with its palette after the base palette', () => {
    const tile: IndexedImage = { width: 2, height: 1, palette: Uint8Array.from([200, 0, 0, 0, 200, 0]), indices: Uint8Array.from([1, 0]) };
    const out = pasteIndexed(base, tile, 1, 1);
    expect(out.palette.length).toBe(18);
    expect([rgbAt(out, 5), rgbAt(out, 6), rgbAt(out, 4), rgbAt(out, 7)]).toEqual([[0, 200, 0], [200, 0, 0], [10, 10, 10], [10, 10, 10]]);
    expect(() => pasteIndexed(base, tile, 3, 1)).toThrow(/does not fit/);
    expect(() => pasteIndexed({ ...base, palette: new Uint8Array(255 * 3) }, tile, 0, 0)).toThrow(/255 \+ 2 palette entries/);
  });

  it('cuts a palette to the room left by merging the entries that cost least into their nearest neighbours', () => {
    // 6 entries: two pairs of near twins and two distinct colours; the rare twin of each pair goes.
    const palette = Uint8Array.from([0, 0, 0, 2, 0, 0, 250, 250, 250, 250, 248, 250, 255, 0, 0, 0, 0, 255]);
    const indices = Uint8Array.from([0, 0, 0, 1, 2, 2, 2, 3, 4, 5]);
    const out = reducePalette({ width: 10, height: 1, palette, indices }, 4);
    expect(out.palette.length / 3).toBe(4);
    expect([...Array(10).keys()].map((p) => rgbAt(out, p).join(' '))).toEqual(['0 0 0', '0 0 0', '0 0 0', '0 0 0', '250 250 250', '250 250 250', '250 250 250', '250 250 250', '255 0 0', '0 0 255']);
    expect(reducePalette(out, 4)).toBe(out);
  });
});
