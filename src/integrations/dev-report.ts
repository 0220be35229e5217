/**
 * `astro dev` with broken content: the server starts and serves every usable
 * article; the URL of a broken one answers with its problem report instead of
 * a bare 404, so the author sees what to fix where they are looking.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeUTF8 } from 'entities';
import { formatProblems, usableContent, type LoadedContent } from '../lib/content/index.ts';
import { urls } from '../data/urls.ts';

/** The report page for a broken article's URL, or undefined for any other URL. */
export function brokenArticlePage(content: LoadedContent, pathname: string): string | undefined {
  const usable = new Set(usableContent(content).articles.map((a) => a.file));
  const entry = content.articleFiles.find((a) => urls.article(a.id) === pathname || urls.article(a.id) === `${pathname}/`);
  if (!entry || usable.has(entry.file)) return undefined;
  const own = content.problems.filter((p) => p.file === entry.file);
  const report = own.length ? formatProblems(own) : `${entry.file} is not served: one of its authors has problems.\n\n${formatProblems(content.problems)}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content problem: ${escapeUTF8(entry.file)}</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem">
<h1>This article has problems</h1><p>The build stops on them. Fix the file, save it and reload this page.</p>
<pre style="white-space: pre-wrap; background: #f6f6f6; padding: 1rem">${escapeUTF8(report)}</pre></body></html>`;
}

export function devReportMiddleware(load: () => Promise<LoadedContent>) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = pathname.startsWith('/articles/') ? brokenArticlePage(await load(), pathname) : undefined;
    if (!page) return next();
    res.statusCode = 500;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  };
}
