/**
 * Search indexing after Astro has exited. `npm run build` (scripts/build.mjs)
 * runs Astro in a child process and sets BROADSHEET_SEARCH_HANDOFF: the Pagefind
 * integration then only writes down what it would index, and the build script
 * indexes it once the child's memory is gone. A plain `astro build` indexes in
 * its own process as before.
 */
import { writeFileSync } from 'node:fs';

export interface SearchHandoff {
  /** The folder Astro wrote (the build's temporary folder). */
  siteDir: string;
  /** Astro's cache folder, where the last index is kept for reuse. */
  cacheDir: string | undefined;
}

/** The file to hand the index over to, when the build script asked for it. */
export const handoffFile = (env: NodeJS.ProcessEnv = process.env): string | undefined => env['BROADSHEET_SEARCH_HANDOFF'] || undefined;

export function handOver(file: string, handoff: SearchHandoff): void {
  writeFileSync(file, JSON.stringify(handoff));
}
