/**
 * Indexed images put together without going through RGB: a card with a hero
 * photo is the drawn text side (its palette made, raster.ts) with the photo,
 * quantised by sharp to the palette entries left over, pasted into its panel.
 */
import type { IndexedImage } from './raster.ts';

/** The image with only the palette entries its pixels use, in their first order. */
export function compactPalette(image: IndexedImage): IndexedImage {
  const used = new Uint8Array(256);
  for (let p = 0; p < image.indices.length; p++) used[image.indices[p]!] = 1;
  const remap = new Uint8Array(256);
  const palette: number[] = [];
  for (let i = 0; i < image.palette.length / 3; i++) {
    if (!used[i]) continue;
    remap[i] = palette.length / 3;
    palette.push(image.palette[3 * i]!, image.palette[3 * i + 1]!, image.palette[3 * i + 2]!);
  }
  const indices = new Uint8Array(image.indices.length);
  for (let p = 0; p < indices.length; p++) indices[p] = remap[image.indices[p]!]!;
  return { ...image, palette: Uint8Array.from(palette), indices };
}

/** `base` with `tile` over it at (left, top), the tile's palette appended to the base's (256 entries at most). */
export function pasteIndexed(base: IndexedImage, tile: IndexedImage, left: number, top: number): IndexedImage {
  const offset = base.palette.length / 3;
  if (offset + tile.palette.length / 3 > 256) throw new Error(`${offset} + ${tile.palette.length / 3} palette entries do not fit a 256-entry palette`);
  if (left < 0 || top < 0 || left + tile.width > base.width || top + tile.height > base.height) throw new Error(`a ${tile.width}×${tile.height} tile at (${left}, ${top}) does not fit a ${base.width}×${base.height} image`);
  const palette = new Uint8Array(base.palette.length + tile.palette.length);
  palette.set(base.palette, 0);
  palette.set(tile.palette, base.palette.length);
  const indices = Uint8Array.from(base.indices);
  for (let y = 0; y < tile.height; y++) {
    const row = (top + y) * base.width + left;
    for (let x = 0; x < tile.width; x++) indices[row + x] = offset + tile.indices[y * tile.width + x]!;
  }
  return { width: base.width, height: base.height, palette, indices };
}

/**
 * The image with at most `max` palette entries. sharp's quantiser can be asked
 * for 2, 4, 16 or 256 colours only (the PNG bit depth), so a photo that must
 * share the palette with the text side comes with 256: the entries that cost
 * least to lose (pixel count × squared distance to the nearest other entry) are
 * dropped and their pixels take the nearest entry kept.
 */
export function reducePalette(image: IndexedImage, max: number): IndexedImage {
  const entries = image.palette.length / 3;
  if (entries <= max) return image;
  const { palette, indices } = image;
  const count = new Float64Array(entries);
  for (let p = 0; p < indices.length; p++) count[indices[p]!]!++;
  const distance = (a: number, b: number) => {
    const dr = palette[3 * a]! - palette[3 * b]!;
    const dg = palette[3 * a + 1]! - palette[3 * b + 1]!;
    const db = palette[3 * a + 2]! - palette[3 * b + 2]!;
    return dr * dr + dg * dg + db * db;
  };
  const nearest = (a: number, among: readonly number[]) => among.reduce((best, b) => (b !== a && (best < 0 || distance(a, b) < distance(a, best)) ? b : best), -1);
  const all = [...Array(entries).keys()];
  const cost = all.map((a) => (count[a] === 0 ? -1 : count[a]! * distance(a, nearest(a, all))));
  const dropped = new Set([...all].sort((a, b) => cost[a]! - cost[b]! || a - b).slice(0, entries - max));
  const kept = all.filter((a) => !dropped.has(a));
  const remap = new Uint8Array(entries);
  const reduced = new Uint8Array(kept.length * 3);
  kept.forEach((a, i) => {
    remap[a] = i;
    reduced.set(palette.subarray(3 * a, 3 * a + 3), 3 * i);
  });
  for (const a of dropped) remap[a] = remap[nearest(a, kept)]!;
  const out = new Uint8Array(indices.length);
  for (let p = 0; p < out.length; p++) out[p] = remap[indices[p]!]!;
  return { ...image, palette: reduced, indices: out };
}
