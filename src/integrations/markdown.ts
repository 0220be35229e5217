/**
 * The Markdown/MDX processor (Sätteri) with Broadsheet's two body plugins:
 *  - the author-HTML allow-list (src/lib/html/body-policy.ts), for .md and .mdx;
 *  - the MDX code guard (src/lib/content/mdx-code.ts): imports stay inside the
 *    content folder; under `content.trust: 'untrusted'`, no import/export or
 *    expressions. The pre-flight reports these for every file at once; this
 *    guard stops a body that reaches the compiler some other way (dev server).
 */
import { satteri } from '@astrojs/markdown-satteri';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition } from 'satteri';
import { authorHtmlPlugin } from '../lib/html/body-policy.ts';
import { htmlPolicy } from '../lib/html/policy.ts';
import { effectiveTrust } from '../lib/config/content-settings.ts';
import { checkMdxBody, mdxCodePlugin } from '../lib/content/mdx-code.ts';
import { ContentError } from '../lib/content/index.ts';
import type { ContentProblem } from '../lib/content/problems.ts';
import site from '../site.config.ts';
import { contentDir } from '../data/content-loader.ts';

const shown = (url: URL | undefined) => (url ? path.relative(process.cwd(), fileURLToPath(url)) : 'an article');
const warned = new Set<string>();

/** Says once per file what the allow-list removed, so an author learns why markup is missing. */
function warnRemoved(removed: string[], fileURL: URL | undefined): void {
  const file = shown(fileURL);
  if (warned.has(file)) return;
  warned.add(file);
  console.warn(`[broadsheet] ${file}: removed author HTML that content.html does not allow: ${removed.join(', ')}`);
}

function mdxCodeGuard(): HastPluginDefinition {
  const dir = contentDir();
  const trust = effectiveTrust(site.content);
  return mdxCodePlugin(
    (fileURL) => {
      const absFile = fileURL ? fileURLToPath(fileURL) : dir;
      return { trust, absFile, file: shown(fileURL), contentDir: dir };
    },
    (problems) => {
      if (problems.length) throw new ContentError(problems);
    },
  );
}

export function markdownProcessor() {
  return satteri({ hastPlugins: [mdxCodeGuard(), authorHtmlPlugin(htmlPolicy(site.content.html), warnRemoved)] });
}

/** Pre-flight: the code problems of every .mdx article, with the file's own line numbers. */
export function mdxCodeProblems(articles: readonly { file: string; body: string }[], dir = contentDir()): ContentProblem[] {
  const trust = effectiveTrust(site.content);
  return articles
    .filter((a) => a.file.endsWith('.mdx'))
    .flatMap((a) => {
      const absFile = path.resolve(process.cwd(), a.file);
      const text = readFileSync(absFile, 'utf8');
      const at = text.lastIndexOf(a.body);
      const lineOffset = at > 0 ? text.slice(0, at).split('\n').length - 1 : 0;
      return checkMdxBody(a.body, { trust, absFile, file: a.file, contentDir: dir, lineOffset });
    });
}
