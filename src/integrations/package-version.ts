/** An installed package's version, for cache keys (a dependency update must not serve stale results). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const requireFromRoot = createRequire(path.join(process.cwd(), 'package.json'));

/** The package's entry file, as require or, for import-only packages (pagefind), import resolves it. */
function entryOf(pkg: string): string | undefined {
  try {
    return requireFromRoot.resolve(pkg);
  } catch {
    try {
      return fileURLToPath(import.meta.resolve(pkg));
    } catch {
      return undefined;
    }
  }
}

/**
 * Read from the package.json beside its entry point, since some packages
 * (harfbuzzjs) do not export their package.json. '' when it cannot be found.
 */
export function packageVersion(pkg: string): string {
  const entry = entryOf(pkg);
  if (!entry) return '';
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg) return json.version ?? '';
    } catch {
      // not this folder
    }
  }
  return '';
}
