/** One recursive folder listing for the build's caches and scans. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface Filter {
  /** Keep this file (its name). */
  file: (name: string) => boolean;
  /** Descend into this folder (its path relative to the start, with /). */
  folder?: (relative: string) => boolean;
}

/** Files under `dir` as sorted paths relative to it (with /); a missing folder has none. */
export function filesUnder(dir: string, filter: Filter, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(prefix ? path.join(dir, prefix) : dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found = entries.flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return (filter.folder?.(rel) ?? true) ? filesUnder(dir, filter, rel) : [];
    return filter.file(entry.name) ? [rel] : [];
  });
  return prefix ? found : found.sort();
}
