/**
 * The site's web fonts: which files, which axes, which fallbacks. Pure data and
 * CSS rendering; src/integrations/fonts.ts reads the files, measures them for
 * the fallbacks and subsets them after the build.
 */
import type { SystemFontName } from './fallback.ts';

export interface FaceSpec {
  /** Stable id; the file is served as /_astro/fonts/<id>.woff2 (content-hashed after the build). */
  id: string;
  family: string;
  /** Package and file under its files/ folder. */
  pkg: string;
  file: string;
  style: 'normal' | 'italic';
  /** The variable weight range kept (narrower range, smaller file). */
  weight: { min: number; max: number };
  preload: boolean;
}

export interface FamilySpec {
  family: string;
  /** Fallback family name used in the font stack. */
  fallbackFamily: string;
  /** Metric-matched fallbacks for regular and bold text. */
  fallbacks: { regular: SystemFontName; bold: SystemFontName };
}

export const FAMILIES: FamilySpec[] = [
  { family: 'Source Serif 4', fallbackFamily: 'Source Serif 4 Fallback', fallbacks: { regular: 'Times New Roman', bold: 'Times New Roman Bold' } },
  { family: 'Inter', fallbackFamily: 'Inter Fallback', fallbacks: { regular: 'Arial', bold: 'Arial Bold' } },
];

export const FACES: FaceSpec[] = [
  { id: 'source-serif-4-normal', family: 'Source Serif 4', pkg: '@fontsource-variable/source-serif-4', file: 'source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: { min: 400, max: 700 }, preload: true },
  { id: 'source-serif-4-italic', family: 'Source Serif 4', pkg: '@fontsource-variable/source-serif-4', file: 'source-serif-4-latin-wght-italic.woff2', style: 'italic', weight: { min: 400, max: 700 }, preload: false },
  { id: 'inter-normal', family: 'Inter', pkg: '@fontsource-variable/inter', file: 'inter-latin-wght-normal.woff2', style: 'normal', weight: { min: 400, max: 700 }, preload: true },
];

export const FONT_DIR = '/_astro/fonts/';
/** The URL written into pages; the build replaces it with a content-hashed name. */
export const fontUrl = (face: FaceSpec) => `${FONT_DIR}${face.id}.woff2`;

/**
 * Characters every subset keeps whatever the pages say: printable ASCII (typed
 * search queries, script-inserted messages) and the typographic punctuation the
 * theme itself prints.
 */
export const ALWAYS_KEEP =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '\u00a0“”‘’–—…·•→←↑×°©®™€£§¶';

export function webFace(face: FaceSpec, url = fontUrl(face)): string {
  return `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight.min} ${face.weight.max};font-display:swap;src:url(${url}) format('woff2')}`;
}
