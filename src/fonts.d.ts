/** Written by src/integrations/fonts.ts: the font stylesheet and the font URLs to preload. */
declare module 'virtual:broadsheet/fonts' {
  export const fontStylesheet: string;
  export const fontPreloads: string[];
}

/** subset-font 2.x ships no types; the part of its API the fonts integration uses. */
declare module 'subset-font' {
  type Axis = number | { min: number; max: number; default?: number };
  interface Options {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    variationAxes?: Record<string, Axis>;
    keepAllGlyphs?: boolean;
    noLayoutClosure?: boolean;
    preserveNameIds?: number[];
  }
  export default function subsetFont(font: Buffer | Uint8Array, text: string | null | undefined, options?: Options): Promise<Buffer>;
}
