/**
 * The card sources (CARD_SOURCE_FILES in fingerprint.ts, same order) as
 * embedded by Vite at build time, for the og route's fingerprint: a bundled
 * route needs no source tree at run time. Only Vite can load this file.
 */
import cacheSource from '../../lib/og/cache.ts?raw';
import fontsSource from '../../lib/og/fonts.ts?raw';
import layoutSource from '../../lib/og/layout.ts?raw';
import templateSource from '../../lib/og/template.ts?raw';
import sceneSource from '../../lib/og/scene.ts?raw';
import glyphsSource from '../../lib/og/glyphs.ts?raw';
import coverageSource from '../../lib/og/coverage.ts?raw';
import rasterSource from '../../lib/og/raster.ts?raw';
import pngSource from '../../lib/og/png.ts?raw';
import glyphBitmapsSource from '../../lib/og/glyph-bitmaps.ts?raw';
import indexedSource from '../../lib/og/indexed.ts?raw';
import contrastSource from '../../lib/design/contrast.ts?raw';
import datesSource from '../../lib/content/dates.ts?raw';
import renderSource from './render.ts?raw';

export const BUNDLED_CARD_SOURCES: readonly string[] = [cacheSource, fontsSource, layoutSource, templateSource, sceneSource, glyphsSource, coverageSource, rasterSource, pngSource, glyphBitmapsSource, indexedSource, contrastSource, datesSource, renderSource];
