/**
 * One card: the SVG from src/lib/og, rasterised by sharp, the hero photo
 * composited into its panel, then quantised to a palette so cards stay small.
 * Runs in a card worker (worker.ts), or in the build process when workers are unavailable.
 */
import sharp from 'sharp';
import type { CardFontFamilies } from '../../lib/og/fonts.ts';
import { cardSvg, type CardInput } from '../../lib/og/template.ts';

/**
 * Encoder settings: a 256-colour palette without dithering, fastest quantiser effort.
 * Measured with `npm run -s bench:cards -- --n 30` (CPU ms per card, whole pipeline less the
 * hero resize; cards with a hero use the sample site's photos; machine shared, 1-min load 5-7):
 *
 *   route                          plain card        hero card      largest
 *   palette effort 4, dither 0.8   61 ms, 18 KiB    145 ms, 102 KiB  128 KiB  (before)
 *   palette effort 1, dither 0     32 ms, 16 KiB     85 ms,  74 KiB  100 KiB  (this)
 *   truecolour, zlib 6             21 ms, 55 KiB     41 ms, 209 KiB  305 KiB
 *
 * Dithering was most of the cost (and made photos bigger: its noise compresses badly). Without
 * it, flat colours and anti-aliased text look the same side by side, and neither the sample
 * heroes nor a synthetic grainy sunset gradient showed banding at card size. Effort 1-3 cost
 * and weigh the same at dither 0. Truecolour is cheaper still, but triples a plain card and
 * makes hero cards too heavy to deploy by the thousand.
 */
export const PNG_OPTIONS = { palette: true, colours: 256, quality: 90, dither: 0, effort: 1, compressionLevel: 6 } as const;

export interface RenderedCard {
  png: Buffer;
  /** Title letters the fonts could not draw (the card then has no title). */
  missing: string[];
}

export async function renderCard(input: CardInput, families: CardFontFamilies, heroFile?: string | Buffer, png = PNG_OPTIONS): Promise<RenderedCard> {
  const fonts = await families.fontsFor({ serif: `${input.siteName}${input.title}${input.category}`, sans: `${input.category}${input.authors.join('')}By 0123456789,` });
  const { svg, hero, missing } = cardSvg({ ...input, hero: input.hero && heroFile !== undefined }, fonts);
  const composites: { input: Buffer; left: number; top: number }[] = [];
  if (hero && heroFile !== undefined) {
    const photo = await sharp(heroFile)
      .rotate()
      .resize(hero.width, hero.height, { fit: 'cover', position: 'attention' })
      .removeAlpha()
      .toBuffer()
      .catch((error: Error) => {
        // The content check reads only the header: a truncated or corrupt photo fails here.
        throw new Error(`the hero image${typeof heroFile === 'string' ? ` ${heroFile}` : ''} could not be decoded (${error.message})`);
      });
    composites.push({ input: photo, left: hero.left, top: hero.top });
  }
  const out = await sharp(Buffer.from(svg), { density: 72 }).composite(composites).png(png).toBuffer();
  return { png: out, missing };
}
