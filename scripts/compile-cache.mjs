// Where the build keeps V8's compile cache (scripts/astro-build.mjs), and its size limit.
// Entries are keyed by file, and the site's bundled chunks get new names when their
// content changes, so old entries pile up: past the limit the folder is emptied and
// refills in one build.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const LIMIT_BYTES = 256 * 1024 * 1024;

/** Beside Astro's own caches, so removing node_modules/.astro starts a build from nothing. */
export const compileCacheDir = (root) => path.join(root, 'node_modules', '.astro', 'compile-cache');

/** Empties `dir` when its files add up to more than `limit` bytes. */
export function pruneCompileCache(dir, limit = LIMIT_BYTES) {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
    }
  } catch {
    return; // no cache yet
  }
  if (total > limit) rmSync(dir, { recursive: true, force: true });
}
