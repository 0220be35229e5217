/** SVG card → PNG with sharp: the hero photo composited into its panel, then a 256-colour palette so cards stay small. */
import sharp from 'sharp';
import type { CardFonts } from './fonts.ts';
import { cardSvg, type CardInput } from './template.ts';

export async function renderCard(input: CardInput, fonts: CardFonts, heroFile?: string | Buffer): Promise<Buffer> {
  const { svg, hero } = cardSvg({ ...input, hero: input.hero && heroFile !== undefined }, fonts);
  const composites: { input: Buffer; left: number; top: number }[] = [];
  if (hero && heroFile !== undefined) {
    const photo = await sharp(heroFile)
      .rotate()
      .resize(hero.width, hero.height, { fit: 'cover', position: 'attention' })
      .removeAlpha()
      .toBuffer();
    composites.push({ input: photo, left: hero.left, top: hero.top });
  }
  return sharp(Buffer.from(svg), { density: 72 })
    .composite(composites)
    .png({ palette: true, colours: 256, quality: 90, dither: 0.8, effort: 8, compressionLevel: 9 })
    .toBuffer();
}
