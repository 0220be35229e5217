/** Where the content lives: `content/`, or the folder named by CONTENT_DIR. */
import { createHash } from 'node:crypto';
import path from 'node:path';

export function contentDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env['CONTENT_DIR'] || 'content');
}

/**
 * Astro caches the content store between builds; one cache per content folder
 * keeps a fixture build from reusing the sample site's entries.
 */
export function cacheDirFor(dir: string): string {
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 12);
  return `./node_modules/.astro/${path.basename(dir)}-${key}/`;
}
