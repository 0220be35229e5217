/**
 * The renderer fingerprint in every card's cache key: the source of the
 * drawing code (embedded by Vite's `?raw` imports at build time), the bytes of
 * every card font and sharp's (and libvips') versions. Replaces a hand-bumped
 * version number, which a layout or font change could forget to bump and so
 * serve stale cards.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import cacheSource from '../../lib/og/cache.ts?raw';
import fontsSource from '../../lib/og/fonts.ts?raw';
import layoutSource from '../../lib/og/layout.ts?raw';
import templateSource from '../../lib/og/template.ts?raw';
import contrastSource from '../../lib/design/contrast.ts?raw';
import datesSource from '../../lib/content/dates.ts?raw';
import renderSource from './render.ts?raw';
import { cardFontPaths } from './font-files.ts';

/** Every source file that decides a card's pixels. */
export const CARD_SOURCES = [cacheSource, fontsSource, layoutSource, templateSource, contrastSource, datesSource, renderSource];

let memo: string | undefined;

export function rendererFingerprint(root = process.cwd()): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  for (const source of CARD_SOURCES) hash.update(source);
  const fonts = cardFontPaths(root);
  for (const file of [...fonts.serif, ...fonts.sans]) hash.update(readFileSync(file));
  hash.update(JSON.stringify(sharp.versions));
  return (memo = hash.digest('hex').slice(0, 16));
}
