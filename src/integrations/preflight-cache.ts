/**
 * Remembers each body's pre-flight result (MDX code problems, HTML the
 * allow-list removed) between builds. Compiling every body again took 1.8 s of
 * a no-change rebuild's 8 s start at N = 1,000 (CPU profile, machine loaded).
 * The cache file lives in the content folder's Astro cache dir, whose name
 * already hashes the pipeline sources, the allow-list and the content settings
 * (cacheDirFor); each entry's key adds the file's path and text, the trust level
 * and Sätteri's version. Bodies that import files are always checked again: the
 * result depends on those files existing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageVersion } from './package-version.ts';
import type { ContentProblem } from '../lib/content/problems.ts';

export interface BodyResult {
  problems: ContentProblem[];
  removed: string[];
}

export interface PreflightCache {
  /** The cached result, or a fresh one from `check` (then remembered). */
  get(article: { file: string; path: string; source: string; body: string }, salt: string, check: () => BodyResult): BodyResult;
  /** Writes the entries used by this build (unused ones are dropped). */
  save(): void;
}

const satteriVersion = packageVersion('satteri');

const IMPORTS = /^\s*(?:import|export)\b/m;

export function preflightCache(cacheDir: string): PreflightCache {
  const file = path.join(cacheDir, 'preflight.json');
  let previous: Record<string, BodyResult> = {};
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, BodyResult>;
  } catch {
    // first build, or an unreadable cache: check everything
  }
  const next: Record<string, BodyResult> = {};
  let changed = false;
  return {
    get(article, salt, check) {
      if (article.file.endsWith('.mdx') && IMPORTS.test(article.body)) return check();
      const key = createHash('sha256').update(`${satteriVersion}\0${salt}\0${article.file}\0${article.path}\0${article.source}`).digest('hex');
      const hit = previous[key];
      if (hit) return (next[key] = hit);
      changed = true;
      return (next[key] = check());
    },
    save() {
      if (!changed && Object.keys(next).length === Object.keys(previous).length) return;
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(next));
      renameSync(tmp, file);
    },
  };
}
