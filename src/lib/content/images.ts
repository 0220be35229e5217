/**
 * Local images named in frontmatter or bodies, checked before the build:
 * they exist, stay inside the content folder after following symlinks, are
 * real images of a type the build can process, and are not too large to decode.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { IMAGE_EXTENSIONS, insideFolder } from './files.ts';

/** 50 megapixels: any camera photo, far below what would exhaust memory when resized (sharp's own cap is 268). */
export const MAX_IMAGE_PIXELS = 50_000_000;
const FORMATS: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', heif: 'AVIF', gif: 'GIF', svg: 'SVG' };

export interface ImageFinding {
  expected: string;
  found: string;
}

export const isRemote = (ref: string) => /^([a-z][a-z0-9+.-]*:)?\/\//i.test(ref) || /^data:/i.test(ref);

/**
 * Checks one image reference, relative to the folder of the file naming it.
 * Returns what is wrong, or undefined when the image is fine.
 */
export async function checkImage(ref: string, fromDir: string, contentRoot: string): Promise<ImageFinding | undefined> {
  const shown = JSON.stringify(ref);
  const relative = 'an image file inside the content folder, as a path relative to this file';
  if (path.isAbsolute(ref) || /^[a-z]:[\\/]/i.test(ref)) return { expected: relative, found: `${shown} (an absolute path)` };
  const clean = decodeURI(ref.replace(/[?#].*$/, ''));
  const full = path.resolve(fromDir, clean);
  const lexical = path.relative(path.resolve(contentRoot), full);
  if (lexical.startsWith('..') || path.isAbsolute(lexical)) return { expected: relative, found: `${shown} (it points outside the content folder)` };
  if (!existsSync(full)) return { expected: 'an image file that exists, relative to this file', found: `${shown} (no such file)` };
  if (!insideFolder(full, contentRoot)) return { expected: relative, found: `${shown} (a symbolic link to a file outside the content folder)` };
  if (statSync(full).isDirectory()) return { expected: 'an image file', found: `${shown} (a folder)` };
  const types = `an image of a supported type (${IMAGE_EXTENSIONS.join(' ')})`;
  if (!IMAGE_EXTENSIONS.includes(path.extname(full).toLowerCase())) return { expected: types, found: `${shown} (a ${path.extname(full) || 'extensionless'} file)` };
  let meta: Metadata;
  try {
    // No pixel cap while reading the header: the size is judged below, with a clearer message.
    meta = await sharp(full, { limitInputPixels: false }).metadata();
  } catch {
    return { expected: types, found: `${shown} (not a readable image)` };
  }
  if (!meta.format || !FORMATS[meta.format] || (meta.format === 'heif' && meta.compression !== 'av1')) return { expected: types, found: `${shown} (${meta.format ?? 'unknown'} data)` };
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > MAX_IMAGE_PIXELS) {
    return { expected: `an image of at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`, found: `${shown} (${meta.width}×${meta.height}, ${(pixels / 1_000_000).toFixed(1)} megapixels)` };
  }
  return undefined;
}
