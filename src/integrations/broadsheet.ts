/**
 * Checks the whole content folder before Astro loads it, so a broken article
 * fails the build with one list of every problem, and reports what was built.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ContentError, buildClock, formatProblems } from '../lib/content/index.ts';
import { devReportMiddleware } from './dev-report.ts';
import { stripControlCharsPlugin } from './strip-control.ts';
import { lastmodByPath } from '../lib/seo/lastmod.ts';
import { basePath } from '../lib/content/urls.ts';
import site from '../site.config.ts';
import { contentDir, loadSiteContent } from '../data/content-loader.ts';
import { overridesPlugin } from './overrides.ts';
import { preflightBodies } from './markdown.ts';
import { prefillDone, requestPrefill, underBuildScript } from './output-prefill.ts';

/**
 * Every .mdx module makes the bundler warn MODULE_LEVEL_DIRECTIVE about Astro's own
 * "use astro:head-inject" (upstream withastro/astro#18087): a 10-line box per file
 * that buries real warnings. Only that warning is dropped.
 */
export function isKnownNoise(log: { code?: string; message: string }): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject');
}

let lastmods = new Map<string, string>();

/** For @astrojs/sitemap's `serialize`: adds <lastmod> to article pages and the home page. */
export function withLastmod<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  const lastmod = lastmods.get(new URL(item.url).pathname);
  return lastmod ? { ...item, lastmod } : item;
}

/** Where `npm run preview` (scripts/preview.mjs) finds the URL, so base path, the last build was made with. */
export const LAST_BUILD = 'node_modules/.astro/broadsheet-last-build.json';

function recordBuild(outDir: string): void {
  mkdirSync(path.dirname(LAST_BUILD), { recursive: true });
  writeFileSync(LAST_BUILD, `${JSON.stringify({ url: site.url, outDir })}\n`);
}

export default function broadsheet(): AstroIntegration {
  return {
    name: 'broadsheet',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, injectRoute, logger }) => {
        // vitest loads this config only for Vite settings; tests build their own fixtures.
        if (process.env['VITEST']) return;
        const dir = contentDir();
        const content = await loadSiteContent(dir, { fresh: true });
        const { articles, authors, problems, warnings } = content;
        // MDX imports stay inside the content folder; content.trust 'untrusted' allows no code at all.
        const bodies = preflightBodies(articles, dir);
        problems.push(...bodies.problems);
        // A build stops on any problem; `astro dev` starts anyway, serves what is usable and reports the rest.
        if (problems.length && command !== 'dev') throw new ContentError(problems);
        if (problems.length) logger.error(`\n${formatProblems(problems)}\n(astro dev serves the other articles; the build stops until these are fixed)`);
        if (warnings.length) logger.warn(`${warnings.length} content warning${warnings.length === 1 ? '' : 's'} (npm run check:content lists them)`);
        for (const line of bodies.removals) logger.warn(line);
        lastmods = lastmodByPath(articles, buildClock(), basePath(site.url));
        logger.info(`content: ${articles.length} articles and ${authors.length} authors in ${path.relative(process.cwd(), dir) || '.'}`);
        // Drafts and scheduled articles, listed for writers in `astro dev` only.
        if (command === 'dev') injectRoute({ pattern: '/drafts', entrypoint: new URL('../dev/drafts.astro', import.meta.url), prerender: true });
        updateConfig({
          vite: {
            // src/overrides/<Component>.astro replaces the theme's component (src/integrations/overrides.ts).
            plugins: [overridesPlugin(), stripControlCharsPlugin()],
            // Decided by the command, not NODE_ENV: a stray NODE_ENV must never ship drafts.
            define: {
              'import.meta.env.BROADSHEET_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev'),
              // For the card cache and workers (src/data/social-cards.ts). Not astro:config/server: it
              // also carries outDir, which would change every page's incremental-build hash with --out.
              'import.meta.env.BROADSHEET_CACHE_DIR': JSON.stringify(fileURLToPath(config.cacheDir)),
              'import.meta.env.BROADSHEET_ROOT': JSON.stringify(fileURLToPath(config.root)),
            },
            build: {
              // npm run build starts each build in a fresh folder, prefilled with the last build's reusable pages (output-prefill.ts).
              ...(command === 'build' && underBuildScript() ? { emptyOutDir: false } : {}),
              rollupOptions: {
                onLog(level: string, log: { code?: string; message: string }, handler: (level: string, log: unknown) => void) {
                  if (level === 'warn' && isKnownNoise(log)) return;
                  handler(level, log);
                },
              },
            },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        if (!process.env['VITEST']) requestPrefill(fileURLToPath(config.cacheDir));
      },
      // Nothing is written to the output before this: the copies are all in place when Astro starts.
      'astro:build:start': () => prefillDone(),
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(devReportMiddleware(() => loadSiteContent()));
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        // scripts/build.mjs builds into a temporary folder and names the real output here.
        const absolute = process.env['BROADSHEET_OUT_DIR'] ?? fileURLToPath(dir);
        const relative = path.relative(process.cwd(), absolute);
        const out = relative.startsWith('..') || path.isAbsolute(relative) ? absolute.replace(/[\\/]$/, '') : relative || '.';
        logger.info(`wrote ${pages.length} pages to ${out}/`);
        recordBuild(absolute);
      },
    },
  };
}
