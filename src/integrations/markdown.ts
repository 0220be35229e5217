/**
 * The Markdown/MDX processor (Sätteri) with Broadsheet's two body plugins:
 *  - the author-HTML allow-list (src/lib/html/body-policy.ts), for .md and .mdx;
 *  - the MDX code guard (src/lib/content/mdx-code.ts): imports stay inside the
 *    content folder; under `content.trust: 'untrusted'`, no import/export or
 *    expressions.
 *  - under a base path, root-relative links and images in bodies get the base
 *    (src/lib/html/base-links.ts).
 * The pre-flight (preflightBodies) runs both over every body before Astro
 * starts, so code problems are listed for all files at once and what the
 * allow-list removes is reported on every build (Astro caches rendered .md, so
 * the pipeline alone would say it only once). The pipeline plugins enforce the
 * same rules on whatever reaches the compiler (dev server included).
 */
import { satteri } from '@astrojs/markdown-satteri';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToHtml, mdxToJs, type HastPluginDefinition } from 'satteri';
import { authorHtmlPlugin, type AuthorHtmlOptions } from '../lib/html/author-html-plugin.ts';
import { baseLinksPlugin } from '../lib/html/base-links.ts';
import { basePath } from '../lib/content/urls.ts';
import { htmlPolicy } from '../lib/html/policy.ts';
import { effectiveTrust } from '../lib/config/content-settings.ts';
import { mdxCodePlugin, type MdxCodeContext } from '../lib/content/mdx-code.ts';
import { ContentError } from '../lib/content/index.ts';
import type { ContentProblem } from '../lib/content/problems.ts';
import site from '../site.config.ts';
import { cacheDirFor, contentDir } from '../data/content-loader.ts';
import { preflightCache, type BodyResult } from './preflight-cache.ts';

const shown = (url: URL | undefined) => (url ? path.relative(process.cwd(), fileURLToPath(url)) : 'an article');
const policy = () => htmlPolicy(site.content.html);

function mdxCodeGuard(): HastPluginDefinition {
  const dir = contentDir();
  const trust = effectiveTrust(site.content);
  return mdxCodePlugin(
    (fileURL) => ({ trust, absFile: fileURL ? fileURLToPath(fileURL) : dir, file: shown(fileURL), contentDir: dir }),
    (problems) => {
      if (problems.length) throw new ContentError(problems);
    },
  );
}

export function markdownProcessor(options: AuthorHtmlOptions = {}) {
  // Under a base path (/blog/), site links typed in bodies (/articles/x/) get it too.
  const base = basePath(site.url);
  return satteri({ hastPlugins: [mdxCodeGuard(), authorHtmlPlugin(policy(), undefined, options), ...(base === '/' ? [] : [baseLinksPlugin(base)])] });
}

export interface BodyReport {
  problems: ContentProblem[];
  /** One line per file: what the allow-list removed from its body. */
  removals: string[];
}

/** Pre-flight over every article body: MDX code problems (with the file's own line numbers) and HTML removals. */
export function preflightBodies(
  articles: readonly { file: string; path: string; source: string; body: string }[],
  dir = contentDir(),
  cache = preflightCache(path.resolve(cacheDirFor(dir))),
  { quickPath = true }: AuthorHtmlOptions = {},
): BodyReport {
  const trust = effectiveTrust(site.content);
  const allowList = policy();
  const report: BodyReport = { problems: [], removals: [] };
  for (const article of articles) {
    const { problems, removed } = cache.get(article, `${trust}\0${dir}`, () => checkBody(article, { trust, allowList, dir, quickPath }));
    report.problems.push(...problems);
    if (removed.length) report.removals.push(`${article.file}: removed author HTML that content.html does not allow: ${removed.join(', ')}`);
  }
  cache.save();
  return report;
}

function checkBody(article: { file: string; path: string; source: string; body: string }, { trust, allowList, dir, quickPath }: { trust: MdxCodeContext['trust']; allowList: ReturnType<typeof policy>; dir: string; quickPath: boolean }): BodyResult {
  const result: BodyResult = { problems: [], removed: [] };
  const html = authorHtmlPlugin(allowList, (r) => result.removed.push(...r), { quickPath });
  try {
    if (article.file.endsWith('.mdx')) {
      // The reader kept the file's text: line numbers count the frontmatter too.
      const at = article.source.lastIndexOf(article.body);
      const lineOffset = at > 0 ? article.source.slice(0, at).split('\n').length - 1 : 0;
      const ctx: MdxCodeContext = { trust, absFile: article.path, file: article.file, contentDir: dir, lineOffset };
      mdxToJs(article.body, { hastPlugins: [mdxCodePlugin(() => ctx, (p) => result.problems.push(...p)), html] });
    } else {
      markdownToHtml(article.body, { hastPlugins: [html] });
    }
  } catch {
    // A syntax error is reported by the MDX compiler itself, with its position.
  }
  return result;
}
