/**
 * Starts a rebuild's output folder with the pages of the last build. Astro's
 * incremental build reuses a page whose cacheKey and code are unchanged: it
 * keeps the file when it is already in the output folder, and otherwise copies
 * it from its cache, one page at a time on its one thread (0.9 ms a page here:
 * about 1.3 s of a 1,000-article edit build). `npm run build` writes every build
 * into a fresh folder (atomic-output.ts), so Astro always copied. Now the build
 * script copies those pages from the last output while Astro starts up and
 * syncs content, on the other core, and Astro finds them in place.
 *
 * Only when the last output is exactly what Astro's cache describes: the build
 * script stamps the cache with the output folder and a digest of Astro's
 * manifest when it replaces the output, and copies nothing unless both still
 * match (a failed build since, another content folder or output, or no stamp).
 * Astro re-renders what changed over the copies; once it is done, a copy that
 * it neither rewrote nor listed in its new manifest (a removed page) is deleted.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Astro's incremental-build manifest, in its cacheDir (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = 'incremental-build.json';
const STAMP = 'broadsheet-output.json';

interface AstroManifest { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> }
interface OutputStamp { outDir: string; manifest: string }

/** A file's size and modification time: changed when Astro writes it again. */
export const fileStamp = (file: string): string | undefined => {
  try {
    const s = statSync(file);
    return `${s.size}\0${s.mtimeMs}`;
  } catch {
    return undefined;
  }
};

function readManifest(cacheDir: string): { bytes: Buffer; outputs: string[] } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(cacheDir, ASTRO_MANIFEST));
  } catch {
    return undefined;
  }
  let manifest: AstroManifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as AstroManifest;
  } catch {
    return undefined;
  }
  const outputs = Object.values(manifest.routes ?? {}).flatMap((route) => Object.values(route.paths ?? {}).map((p) => p.outputFile));
  // Output files are relative to the output folder; anything else is not Astro's manifest as we know it.
  if (outputs.some((file) => typeof file !== 'string' || file === '' || path.isAbsolute(file) || file.split(/[\\/]/).includes('..'))) return undefined;
  return { bytes, outputs: outputs as string[] };
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** After the output is replaced: records that `outDir` holds what Astro's manifest in `cacheDir` describes. */
export function stampOutput(cacheDir: string, outDir: string): void {
  const manifest = readManifest(cacheDir);
  if (!manifest) return rmSync(path.join(cacheDir, STAMP), { force: true });
  writeFileSync(path.join(cacheDir, STAMP), JSON.stringify({ outDir: path.resolve(outDir), manifest: digest(manifest.bytes) } satisfies OutputStamp));
}

export interface Prefill {
  /** Copied files, relative to the output folder, with their stamps once copied. */
  files: Map<string, string>;
  ms: number;
}

/** Copies the last output's reusable pages into `building`, when the stamp allows it; undefined otherwise. */
export function prefillOutput(cacheDir: string, outDir: string, building: string): Prefill | undefined {
  const started = performance.now();
  let stamp: OutputStamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(cacheDir, STAMP), 'utf8')) as OutputStamp;
  } catch {
    return undefined;
  }
  const manifest = readManifest(cacheDir);
  if (!manifest || stamp.outDir !== path.resolve(outDir) || stamp.manifest !== digest(manifest.bytes)) return undefined;
  const files = new Map<string, string>();
  const made = new Set<string>();
  for (const file of manifest.outputs) {
    const from = path.join(outDir, file);
    const to = path.join(building, file);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      copyFileSync(from, to);
    } catch {
      continue; // gone from the last output: Astro copies it from its own cache
    }
    files.set(file, fileStamp(to)!);
  }
  return { files, ms: performance.now() - started };
}

/** After Astro: removes copies it neither wrote again nor kept in its new manifest; returns them. */
export function removeStale(prefill: Prefill, cacheDir: string, building: string): string[] {
  const kept = new Set(readManifest(cacheDir)?.outputs ?? []);
  const removed: string[] = [];
  for (const [file, stamp] of prefill.files) {
    if (kept.has(file) || fileStamp(path.join(building, file)) !== stamp) continue;
    rmSync(path.join(building, file), { force: true });
    removeEmptyFolders(building, path.dirname(file));
    removed.push(file);
  }
  return removed;
}

function removeEmptyFolders(root: string, folder: string): void {
  for (let dir = folder; dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    const full = path.join(root, dir);
    try {
      if (readdirSync(full).length > 0) return;
      rmdirSync(full);
    } catch {
      return;
    }
  }
}
