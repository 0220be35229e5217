/**
 * One card: its layout (src/lib/og/scene.ts) drawn straight into an indexed
 * image (src/lib/og/raster.ts) and written as a palette PNG (src/lib/og/png.ts):
 * no SVG, no librsvg, no quantiser, as the card's colours are known. A card with
 * a hero photo also needs a searched palette, for the photo only: sharp crops and
 * quantises it, its palette is cut to the entries the text side leaves free
 * (src/lib/og/indexed.ts), and its indices are pasted into the panel, so the
 * whole card is still one indexed image.
 * Runs in a card worker (worker.ts), or in the build process when workers are unavailable.
 *
 * Measured with `npm run -s bench:cards -- --n 40` (CPU ms per card, medians, whole card
 * including the hero's decode and attention crop; sample site's photos; 2 Dec 2026, machine
 * shared, 1-min load 8-10, so read the ratios rather than the absolute figures):
 *
 *   route                                          plain card       hero card   largest
 *   SVG, librsvg, libimagequant on the whole card  34.4 ms 16.3 KiB  142 ms 74 KiB  100 KiB
 *   drawn; hero card as RGB, whole card quantised     -              158 ms 70 KiB
 *   drawn; hero: photo quantised alone (this)      11.9 ms 15.7 KiB   91 ms 56 KiB   79 KiB
 *
 * A plain card's steps: layout 0.7 ms, rasterise 3.2 ms, encode 5.0 ms (the rest is glyph
 * bitmaps drawn for the first time; a worker's cache fills within its first cards). Coverage
 * levels and zlib (rasterise + encode, 12 plain cards, load 10): 16 levels at zlib 6 give 15.7
 * KiB in 5.4 ms; 32 levels 18.1 KiB in 5.5 ms; 8 levels 13.3 KiB (all three look alike beside
 * librsvg at 5x zoom; 16 keeps a 4-bit step between paper and ink on small text). zlib 3 is 3.5
 * ms but 19.9 KiB, the RLE strategy 3.1 ms and 19.2 KiB, the up filter 20.6 KiB: zlib 6 without
 * filters kept cards as small as before for about 2 ms more (the encoder settings now: CARD_PNG below). fast-png 8.0.0 (fflate) took
 * 17-34 ms to encode the same indexed card. For the hero photo, libimagequant at quality 90 took
 * 26 ms against 43-48 ms at full quality (mean difference from the unquantised photo 0.98 and 0.65).
 * In a cold build of 1,000 plain cards (same corpus, /usr/bin/time, load 8): 46.0 s of CPU
 * against 72.3 s on the SVG route, the last card done 41.0 s after planning against 73.8 s.
 */
import sharp from 'sharp';
import { constants } from 'node:zlib';
import type { CardFontFamilies } from '../../lib/og/fonts.ts';
import { compactPalette, pasteIndexed, reducePalette } from '../../lib/og/indexed.ts';
import { decodeIndexedPng, encodeIndexedPng, type IndexedPngOptions } from '../../lib/og/png.ts';
import { rasteriseScene, type IndexedImage } from '../../lib/og/raster.ts';
import { cardScene, type CardInput } from '../../lib/og/scene.ts';

