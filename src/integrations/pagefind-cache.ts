/**
 * Reuses the last Pagefind bundle when no built HTML page changed: the index is
 * a function of the pages' HTML, Pagefind's version and our options only, and
 * re-indexing an unchanged 1,000-article site took 4.1 s of every rebuild
 * (`npm run bench`, quiet machine). One bundle is kept, in the site's cache dir,
 * under the digest of everything it was made from.
 *
 * Bundles go in and out of the cache as hard links (src/lib/build/link-files.ts): Pagefind always
 * writes a fresh folder, so no shared file is ever rewritten. Copying the 1,071 files of a
 * 1,000-article bundle took 183-247 ms, on the critical path of an edit build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files-under.ts';
import { linkTree } from '../lib/build/link-files.ts';

/** Digest of every HTML file under `siteDir/folder` (the pages Pagefind reads: paths and bytes) and `salt`. */
export function pagesDigest(siteDir: string, folder: string, salt: string): string {
  const hash = createHash('sha256').update(salt);
  for (const file of filesUnder(path.join(siteDir, folder), { file: (name) => name.endsWith('.html') })) hash.update(`\0${file}\0`).update(readFileSync(path.join(siteDir, folder, file)));
  return hash.digest('hex');
}

const DONE = 'broadsheet-digest.txt';

/** The digest of the kept bundle, if there is one. */
export function keptDigest(cacheDir: string): string | undefined {
  try {
    return existsSync(path.join(cacheDir, 'pagefind')) ? readFileSync(path.join(cacheDir, DONE), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Copies the kept bundle to `outputPath` when it was made from pages with this digest. */
export function restoreIndex(cacheDir: string, digest: string, outputPath: string): boolean {
  const kept = path.join(cacheDir, 'pagefind');
  if (keptDigest(cacheDir) !== digest) return false;
  rmSync(outputPath, { recursive: true, force: true });
  linkTree(kept, outputPath);
  return true;
}

/** Keeps a copy of the bundle just written, replacing the one before. */
export function keepIndex(cacheDir: string, digest: string, outputPath: string): void {
  const kept = path.join(cacheDir, 'pagefind');
  const tmp = `${kept}.${process.pid}.tmp`;
  rmSync(path.join(cacheDir, DONE), { force: true });
  rmSync(tmp, { recursive: true, force: true });
  linkTree(outputPath, tmp);
  rmSync(kept, { recursive: true, force: true });
  renameSync(tmp, kept);
  // Written last: a bundle without it is never reused.
  writeFileSync(path.join(cacheDir, DONE), digest);
}
