/**
 * Metric-matched fallback faces: a local() system font scaled and given the web
 * font's ascent, descent and line gap, so text laid out before the web font
 * arrives takes the same room and the swap moves nothing.
 * Formula as in Capsize's createFontStack (and Astro's optimised fallbacks).
 */
import type { FontMetrics } from './sfnt.ts';

export interface SystemFont {
  /** Names for local(): full name, PostScript name, then a metric-compatible Linux clone. */
  local: string[];
  metrics: FontMetrics;
}

// Measured from the fonts themselves (Capsize's metrics database, as Astro ships them).
// Liberation Serif/Sans are metric-compatible with Times New Roman/Arial, so the same numbers hold on Linux.
export const SYSTEM_FONTS = {
  'Times New Roman': { local: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif'], metrics: { unitsPerEm: 2048, ascent: 1825, descent: -443, lineGap: 87, xWidthAvg: 832 } },
  'Times New Roman Bold': { local: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold'], metrics: { unitsPerEm: 2048, ascent: 1825, descent: -443, lineGap: 87, xWidthAvg: 886 } },
  Arial: { local: ['Arial', 'ArialMT', 'Liberation Sans'], metrics: { unitsPerEm: 2048, ascent: 1854, descent: -434, lineGap: 67, xWidthAvg: 913 } },
  'Arial Bold': { local: ['Arial Bold', 'Arial-BoldMT', 'Liberation Sans Bold'], metrics: { unitsPerEm: 2048, ascent: 1854, descent: -434, lineGap: 67, xWidthAvg: 983 } },
} as const satisfies Record<string, SystemFont>;

export type SystemFontName = keyof typeof SYSTEM_FONTS;

export interface Overrides {
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

export function fallbackOverrides(font: FontMetrics, fallback: FontMetrics): Overrides {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  return {
    sizeAdjust,
    ascentOverride: font.ascent / em,
    descentOverride: Math.abs(font.descent) / em,
    lineGapOverride: font.lineGap / em,
  };
}

const pct = (n: number) => `${Number((n * 100).toFixed(2))}%`;
const quote = (name: string) => `'${name.replace(/['\\]/g, '\\$&')}'`;

/** One fallback @font-face: `family` is the name the font stack uses (e.g. "Source Serif 4 Fallback"). */
export function fallbackFace(family: string, weight: string, system: SystemFont, font: FontMetrics): string {
  const o = fallbackOverrides(font, system.metrics);
  return [
    `@font-face{font-family:${quote(family)};font-style:normal;font-weight:${weight};`,
    `src:${system.local.map((n) => `local(${quote(n)})`).join(',')};`,
    `size-adjust:${pct(o.sizeAdjust)};ascent-override:${pct(o.ascentOverride)};descent-override:${pct(o.descentOverride)};line-gap-override:${pct(o.lineGapOverride)}}`,
  ].join('');
}
