/** Where the content lives: `content/`, or the folder named by CONTENT_DIR. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedContent } from '../lib/content/index.ts';
import site from '../site.config.ts';

export function contentDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env['CONTENT_DIR'] || 'content');
}

/** Loads and checks a content folder against this site's categories: the build and the CLI share it. */
export function loadSiteContent(dir = contentDir()): LoadedContent {
  return loadContent(dir, { categories: site.categories.map((c) => c.slug) });
}

const SCHEMA_DIR = fileURLToPath(new URL('../lib/content/', import.meta.url));

/**
 * Astro caches parsed entries between builds and re-parses only files that
 * changed. The cache is keyed by the content folder (a fixture build never
 * reuses the sample site's entries) and by the schema's source (a schema change,
 * e.g. how tags are normalised, re-parses every entry instead of serving stale data).
 */
export function cacheDirFor(dir: string): string {
  const hash = createHash('sha256').update(dir);
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.ts')).sort()) hash.update(readFileSync(path.join(SCHEMA_DIR, file)));
  return `./node_modules/.astro/${path.basename(dir)}-${hash.digest('hex').slice(0, 12)}/`;
}
