/**
 * Puts a cached file into the output (or an output file into a cache) as a hard
 * link: one directory entry, where a copy writes the bytes again (here, 1,000
 * files of 6 kB in one folder: 5 ms linked, 66 ms copied, in a one-off script).
 * Safe only for files nobody rewrites in place: the card cache and Pagefind
 * write new files and rename them, or write into a fresh folder, so a file
 * shared between the cache and the output never changes under either.
 * Where linking fails (another file system, no hard links), it copies.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

type Link = (from: string, to: string) => void;

/** Links `from` at `to`, replacing what is there; copies when the file system cannot link. */
export function linkOrCopy(from: string, to: string, link: Link = linkSync): void {
  rmSync(to, { force: true });
  try {
    link(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Mirrors the folder `from` at `to` (which must not exist yet), file by file with linkOrCopy. */
export function linkTree(from: string, to: string, link: Link = linkSync): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target, link);
    else linkOrCopy(source, target, link);
  }
}
