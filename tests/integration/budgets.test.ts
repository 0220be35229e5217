/**
 * Page-weight budgets for the article page of the built fixture site (issue 13):
 *  - at most 2 KB of JavaScript (gzip) before any interaction: every script the
 *    page runs on load (inline and external, with their static imports), each
 *    gzipped on its own as a server would send it;
 *  - at most 35 KB of HTML + CSS (gzip): the document and every stylesheet it links.
 * Code that waits for the reader (the search dialog inside its <template>,
 * Pagefind, import() targets) is not counted. The figures are printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const out = inject('siteOut');
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const file = (href: string) => readFileSync(path.join(out, new URL(href, 'https://x.test/').pathname));

/** A module's static imports (`import … from "./x.js"` / `import "./x.js"`), resolved against it; dynamic import() is left out. */
function withStaticImports(href: string, seen = new Set<string>()): string[] {
  const url = new URL(href, 'https://x.test/').pathname;
  if (seen.has(url)) return [];
  seen.add(url);
  const code = file(url).toString('utf8');
  const deps = [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => new URL(m[1]!, `https://x.test${url}`).pathname);
  return [url, ...deps.flatMap((d) => withStaticImports(d, seen))];
}

function measure(page: string) {
  const html = readFileSync(path.join(out, page), 'utf8');
  const { document } = parseHTML(html);
  // Scripts that run on load: not JSON-LD, not inside a <template> (inert until inserted).
  const scripts = [...document.querySelectorAll('script')].filter((s) => !s.closest('template') && (!s.type || s.type === 'module' || s.type === 'text/javascript'));
  const seen = new Set<string>();
  const js = scripts.reduce((sum, s) => {
    const src = s.getAttribute('src');
    if (!src) return sum + gz(s.textContent ?? '');
    return sum + withStaticImports(src, seen).reduce((n, f) => n + gz(file(f)), 0);
  }, 0);
  const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => gz(file(l.getAttribute('href')!)));
  return { js, htmlCss: gz(html) + styles.reduce((a, b) => a + b, 0), scripts: scripts.length };
}

describe('article page budgets', () => {
  it.each(['articles/full-feature/index.html', 'articles/plain-markdown/index.html'])('%s: ≤ 2 KB JS and ≤ 35 KB HTML + CSS (gzip)', (page) => {
    const m = measure(page);
    console.log(`${page}: JS before interaction ${m.js} B gzip in ${m.scripts} scripts; HTML + CSS ${m.htmlCss} B gzip`);
    expect(m.scripts).toBeGreaterThan(0);
    expect(m.js).toBeLessThanOrEqual(2048);
    expect(m.htmlCss).toBeLessThanOrEqual(35 * 1024);
  });

  it('keeps the search dialog code out of the page until it is opened', () => {
    const { document } = parseHTML(readFileSync(path.join(out, 'articles/full-feature/index.html'), 'utf8'));
    const inert = document.querySelector('template[data-search-dialog-code]');
    expect(inert?.innerHTML).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
  });
});
