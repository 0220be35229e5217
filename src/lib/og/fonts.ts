/**
 * The card's fonts: the site's own variable web fonts (npm packages, no system
 * fonts, no network), as stacks: the latin subset first, then the family's
 * other subsets (latin-ext, cyrillic, greek, vietnamese), so a Cyrillic or
 * Vietnamese title is drawn in the same typeface. Pure: the caller reads the
 * font files (src/data/og/) and passes their bytes.
 *
 * fontkit 2.0.4 cannot apply variations to WOFF2 files (getVariation() re-reads
 * the compressed bytes as a TrueType font and fails), so HarfBuzz (subset-font,
 * already used for the web fonts) instances each subset at its weight into a
 * plain TrueType font, which fontkit then reads. Instancing is lazy and
 * memoised: a subset is instanced the first time a card needs one of its
 * characters, so an all-latin site pays for three instances only.
 */
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import type { MeasureFont } from './layout.ts';

export type CardFont = fontkit.Font;

export interface CardFonts {
  /** Source Serif 4 Bold: headline and masthead. */
  serifBold: CardFont[];
  /** Inter Bold: the category kicker. */
  sansBold: CardFont[];
  /** Inter Medium: date and byline. */
  sansMedium: CardFont[];
}

/** The font files, as package paths; subsets in fallback order (latin first). */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];
export const CARD_FONT_FILES = {
  serif: SUBSETS.filter((s) => s !== 'greek-ext').map((s) => `@fontsource-variable/source-serif-4/files/source-serif-4-${s}-wght-normal.woff2`),
  sans: SUBSETS.map((s) => `@fontsource-variable/inter/files/inter-${s}-wght-normal.woff2`),
};

/** A static instance of a variable font at `wght`, as a fontkit font. */
export async function instanceAt(file: Buffer, wght: number): Promise<CardFont> {
  const variable = fontkit.create(file) as fontkit.Font;
  const chars = String.fromCodePoint(...variable.characterSet);
  const ttf = await subsetFont(file, chars, { targetFormat: 'sfnt', variationAxes: { wght } });
  return fontkit.create(ttf) as fontkit.Font;
}

/** One family at one weight: which subset covers a character, and that subset's instance (made on first use). */
class Family {
  readonly #files: Buffer[];
  readonly #coverage: CardFont[];
  readonly #wght: number;
  readonly #instances = new Map<number, Promise<CardFont>>();
  constructor(files: Buffer[], wght: number) {
    this.#files = files;
    this.#coverage = files.map((f) => fontkit.create(f) as fontkit.Font);
    this.#wght = wght;
  }
  /** The instanced subsets `text` needs, latin always first (it holds the space and punctuation). */
  async stackFor(text: string): Promise<CardFont[]> {
    const needed = new Set([0]);
    for (const ch of text) {
      const i = this.#coverage.findIndex((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));
      if (i >= 0) needed.add(i);
    }
    return Promise.all([...needed].sort((a, b) => a - b).map((i) => this.#instance(i)));
  }
  /** The un-instanced subsets, for checking coverage only. */
  get coverage(): readonly MeasureFont[] {
    return this.#coverage;
  }
  #instance(i: number): Promise<CardFont> {
    let font = this.#instances.get(i);
    if (!font) this.#instances.set(i, (font = instanceAt(this.#files[i]!, this.#wght)));
    return font;
  }
}

export interface CardFontFamilies {
  /** The fonts drawing a card with these texts. */
  fontsFor(texts: { serif: string; sans: string }): Promise<CardFonts>;
  /** Coverage of the serif (headline) family, to tell whether a title can be drawn at all. */
  serifCoverage: readonly MeasureFont[];
}

export function cardFontFamilies(files: { serif: Buffer[]; sans: Buffer[] }): CardFontFamilies {
  const serifBold = new Family(files.serif, 700);
  const sansBold = new Family(files.sans, 700);
  const sansMedium = new Family(files.sans, 500);
  return {
    async fontsFor({ serif, sans }) {
      const [s, b, m] = await Promise.all([serifBold.stackFor(serif), sansBold.stackFor(sans.toLocaleUpperCase('en')), sansMedium.stackFor(sans)]);
      return { serifBold: s, sansBold: b, sansMedium: m };
    },
    serifCoverage: serifBold.coverage,
  };
}
