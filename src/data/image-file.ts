/** Where an image collection entry's source file is on disk. */
import type { ImageMetadata } from 'astro';
import { existsSync } from 'node:fs';

/**
 * Astro's image metadata carries the source file's path as a non-enumerable
 * `fsPath` (feeds and social cards read the bytes). Undefined when it is
 * missing or the file is gone.
 */
export function imageSourceFile(src: ImageMetadata | undefined): string | undefined {
  const fsPath = (src as (ImageMetadata & { fsPath?: string }) | undefined)?.fsPath;
  return fsPath && existsSync(fsPath) ? fsPath : undefined;
}
