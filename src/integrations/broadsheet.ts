/**
 * Checks the whole content folder before Astro loads it, so a broken article
 * fails the build with one list of every problem, and reports what was built.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ContentError, buildClock } from '../lib/content/index.ts';
import { lastmodByPath } from '../lib/seo/lastmod.ts';
import { contentDir, loadSiteContent } from '../data/content-loader.ts';

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

export default function broadsheet(): AstroIntegration {
  return {
    name: 'broadsheet',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        // vitest loads this config only for Vite settings; tests build their own fixtures.
        if (process.env['VITEST']) return;
        const dir = contentDir();
        const { articles, authors, problems } = loadSiteContent(dir);
        if (problems.length) throw new ContentError(problems);
        lastmods = lastmodByPath(articles, buildClock());
        logger.info(`content: ${articles.length} articles and ${authors.length} authors in ${path.relative(process.cwd(), dir) || '.'}`);
        updateConfig({
          vite: {
            // Decided by the command, not NODE_ENV: a stray NODE_ENV must never ship drafts.
            define: {
              'import.meta.env.BROADSHEET_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev'),
              // For the card cache and workers (src/data/social-cards.ts). Not astro:config/server: it
              // also carries outDir, which would change every page's incremental-build hash with --out.
              'import.meta.env.BROADSHEET_CACHE_DIR': JSON.stringify(fileURLToPath(config.cacheDir)),
              'import.meta.env.BROADSHEET_ROOT': JSON.stringify(fileURLToPath(config.root)),
            },
            build: {
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
      'astro:build:done': ({ dir, pages, logger }) => {
        const absolute = fileURLToPath(dir);
        const relative = path.relative(process.cwd(), absolute);
        const out = relative.startsWith('..') || path.isAbsolute(relative) ? absolute.replace(/[\\/]$/, '') : relative || '.';
        logger.info(`wrote ${pages.length} pages to ${out}/`);
      },
    },
  };
}
