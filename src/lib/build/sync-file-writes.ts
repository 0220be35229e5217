/**
 * Astro writes every page through `fs.promises`, one page at a time (build.concurrency
 * stays 1 for incremental builds): mkdir and writeFile for the page, mkdir and writeFile
 * again for its copy in the incremental cache, or mkdir and copyFile when it restores one.
 * Each call is a round trip to libuv's thread pool, and the page waits for each in turn:
 * in a cold 1,000-article build Astro's thread sat idle for 1-10 ms around almost every
 * page. Run in place, the same calls have the same effect on disk and fail with the same
 * errors (as rejections), without the round trips.
 *
 * Only the build's own process installs this (scripts/astro-build.mjs): nothing else
 * runs there that must not wait for a file write.
 */
import nodeFs from 'node:fs';

type Fs = typeof nodeFs;

/** A path, as fs.promises.writeFile takes it (a FileHandle, or anything else, goes to the original). */
const isPathLike = (file: unknown) => typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file);
/** Bytes or text in one piece (streams and iterables go to the original). */
const isWhole = (data: unknown) => typeof data === 'string' || ArrayBuffer.isView(data);
const hasSignal = (options: unknown) => typeof options === 'object' && options !== null && 'signal' in options;

/** Makes `fs.promises.writeFile`, `mkdir` and `copyFile` run synchronously; returns the undo. */
export function useSyncFileWrites(fs: Fs = nodeFs): () => void {
  const promises = fs.promises;
  const { writeFile, mkdir, copyFile } = promises;
  promises.writeFile = (async (file: Parameters<typeof writeFile>[0], data: Parameters<typeof writeFile>[1], options?: Parameters<typeof writeFile>[2]) => {
    if (!isPathLike(file) || !isWhole(data) || hasSignal(options)) return writeFile(file, data, options);
    fs.writeFileSync(file as string, data as string, options as nodeFs.WriteFileOptions);
  }) as typeof writeFile;
  promises.mkdir = (async (dir: nodeFs.PathLike, options?: nodeFs.MakeDirectoryOptions | nodeFs.Mode | null) => fs.mkdirSync(dir, options)) as typeof mkdir;
  promises.copyFile = (async (from: nodeFs.PathLike, to: nodeFs.PathLike, mode?: number) => fs.copyFileSync(from, to, mode)) as typeof copyFile;
  return () => Object.assign(promises, { writeFile, mkdir, copyFile });
}
