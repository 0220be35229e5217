/**
 * PNGs of indexed images (colour type 3: PLTE + one palette index per pixel,
 * 8 bits), written by hand: signature, IHDR, PLTE, one IDAT, IEND, each chunk
 * with its CRC; zlib from node:zlib (native, so the deflate is libz itself).
 * No npm encoder was faster: see render.ts for the figures. And read back: the
 * indices and palette of sharp's palette PNG of a hero photo.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import type { IndexedImage } from './raster.ts';

export interface IndexedPngOptions {
  /** zlib level, 1-9. */
  level?: number;
  /** Row filter for every row: 0 none, 1 sub, 2 up (the PNG spec advises none for palette images). */
  filter?: 0 | 1 | 2;
  /** zlib strategy (zlib.constants.Z_*); zlib's default strategy when absent. */
  strategy?: number;
  /** zlib memLevel, 1-9 (zlib's default 8 when absent). */
  memLevel?: number;
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

export function encodeIndexedPng(image: IndexedImage, { level = 6, filter = 0, strategy, memLevel }: IndexedPngOptions = {}): Buffer {
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
    if (filter === 0 || (filter === 2 && y === 0)) rows.set(row, at + 1);
    else if (filter === 1) {
      rows[at + 1] = row[0]!;
      for (let x = 1; x < width; x++) rows[at + 1 + x] = (row[x]! - row[x - 1]!) & 0xff;
    } else {
      const above = y * width - width;
      for (let x = 0; x < width; x++) rows[at + 1 + x] = (row[x]! - indices[above + x]!) & 0xff;
    }
  }
  const idat = deflateSync(rows, { level, ...(strategy === undefined ? {} : { strategy }), ...(memLevel === undefined ? {} : { memLevel }) });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', palette), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

/**
 * The pixels of an 8-bit indexed PNG (sharp's palette output for a hero photo),
 * so they can join the card's own indexed image. Other PNG kinds are refused:
 * the caller asked sharp for a palette.
 */
export function decodeIndexedPng(png: Uint8Array): IndexedImage {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let palette: Uint8Array | undefined;
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 3 || data[12] !== 0) throw new Error(`expected an 8-bit indexed PNG without interlacing, found bit depth ${data[8]}, colour type ${data[9]}, interlace ${data[12]}`);
    } else if (type === 'PLTE') palette = Uint8Array.from(data);
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!palette || !width || !height) throw new Error('the PNG has no header or no palette');
  const rows = inflateSync(Buffer.concat(idat));
  if (rows.length < (width + 1) * height) throw new Error(`the PNG's image data is short: ${rows.length} bytes for ${width}×${height}`);
  const indices = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) unfilterRow(rows[y * (width + 1)]!, rows.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), indices, y, width);
  return { width, height, palette, indices };
}

/** Undoes one row's filter (one byte per pixel, so the left neighbour is the previous byte). */
function unfilterRow(filter: number, row: Uint8Array, out: Uint8Array, y: number, width: number): void {
  const at = y * width;
  if (filter === 0) {
    out.set(row, at);
    return;
  }
  const up = (x: number) => (y > 0 ? out[at - width + x]! : 0);
  for (let x = 0; x < width; x++) {
    const left = x > 0 ? out[at + x - 1]! : 0;
    let v = row[x]!;
    if (filter === 1) v += left;
    else if (filter === 2) v += up(x);
    else if (filter === 3) v += (left + up(x)) >> 1;
    else if (filter === 4) {
      const a = left;
      const b = up(x);
      const c = x > 0 ? up(x - 1) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    } else if (filter !== 0) throw new Error(`unknown PNG row filter ${filter}`);
    out[at + x] = v & 0xff;
  }
}
