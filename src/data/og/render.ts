/**
 * One card: the SVG from src/lib/og, rasterised by sharp, the hero photo
 * composited into its panel, then quantised to a palette so cards stay small.
 * Runs in a card worker (worker.ts), or in the build process when workers are unavailable.
 */
import sharp from 'sharp';
import type { CardFontFamilies } from '../../lib/og/fonts.ts';
import { cardSvg, type CardInput } from '../../lib/og/template.ts';

/**
 * Encoder settings, measured with `npm run -s bench:cards -- --n 30` (the sample site's
 * heroes on every other card; machine loaded, 1-min load 18.9): palette effort 8 / zlib 9
 * took a median 764 ms per card for 31 KiB, effort 4 / zlib 6 took 520 ms for 41 KiB
 * (largest 142 KiB); truecolour was 122 ms but up to 332 KiB, too big for a social card.
 */
export const PNG_OPTIONS = { palette: true, colours: 256, quality: 90, dither: 0.8, effort: 4, compressionLevel: 6 } as const;

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
      .toBuffer();
    composites.push({ input: photo, left: hero.left, top: hero.top });
  }
  const out = await sharp(Buffer.from(svg), { density: 72 }).composite(composites).png(png).toBuffer();
  return { png: out, missing };
}
