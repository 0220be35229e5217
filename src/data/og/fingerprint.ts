/**
 * The renderer fingerprint in every card's cache key: the source of the
 * drawing code, the bytes of every card font, and the versions of sharp (and
 * libvips) and of Node's zlib, the two PNG encoders. Replaces a hand-bumped
 * version number, which a layout or font change could forget to bump and so
 * serve stale cards.
 *
 * Two callers compute it and must agree: the og route, bundled by Vite, gets
 * the sources embedded by `?raw` imports (bundled-sources.ts); the early card
 * renderer (src/integrations/social-cards.ts) runs in plain Node before Vite
 * and reads the same files from disk (sourcesOnDisk). A unit test holds the
 * two lists equal.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { cardFontPaths } from './font-files.ts';

/** Every source file that decides a card's pixels, relative to the project root. */
export const CARD_SOURCE_FILES = [
  'src/lib/og/cache.ts',
  'src/lib/og/fonts.ts',
  'src/lib/og/layout.ts',
  'src/lib/og/template.ts',
  'src/lib/og/scene.ts',
  'src/lib/og/glyphs.ts',
  'src/lib/og/coverage.ts',
  'src/lib/og/raster.ts',
  'src/lib/og/png.ts',
  'src/lib/og/glyph-bitmaps.ts',
  'src/lib/og/indexed.ts',
  'src/lib/design/contrast.ts',
  'src/lib/content/dates.ts',
  'src/data/og/render.ts',
] as const;

export function sourcesOnDisk(root: string): string[] {
  return CARD_SOURCE_FILES.map((file) => readFileSync(path.join(root, file), 'utf8'));
}

const memo = new Map<string, string>();

export function rendererFingerprint(sources: readonly string[], root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(source);
  const sourcesHash = hash.copy().digest('hex');
  const known = memo.get(`${root}\u0000${sourcesHash}`);
  if (known) return known;
  const fonts = cardFontPaths(root);
  for (const file of [...fonts.serif, ...fonts.sans]) hash.update(readFileSync(file));
  // sharp encodes cards with a photo; node:zlib (Node's own libz) compresses the others.
  hash.update(JSON.stringify({ sharp: sharp.versions, zlib: process.versions.zlib }));
  const fingerprint = hash.digest('hex').slice(0, 16);
  memo.set(`${root}\u0000${sourcesHash}`, fingerprint);
  return fingerprint;
}
