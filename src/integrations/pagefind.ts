/**
 * Indexes the built site with Pagefind's Node API once Astro has written it:
 * createIndex -> addDirectory -> writeFiles -> close. Only pages that carry
 * `data-pagefind-body` (articles) are indexed; the index goes to
 * <outDir>/pagefind and nowhere else (never public/). Any error fails the build.
 * When no page changed since the last build, the last bundle is reused
 * (src/integrations/pagefind-cache.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { keepIndex, pagesDigest, restoreIndex } from './pagefind-cache.ts';
import { packageVersion } from './package-version.ts';
import { handOver, handoffFile, tellBuildScript, type SearchHandoff } from './pagefind-after-build.ts';

export class PagefindError extends Error {
  override name = 'PagefindError';
}

function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new PagefindError(`Pagefind ${step} failed:\n  - ${errors.join('\n  - ')}`);
}

export interface IndexResult {
  pages: number;
  /** Time from the call to the written bundle: with an early index, only what was left after the build. */
  ms: number;
  outputPath: string;
  reused?: boolean;
  /** With an early index: how long it had been running beside Astro. */
  aheadMs?: number;
}

// What else decides the bundle: Pagefind's version and the options below.
const INDEX_OPTIONS = { excludeSelectors: ['.prose table'] };
export const ARTICLE_DIR = 'articles';
export const ARTICLE_PAGES = `${ARTICLE_DIR}/**/*.html`;
const PAGEFIND_VERSION = packageVersion('pagefind');

/**
 * addDirectory's page_count counts every HTML file it read; the pages actually
 * indexed (those with data-pagefind-body) are in the bundle's entry file.
 */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** The digest a kept bundle is filed under: the article pages, Pagefind's version and our options. */
export const searchDigest = (siteDir: string) => pagesDigest(siteDir, ARTICLE_DIR, `${PAGEFIND_VERSION}\0${JSON.stringify(INDEX_OPTIONS)}\0${ARTICLE_PAGES}`);

/**
 * Indexes the article pages under `siteDir` and writes the bundle to `siteDir/pagefind`.
 * With a `cacheDir`, a bundle made from exactly the same pages is copied instead.
 * `knownDigest` is the pages' digest if already taken (by the early index, beside Astro).
 * `early` is an index already started on these pages (src/integrations/pagefind-early.ts):
 * kept when they have not changed since, replaced otherwise.
 */
export async function indexSite(siteDir: string, cacheDir?: string, early?: EarlyIndex, knownDigest?: string): Promise<IndexResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  // An early index writes into outputPath: let it finish before anything else touches the folder.
  const ahead = early ? await early.settle() : undefined;
  if (ahead?.usable) {
    // Usually it has digested and kept its bundle already, off the critical path.
    if (cacheDir && !ahead.kept) keepIndex(cacheDir, searchDigest(siteDir), outputPath);
    return { pages: indexedPages(outputPath), ms: performance.now() - started, outputPath, aheadMs: ahead.aheadMs };
  }
  const digest = cacheDir ? (knownDigest ?? searchDigest(siteDir)) : '';
  if (cacheDir && restoreIndex(cacheDir, digest, outputPath)) {
    return { pages: indexedPages(outputPath), ms: performance.now() - started, outputPath, reused: true };
  }
  const result = await buildIndex(siteDir, outputPath, started);
  if (cacheDir) keepIndex(cacheDir, digest, outputPath);
  return result;
}

/** An index started before the build ended (src/integrations/pagefind-early.ts). */
export interface EarlyIndex {
  /**
   * Waits for it; `usable` when it was written and the article pages have not changed since;
   * `kept` when it is also filed in the cache for the next build.
   */
  settle(): Promise<{ usable: boolean; kept: boolean; aheadMs: number }>;
  /** Waits for it and removes what it wrote (the build failed, or has no search). */
  discard(): Promise<void>;
}

/** Indexes the article pages and writes the bundle; throws on any Pagefind error. */
export async function buildIndex(siteDir: string, outputPath: string, started = performance.now()): Promise<IndexResult> {
  // Astro keeps files in outDir between builds: never serve fragments of a stale index.
  rmSync(outputPath, { recursive: true, force: true });
  try {
    // Table cells make unreadable excerpts ("400 GB. 200 GB. 100 GB. 3."): tables are left out of the
    // index, so excerpts always come from prose (the figures that matter are in the text too).
    const { errors, index } = await pagefind.createIndex(INDEX_OPTIONS);
    check('createIndex', errors);
    if (!index) throw new PagefindError('Pagefind createIndex returned no index');
    // Only article pages carry data-pagefind-body (docs/search.md), and Pagefind drops every page without
    // it anyway: reading just those saves parsing a third of the site (same bundle, byte for byte).
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES });
    check('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath });
    check('writeFiles', written.errors);
    const pages = indexedPages(outputPath);
    if (pages === 0) throw new PagefindError(`Pagefind indexed no page: none of the ${added.page_count} article pages (${ARTICLE_PAGES}) in ${siteDir} has data-pagefind-body`);
    return { pages, ms: performance.now() - started, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** The log line tests and scripts/bench-search.ts read: keep its shape. */
export const indexedLine = (r: IndexResult, root = process.cwd()) =>
  `pagefind: indexed ${r.pages} pages in ${Math.round(r.ms)} ms -> ${path.relative(root, r.outputPath) || '.'}/${r.reused ? ' (no page changed: the last index, reused)' : ''}${r.aheadMs !== undefined ? ` (started ${(r.aheadMs / 1000).toFixed(1)} s earlier, beside Astro)` : ''}`;

// The same shape as Astro's log lines, so logs and scripts/bench read it alike.
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Indexes a site handed over by the integration (scripts/build.mjs); `outDir` is the real output the log names. */
export async function indexSearchAfterBuild(handoff: SearchHandoff, outDir: string, early?: EarlyIndex, knownDigest?: string): Promise<void> {
  const result = await indexSite(handoff.siteDir, handoff.cacheDir, early, knownDigest);
  console.log(`${clock.format(new Date())} [broadsheet-pagefind] ${indexedLine({ ...result, outputPath: path.join(outDir, 'pagefind') })}`);
}

/** `enabled: false` (search: false in the site config): no index, and the search page is not shipped. */
export default function pagefindIntegration({ enabled = true } = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'broadsheet-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        // The build script starts Pagefind early only after this (src/integrations/pagefind-early.ts).
        if (enabled) tellBuildScript({ cacheDir });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled) {
          rmSync(new URL('search/', dir), { recursive: true, force: true });
          logger.info('search is off (search: false): no index, no /search/ page');
          return;
        }
        // `npm run build` indexes once Astro's process has exited (src/integrations/pagefind-after-build.ts).
        const handoff = handoffFile();
        if (handoff) {
          handOver(handoff, { siteDir: fileURLToPath(dir), cacheDir });
          return;
        }
        const result = await indexSite(fileURLToPath(dir), cacheDir);
        // Name the real output, not scripts/build.mjs's temporary folder.
        const out = process.env['BROADSHEET_OUT_DIR'];
        logger.info(indexedLine(out ? { ...result, outputPath: path.join(out, 'pagefind') } : result));
      },
    },
  };
}
