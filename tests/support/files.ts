/** Listing a built site: one walker for every test that reads dist/. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** The built HTML pages (not bundled assets or the search index), relative to `dir`. */
export const htmlPages = (dir: string): string[] => walk(dir).filter((file) => file.endsWith('.html') && !/^(_astro|pagefind)\//.test(file));
