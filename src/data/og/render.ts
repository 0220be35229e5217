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
 * FIGURES
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
