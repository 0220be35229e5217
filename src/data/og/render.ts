/**
 * One card: its layout (src/lib/og/scene.ts) drawn straight into an indexed
 * image (src/lib/og/raster.ts) and written as a palette PNG (src/lib/og/png.ts):
 * no SVG, no librsvg, no quantiser, as the card's colours are known. A card with
 * a hero photo has the photo composited into its panel by sharp and is then
 * quantised to a palette by sharp, as photos need a searched palette.
 * Runs in a card worker (worker.ts), or in the build process when workers are unavailable.
 *
 * FIGURES
 */
import sharp from 'sharp';
import type { CardFontFamilies } from '../../lib/og/fonts.ts';
import { encodeIndexedPng } from '../../lib/og/png.ts';
import { rasteriseScene, type IndexedImage } from '../../lib/og/raster.ts';
import { cardScene, type CardInput } from '../../lib/og/scene.ts';

/** zlib settings for the plain card's indexed PNG. */
export const INDEXED_PNG = { level: 6, filter: 0 } as const;

/** sharp's encoder for cards with a photo: a 256-colour palette without dithering, fastest quantiser effort. */
export const PNG_OPTIONS = { palette: true, colours: 256, quality: 90, dither: 0, effort: 1, compressionLevel: 6 } as const;

export interface RenderedCard {
  png: Buffer;
  /** Title letters the fonts could not draw (the card then has no title). */
  missing: string[];
}

/** The fonts a card needs: the instanced subsets covering its texts. */
export function fontsForCard(input: CardInput, families: CardFontFamilies) {
  return families.fontsFor({ serif: `${input.siteName}${input.title}${input.category}`, sans: `${input.category}${input.authors.join('')}By 0123456789,` });
}

/** The indexed image as RGB bytes, three per pixel. */
export function expandToRgb({ width, height, palette, indices }: IndexedImage): Buffer {
  const rgb = Buffer.allocUnsafe(width * height * 3);
  for (let p = 0, o = 0; p < indices.length; p++, o += 3) {
    const e = indices[p]! * 3;
    rgb[o] = palette[e]!;
    rgb[o + 1] = palette[e + 1]!;
    rgb[o + 2] = palette[e + 2]!;
  }
  return rgb;
}

async function resizedHero(heroFile: string | Buffer, box: { width: number; height: number }): Promise<Buffer> {
  return sharp(heroFile)
    .rotate()
    .resize(box.width, box.height, { fit: 'cover', position: 'attention' })
    .removeAlpha()
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
  const { hero } = scene;
  const photo = await resizedHero(heroFile, hero);
  const raw = { width: image.width, height: image.height, channels: 3 } as const;
  const png = await sharp(expandToRgb(image), { raw }).composite([{ input: photo, left: hero.left, top: hero.top }]).png(PNG_OPTIONS).toBuffer();
  return { png, missing: scene.missing };
}