/**
 * zlib settings of the card's indexed PNG, by kind. Measured with `npm run -s bench:cards-png --
 * --repeat 7` (encode only, CPU ms per card, best of 7, medians; 13 hero and 2 plain cards of the
 * sample site, 40 plain cards of the bench corpus; 2 Dec 2026, machine shared, load 5-7; every
 * setting decodes to the same pixels):
 *
 *   setting (no row filter unless said)  hero card        plain, sample    plain, bench corpus
 *   zlib 6 (before)                       8.2 ms 61.7 KiB  4.2 ms 21.5 KiB  4.2 ms 16.2 KiB
 *   zlib 4                                4.3 ms 65.9 KiB  2.9 ms 22.8 KiB  2.4 ms 17.3 KiB
 *   zlib 1                                3.1 ms 77.1 KiB  1.8 ms 29.6 KiB  1.4 ms 22.5 KiB
 *   RLE strategy (any level)              2.6 ms 96.9 KiB  1.1 ms 25.3 KiB  0.9 ms 19.0 KiB
 *   zlib 1, RLE, filter up                3.0 ms 70.4 KiB  2.0 ms 27.7 KiB  1.9 ms 20.9 KiB
 *   zlib 6, filter sub / up               8.3 / 9.2 ms, 69.6 / 73.0 KiB (larger and no faster)
 *   zlib 1, memLevel 9                    as zlib 1 within the noise
 *
 * A plain card is long runs of paper and ink: run-length matching alone is 4x cheaper than
 * zlib 6 and only 17% larger (a 1,000-card build spends some 3 s less CPU on it), and cheaper and
 * smaller than zlib 1. A photo's indices have few runs, so RLE grows a hero card by 57%: there
 * zlib 4 halves the encode for 7% more bytes (the card's photo crop and quantising by sharp cost
 * some 60 ms, so a faster, larger encode would save little).
 */
export const CARD_PNG = {
  plain: { level: 1, strategy: constants.Z_RLE, filter: 0 },
  hero: { level: 4, filter: 0 },
} as const satisfies Record<'plain' | 'hero', IndexedPngOptions>;

/**
 * sharp's palette for the hero photo alone: quality 90 (libimagequant stops adding colours
 * there, as the whole-card palette did before), no dithering, fastest effort, and no
 * compression (the PNG is only read back, by decodeIndexedPng).
 */
export const HERO_PALETTE = { palette: true, quality: 90, dither: 0, effort: 1, compressionLevel: 0 } as const;

export interface RenderedCard {
  png: Buffer;
  /** Title letters the fonts could not draw (the card then has no title). */
  missing: string[];
}

/** The fonts a card needs: the instanced subsets covering its texts. */
export function fontsForCard(input: CardInput, families: CardFontFamilies) {
  return families.fontsFor({ serif: `${input.siteName}${input.title}${input.category}`, sans: `${input.category}${input.authors.join('')}By 0123456789,` });
}

/** The photo cropped and resized to the panel, as sharp's palette PNG (256 colours). */
async function heroTile(heroFile: string | Buffer, box: { width: number; height: number }): Promise<Buffer> {
  return sharp(heroFile)
    .rotate()
    .resize(box.width, box.height, { fit: 'cover', position: 'attention' })
    .removeAlpha()
    .png(HERO_PALETTE)
    .toBuffer()
    .catch((error: Error) => {
      // The content check reads only the header: a truncated or corrupt photo fails here.
      throw new Error(`the hero image${typeof heroFile === 'string' ? ` ${heroFile}` : ''} could not be decoded (${error.message})`);
    });
}

/** The whole card as one indexed image, before encoding (the bench and tests compare encoders on it). */
export async function renderCardImage(input: CardInput, families: CardFontFamilies, heroFile?: string | Buffer): Promise<{ image: IndexedImage; kind: keyof typeof CARD_PNG; missing: string[] }> {
  const fonts = await fontsForCard(input, families);
  const scene = cardScene({ ...input, hero: input.hero && heroFile !== undefined }, fonts);
  const image = rasteriseScene(scene);
  if (!scene.hero || heroFile === undefined) return { image, kind: 'plain', missing: scene.missing };
  // The text side keeps its own colours; the photo gets the palette entries they leave.
  const text = compactPalette(image);
  const tile = reducePalette(compactPalette(decodeIndexedPng(await heroTile(heroFile, scene.hero))), 256 - text.palette.length / 3);
  return { image: pasteIndexed(text, tile, scene.hero.left, scene.hero.top), kind: 'hero', missing: scene.missing };
}

export async function renderCard(input: CardInput, families: CardFontFamilies, heroFile?: string | Buffer): Promise<RenderedCard> {
  const { image, kind, missing } = await renderCardImage(input, families, heroFile);
  return { png: encodeIndexedPng(image, CARD_PNG[kind]), missing };
}
