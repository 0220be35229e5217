/**
 * Loads a body's code-block languages into Astro's shared Shiki highlighter,
 * one after another, before any block is highlighted.
 *
 * Without it, Astro's highlight step (in @astrojs/markdown-satteri, for .md
 * and .mdx) starts every block of a body at once, and each one that meets an
 * unloaded language loads it lazily. When two languages load at the same time
 * the light theme's colours of some tokens come out wrong, and not the same
 * way twice: compiling one article with ts, jsx and html blocks six times in
 * fresh processes gave two different outputs. Pages must not change between
 * builds of the same text (incremental builds compare bytes; a static .mdx body
 * rendered at load time must match its module twin), so the loading is made
 * sequential here. Highlighting itself is unchanged: same highlighter, same
 * options, same languages.
 */
import { markdownConfigDefaults } from '@astrojs/internal-helpers/markdown';
import { createShikiHighlighter } from '@astrojs/internal-helpers/shiki';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';

export interface ShikiOptions {
  theme?: string;
  themes?: Record<string, string>;
  langs?: unknown[];
  langAlias?: Record<string, string>;
}

/** A per-document mdast plugin: the visitor notes each fenced block's language, `after` loads them in order. */
export function shikiPreloadPlugin(config: ShikiOptions): MdastPluginEntry {
  // Astro fills in these defaults when it resolves markdown.shikiConfig; the highlighter cache is keyed by them.
  const { theme, themes, langs: configLangs, langAlias } = { ...markdownConfigDefaults.shikiConfig, ...config } as Required<ShikiOptions>;
  return () => {
    const blockLangs = new Set<string>();
    return defineMdastPlugin({
      name: 'broadsheet-shiki-preload',
      code(node) {
        if (node.lang) blockLangs.add(node.lang);
      },
      async after() {
        if (!blockLangs.size) return;
        // Same theme options, same cached highlighter as the highlight step (the cache key leaves out `langs`);
        // its `langs` option loads what is missing, so one language per call keeps the loading in order.
        const highlighter = (langs: unknown[]) => createShikiHighlighter({ theme, themes, langAlias, langs } as never);
        await highlighter(configLangs);
        for (const lang of blockLangs) {
          try {
            await highlighter([langAlias[lang] ?? lang]);
          } catch {
            // Not a Shiki language: the highlight step warns and falls back to plain text, as before.
          }
        }
      },
    });
  };
}
