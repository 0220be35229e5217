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
 * filters keeps cards as small as before for about 2 ms more. fast-png 8.0.0 (fflate) took
 * 17-34 ms to encode the same indexed card. For the hero photo, libimagequant at quality 90 took
 * 26 ms against 43-48 ms at full quality (mean difference from the unquantised photo 0.98 and 0.65).
 * In a cold build of 1,000 plain cards (same corpus, /usr/bin/time, load 8): 46.0 s of CPU
 * against 72.3 s on the SVG route, the last card done 41.0 s after planning against 73.8 s.
 */
import sharp from 'sharp';
import type { CardFontFamilies } from '../../lib/og/fonts.ts';
import { compactPalette, pasteIndexed, reducePalette } from '../../lib/og/indexed.ts';
import { decodeIndexedPng, encodeIndexedPng } from '../../lib/og/png.ts';
import { rasteriseScene } from '../../lib/og/raster.ts';
import { cardScene, type CardInput } from '../../lib/og/scene.ts';

/** zlib settings for the plain card's indexed PNG. */
export const INDEXED_PNG = { level: 6, filter: 0 } as const;

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

export async function renderCard(input: CardInput, families: CardFontFamilies, heroFile?: string | Buffer): Promise<RenderedCard> {
  const fonts = await fontsForCard(input, families);
  const scene = cardScene({ ...input, hero: input.hero && heroFile !== undefined }, fonts);
  const image = rasteriseScene(scene);
  if (!scene.hero || heroFile === undefined) return { png: encodeIndexedPng(image, INDEXED_PNG), missing: scene.missing };
  // The text side keeps its own colours; the photo gets the palette entries they leave.
  const text = compactPalette(image);
  const tile = reducePalette(compactPalette(decodeIndexedPng(await heroTile(heroFile, scene.hero))), 256 - text.palette.length / 3);
  return { png: encodeIndexedPng(pasteIndexed(text, tile, scene.hero.left, scene.hero.top), INDEXED_PNG), missing: scene.missing };
}
