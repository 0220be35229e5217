/** Reads the card fonts (CARD_FONT_FILES) from the project's node_modules: no system fonts, no network. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_FONT_FILES, cardFontFamilies, type CardFontFamilies } from '../../lib/og/fonts.ts';

export function cardFontPaths(root = process.cwd()): { serif: string[]; sans: string[] } {
  const require = createRequire(path.join(root, 'package.json'));
  return { serif: CARD_FONT_FILES.serif.map((f) => require.resolve(f)), sans: CARD_FONT_FILES.sans.map((f) => require.resolve(f)) };
}

let families: CardFontFamilies | undefined;

/** The card font families, read once per process (per worker). */
export function loadCardFontFamilies(root = process.cwd()): CardFontFamilies {
  if (!families) {
    const paths = cardFontPaths(root);
    families = cardFontFamilies({ serif: paths.serif.map((p) => readFileSync(p)), sans: paths.sans.map((p) => readFileSync(p)) });
  }
  return families;
}
