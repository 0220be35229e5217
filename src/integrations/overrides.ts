/**
 * Component overrides without forking, in the way Starlight's work: a file in
 * src/overrides/ with the name of a theme component (`Footer.astro`,
 * `mdx/Callout.astro`) is used wherever the theme imports that component. An
 * override may import the original it replaces (`../components/Footer.astro`)
 * to wrap it: imports made from inside the overrides folder are never redirected.
 * OVERRIDES_DIR picks another folder (tests use a fixture one).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const COMPONENTS = fileURLToPath(new URL('../components/', import.meta.url));

export function overridesDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env['OVERRIDES_DIR'] || 'src/overrides');
}

/** The override for a resolved theme component, if the owner placed one. */
export function overrideFor(componentFile: string, dir: string): string | undefined {
  if (!componentFile.startsWith(COMPONENTS)) return undefined;
  const candidate = path.join(dir, path.relative(COMPONENTS, componentFile));
  return existsSync(candidate) ? candidate : undefined;
}

export function overridesPlugin(dir = overridesDir()): Plugin {
  const inside = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
  return {
    name: 'broadsheet:overrides',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // Only whole components: Astro's own sub-requests (`X.astro?astro&type=style…`) follow their module.
      if (!importer || !source.endsWith('.astro') || importer.startsWith(inside) || !existsSync(dir)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? (overrideFor(resolved.id, dir) ?? null) : null;
    },
  };
}
