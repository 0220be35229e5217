/**
 * A PNG of an indexed image (colour type 3: PLTE + one palette index per pixel,
 * 8 bits), written by hand: signature, IHDR, PLTE, one IDAT, IEND, each chunk
 * with its CRC; zlib from node:zlib (native, so the deflate is libz itself).
 * No npm encoder was faster: see render.ts for the figures.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { IndexedImage } from './raster.ts';

export interface IndexedPngOptions {
  /** zlib level, 1-9. */
  level?: number;
  /** Row filter for every row: 0 none, 2 up (the PNG spec advises none for palette images). */
  filter?: 0 | 2;
  /** zlib strategy (zlib.constants.Z_*), for measuring; the default suits these images. */
  strategy?: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodeIndexedPng(image: IndexedImage, { level = 6, filter = 0, strategy }: IndexedPngOptions = {}): Buffer {
  const { width, height, palette, indices } = image;
  const entries = palette.length / 3;
  if (!Number.isInteger(entries) || entries < 1 || entries > 256) throw new Error(`a PNG palette holds 1-256 RGB entries, found ${palette.length} bytes`);
  if (indices.length !== width * height) throw new Error(`expected ${width * height} pixel indices, found ${indices.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (indexed), deflate, adaptive filtering, no interlace
  // Each row: its filter byte, then the row (or its difference from the row above).
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (width + 1);
    const row = indices.subarray(y * width, (y + 1) * width);
    rows[at] = filter;
    if (filter === 0 || y === 0) rows.set(row, at + 1);
    else {
      const above = y * width - width;
      for (let x = 0; x < width; x++) rows[at + 1 + x] = (row[x]! - indices[above + x]!) & 0xff;
    }
  }
  const idat = deflateSync(rows, strategy === undefined ? { level } : { level, strategy });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', palette), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}
