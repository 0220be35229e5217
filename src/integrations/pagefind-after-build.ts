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

/**
 * What the Astro process tells the build script, so it can start Pagefind as soon as the
 * article pages are written (src/integrations/pagefind-early.ts): how many article pages
 * this build writes (from the article route), and where the last index is kept (from the
 * Pagefind integration, only when search is on: nothing starts without it).
 */
export interface SearchMessage {
  type: 'broadsheet:search';
  articlePages?: number;
  /** The article page Astro writes last (relative to the output), never reused from the last build. */
  lastArticlePage?: string;
  cacheDir?: string;
}

export const isSearchMessage = (m: unknown): m is SearchMessage => {
  if (typeof m !== 'object' || m === null || (m as SearchMessage).type !== 'broadsheet:search') return false;
  const { articlePages, lastArticlePage, cacheDir } = m as SearchMessage;
  return (articlePages === undefined || Number.isInteger(articlePages)) && (lastArticlePage === undefined || typeof lastArticlePage === 'string') && (cacheDir === undefined || typeof cacheDir === 'string');
};

/** Sends a SearchMessage to scripts/build.mjs; a no-op in any other Astro process. */
export function tellBuildScript(message: Omit<SearchMessage, 'type'>, env: NodeJS.ProcessEnv = process.env): void {
  if (!handoffFile(env) || typeof process.send !== 'function') return;
  process.send({ type: 'broadsheet:search', ...message } satisfies SearchMessage);
}

/** Called by the article route with the number of pages it writes, and the one it writes last. */
export const announceArticlePages = (count: number, lastPage?: string) => tellBuildScript({ articlePages: count, ...(lastPage ? { lastArticlePage: lastPage } : {}) });
