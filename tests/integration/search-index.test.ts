import { describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { htmlPages } from '../support/files.ts';
import { all, page } from '../support/dom.ts';
import { ROOT } from '../support/build.ts';

const out = inject('siteOut');
const log = inject('siteLog');

const htmlFiles = htmlPages;

/** Every page Pagefind stored, decoded: fragments are gzip'd JSON after a "pagefind_dcd" signature. */
function indexedPages(): { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }[] {
  const dir = path.join(out, 'pagefind/fragment');
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

describe('Pagefind index', () => {
  it('is written to dist/pagefind (script, entry, index chunks, wasm), never to public/', () => {
    const dir = path.join(out, 'pagefind');
    expect(existsSync(path.join(dir, 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'pagefind-entry.json'))).toBe(true);
    expect(readdirSync(path.join(dir, 'index')).filter((f) => f.endsWith('.pf_index')).length).toBeGreaterThan(0);
    expect(readdirSync(dir).some((f) => f.startsWith('wasm.'))).toBe(true);
    expect(existsSync(path.join(dir, 'playground'))).toBe(false);
    expect(existsSync(path.join(ROOT, 'public/pagefind'))).toBe(false);
  });

  it('logs how many pages it indexed and how long it took', () => {
    expect(log).toMatch(/pagefind: indexed 16 pages in \d+ ms -> .*pagefind\//);
    const entry = JSON.parse(readFileSync(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(16);
  });

  it('holds exactly the published articles, with meta, filters and sort keys', () => {
    const pages = indexedPages();
    expect(pages.every((p) => p.url.startsWith('/articles/'))).toBe(true);
    expect(pages.map((p) => p.url)).not.toContain('/articles/draft-article/');
    expect(pages.map((p) => p.url)).not.toContain('/articles/scheduled-article/');
    const full = pages.find((p) => p.url === '/articles/full-feature/')!;
    expect(full.meta).toMatchObject({ title: 'Sparse experts reach a trillion parameters', date: '2026-03-10', category: 'Models', author: 'Ada Quill, Bo Lindgren' });
    expect(full.meta['image']).toMatch(/^\/_astro\/.+\.webp$/);
    expect(full.filters).toEqual({ category: ['models'], tag: expect.arrayContaining(['moe', 'kv-cache', 'open-weights']), author: ['ada-quill', 'bo-lindgren'], year: ['2026'] });
    // Article text is in; breadcrumbs, byline, sources, share links, author box and related cards are not.
    expect(full.content).toContain('A router scores every expert');
    expect(full.content).toContain('First highlight about routing experts');
    for (const outside of ['Switch Transformers', 'Hacker News', 'sparse architectures', 'Compressing the KV cache', 'min read', 'Home']) {
      expect(full.content).not.toContain(outside);
    }
    // An article without a hero gets no image, not one picked from its body.
    expect(pages.find((p) => p.url === '/articles/hostile-article/')!.meta['image']).toBeFalsy();
  });
});

describe('indexing attributes in the HTML', () => {
  it('article pages mark the body, weights, ignored parts, metadata, filters and sort', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    const body = all(doc, '[data-pagefind-body]');
    expect(body.map((el) => el.tagName)).toEqual(['ARTICLE']);
    expect(doc.querySelector('h1')?.getAttribute('data-pagefind-weight')).toBe('10');
    expect(doc.querySelector('.dek')?.getAttribute('data-pagefind-weight')).toBe('8');
    expect(doc.querySelector('.highlights')?.parentElement?.getAttribute('data-pagefind-weight')).toBe('8');
    for (const selector of ['.breadcrumbs', '.byline', '.share-bar', '.toc-slot']) {
      expect(doc.querySelector(selector)?.closest('[data-pagefind-ignore]'), selector).not.toBeNull();
    }
    expect(doc.querySelector('.related')?.closest('[data-pagefind-body]')).toBeNull();
    expect(doc.querySelector('[data-pagefind-sort="date"]')?.textContent).toBe('2026-03-10');
  });

  it('no other page has data-pagefind-body: home, sections, archive, tags, authors, search, 404', () => {
    const others = htmlFiles(out).filter((f) => !f.startsWith('articles/'));
    expect(others).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html', 'category/chips/index.html', 'tags/moe/index.html', 'authors/ada-quill/index.html', 'archive/index.html']));
    for (const file of others) expect(readFileSync(path.join(out, file), 'utf8'), file).not.toContain('data-pagefind-body');
  });
});

describe('Content-Security-Policy', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const directives = (doc: Document) => {
    const content = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
  };

  it('is on every page, allows Pagefind\'s WebAssembly, and hashes every inline script and <style>', () => {
    // The author-HTML allow-list removes a body's <script> at build time; the hash check below is the second line.
    expect(all(page(out, 'articles/hostile-article/index.html'), '.prose script').length).toBe(0);
    for (const file of htmlFiles(out)) {
      const doc = page(out, file);
      const csp = directives(doc);
      expect(csp['script-src'], file).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
      expect(csp['script-src'], file).not.toContain("'unsafe-inline'");
      expect(csp['default-src'], file).toEqual(["'self'"]);
      for (const script of all(doc, 'script:not([src])')) {
        const type = script.getAttribute('type');
        if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON-LD is data, not script
        const hash = sha(script.textContent ?? '');
        // Raw HTML an author put in an article body must stay blocked; the theme's own scripts must run.
        if (script.closest('.prose')) expect(csp['script-src'], `${file}: article-body script`).not.toContain(hash);
        else expect(csp['script-src'], `${file}: inline script ${script.textContent?.slice(0, 40)}`).toContain(hash);
      }
      for (const style of all(doc, 'style')) {
        expect(csp['style-src-elem'], `${file}: inline style`).toContain(sha(style.textContent ?? ''));
      }
    }
  });
});

describe('search page HTML', () => {
  it('has a labelled form named like its URL, filter groups with build-time counts, sort, live status and a no-JS note', () => {
    const doc = page(out, 'search/index.html');
    expect(doc.querySelector('label[for="search-q"]')).not.toBeNull();
    expect(doc.querySelector('form[role="search"] input[name="q"]')).not.toBeNull();
    expect(all(doc, 'fieldset legend').map((l) => l.textContent)).toEqual(['Category', 'Year', 'Tags', 'Authors']);
    const count = (key: string, value: string) => doc.querySelector(`[data-count][data-key="${key}"][data-value="${value}"]`)?.textContent;
    expect(count('category', 'chips')).toBe('13');
    expect(count('tag', 'kv-cache')).toBe('2');
    expect(count('author', 'bo-lindgren')).toBe('15');
    expect(count('year', '2025')).toBe('13');
    expect(doc.querySelector('select[name="sort"]')).not.toBeNull();
    expect(doc.querySelector('[data-search-status][role="status"]')).not.toBeNull();
    const noscript = doc.querySelector('noscript')?.innerHTML ?? '';
    expect(noscript).toContain('Search needs JavaScript');
    expect(noscript).toContain('href="/archive/"');
    expect(noscript).toContain('href="/tags/"');
  });

  it('every page has the search dialog, labelled, and no search code beyond the opener', () => {
    const doc = page(out, 'articles/plain-markdown/index.html');
    const dialog = doc.querySelector('dialog[data-search-dialog]')!;
    expect(doc.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Search articles');
    expect(doc.querySelector('[data-search-trigger][href="/search/"]')).not.toBeNull();
    expect(readFileSync(path.join(out, 'articles/plain-markdown/index.html'), 'utf8')).not.toContain('pagefind.js');
  });
});

describe('the key-highlights label', () => {
  it('is not indexed as article text (only the highlights themselves are)', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    const heading = doc.querySelector('[data-pagefind-body] aside.highlights .heading');
    expect(heading?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });
});
