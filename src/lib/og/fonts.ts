/**
 * The card's fonts: the site's own variable web fonts (npm packages, no system
 * fonts, no network), pinned to static instances at the weights the card uses.
 *
 * fontkit 2.0.4 cannot apply variations to WOFF2 files (getVariation() re-reads
 * the compressed bytes as a TrueType font and fails), so HarfBuzz (subset-font,
 * already used for the web fonts) instances each face at its weight into a
 * plain TrueType font, which fontkit then reads. Loaded lazily, once per process:
 * a build that finds every card in the cache never pays for it.
 */
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type CardFont = fontkit.Font;

export interface CardFonts {
  /** Source Serif 4 Bold: headline and masthead. */
  serifBold: CardFont;
  /** Inter Bold: the category kicker. */
  sansBold: CardFont;
  /** Inter Medium: date and byline. */
  sansMedium: CardFont;
}

const SERIF = '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2';
const SANS = '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2';

/** A static instance of a variable font at `wght`, as a fontkit font. */
export async function instanceAt(file: Buffer, wght: number): Promise<CardFont> {
  const variable = fontkit.create(file) as fontkit.Font;
  const chars = String.fromCodePoint(...variable.characterSet);
  const ttf = await subsetFont(file, chars, { targetFormat: 'sfnt', variationAxes: { wght } });
  return fontkit.create(ttf) as fontkit.Font;
}

let loaded: Promise<CardFonts> | undefined;

/** The three faces, resolved from the project's node_modules (`root`, default the working directory). */
export function loadCardFonts(root = process.cwd()): Promise<CardFonts> {
  return (loaded ??= (async () => {
    const require = createRequire(path.join(root, 'package.json'));
    const serif = readFileSync(require.resolve(SERIF));
    const sans = readFileSync(require.resolve(SANS));
    const [serifBold, sansBold, sansMedium] = await Promise.all([instanceAt(serif, 700), instanceAt(sans, 700), instanceAt(sans, 500)]);
    return { serifBold, sansBold, sansMedium };
  })());
}
