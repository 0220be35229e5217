/**
 * Checks the whole content folder before Astro loads it, so a broken article
 * fails the build with one list of every problem, and reports what was built.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ContentError, loadContent } from '../lib/content/index.ts';
import site from '../site.config.ts';
import { contentDir } from './content-dir.ts';

/** Upstream MDX output triggers one harmless MODULE_LEVEL_DIRECTIVE warning per file (withastro/astro#18087). */
export function isKnownNoise(message: string): boolean {
  return message.includes('MODULE_LEVEL_DIRECTIVE') || /Module level directives cause errors when bundled/.test(message);
}

export default function broadsheet(): AstroIntegration {
  return {
    name: 'broadsheet',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        // vitest loads this config only for Vite settings; tests build their own fixtures.
        if (process.env['VITEST']) return;
        const dir = contentDir();
        const { articles, authors, problems } = loadContent(dir, { categories: site.categories.map((c) => c.slug) });
        if (problems.length) throw new ContentError(problems);
        logger.info(`content: ${articles.length} articles and ${authors.length} authors in ${path.relative(process.cwd(), dir) || '.'}`);
        updateConfig({
          vite: {
            // Decided by the command, not NODE_ENV: a stray NODE_ENV must never ship drafts.
            define: { 'import.meta.env.BROADSHEET_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev') },
            build: {
              rollupOptions: {
                onLog(level, log, handler) {
                  if (level === 'warn' && (log.code === 'MODULE_LEVEL_DIRECTIVE' || isKnownNoise(log.message))) return;
                  handler(level, log);
                },
              },
            },
          },
        });
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const out = path.relative(process.cwd(), fileURLToPath(dir)) || '.';
        logger.info(`wrote ${pages.length} pages to ${out}/`);
      },
    },
  };
}
