import { describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { htmlPages } from '../support/files.ts';
import { all, jsonLd, page, text } from '../support/dom.ts';
import { readOut } from '../support/build.ts';

const out = inject('siteOut');
const cardLinks = (doc: Document) => all(doc, 'article.card .title a').map((a) => a.getAttribute('href'));

const htmlFiles = htmlPages;

describe('home page', () => {
  it('leads with the newest featured article, then the latest and a section per category with stories not shown above', () => {
    const home = page(out, 'index.html');
    expect(home.querySelector('.card--lead .title a')?.getAttribute('href')).toBe('/articles/full-feature/');
    const sections = all(home, 'section[aria-labelledby^="section-"] h2').map(text);
    // Models, Policy and Explainers have no story that is not already in the lead or Latest.
    expect(sections).toEqual(['Chips & Compute']);
    expect(text(home.querySelector('h1'))).toContain('Broadsheet');
  });
});

describe('section pages', () => {
  it('paginates a category: 12 on page 1, the rest on /2/, with prev/next links', () => {
    const first = page(out, 'category/chips/index.html');
    const second = page(out, 'category/chips/2/index.html');
    expect(cardLinks(first)).toHaveLength(12);
    expect(cardLinks(second)).toHaveLength(1);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/category/chips/2/');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/category/chips/');
    expect(text(second.querySelector('.pagination'))).toContain('Page 2 of 2');
    expect(all(second, '.pagination a.page').map((a) => [text(a), a.getAttribute('href')])).toEqual([['Page 1', '/category/chips/']]);
    expect(text(second.querySelector('.pagination [aria-current="page"]'))).toBe('Page 2');
    expect(existsSync(path.join(out, 'category/chips/3/index.html'))).toBe(false);
    expect(second.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://broadsheet.example.com/category/chips/2/');
  });

  it('lists a category newest first with its name, description and feed link', () => {
    const chips = page(out, 'category/chips/index.html');
    expect(text(chips.querySelector('h1'))).toBe('Chips & Compute');
    expect(text(chips.querySelector('.section-header'))).toContain('Accelerators, data centres');
    const dates = all(chips, 'article.card time').map((t) => t.getAttribute('datetime')!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(chips.querySelector('.section-header a[href="/category/chips/rss.xml"]')).not.toBeNull();
  });

  it('builds tag pages for normalised tags, a tag index with counts and paginated tags', () => {
    expect(cardLinks(page(out, 'tags/moe/index.html'))).toEqual(['/articles/full-feature/']);
    const second = page(out, 'tags/chip-notes/2/index.html');
    expect(cardLinks(second)).toHaveLength(1);
    expect(text(second.querySelector('.section-header .description'))).toBe('13 articles tagged “chip-notes” on Broadsheet.');
    const index = page(out, 'tags/index.html');
    const entries = all(index, '.tag-index li').map(text);
    expect(entries[0]).toBe('#chip-notes 13 articles');
    expect(entries).toContain('#kv-cache 2 articles');
  });

  it('builds author pages with the long bio and their articles, and an authors index', () => {
    const ada = page(out, 'authors/ada-quill/index.html');
    expect(text(ada.querySelector('h1'))).toBe('Ada Quill');
    expect(text(ada.querySelector('.bio'))).toContain('This is the long bio');
    expect(cardLinks(ada)).toEqual(['/articles/full-feature/']);
    expect(cardLinks(page(out, 'authors/bo-lindgren/2/index.html'))).toHaveLength(3);
    const index = page(out, 'authors/index.html');
    expect(all(index, '.author-box .name').map(text)).toEqual(['Ada Quill', 'Bo Lindgren', 'Cy Okoye']);
  });

  it('groups the archive by year and month, newest first', () => {
    const archive = page(out, 'archive/index.html');
    expect(all(archive, 'h2').map(text)).toEqual(['2026', '2025']);
    expect(all(archive, 'h3').map(text).slice(0, 3)).toEqual(['March 2026', 'February 2026', 'January 2026']);
    expect(text(archive.querySelector('.meta'))).toBe('16 articles');
  });
});

describe('drafts and scheduled articles', () => {
  it('are absent from every page, tag, sitemap and listing', () => {
    expect(existsSync(path.join(out, 'articles/draft-article'))).toBe(false);
    expect(existsSync(path.join(out, 'articles/scheduled-article'))).toBe(false);
    expect(existsSync(path.join(out, 'tags/draft-only-tag'))).toBe(false);
    expect(existsSync(path.join(out, 'tags/scheduled-only-tag'))).toBe(false);
    for (const file of htmlFiles(out)) {
      const html = readOut(out, file);
      expect(html, file).not.toContain('draft-article');
      expect(html, file).not.toContain('Draft that must never ship');
      expect(html, file).not.toContain('scheduled-article');
    }
    expect(readOut(out, 'sitemap-0.xml')).not.toMatch(/draft-article|scheduled-article/);
  });
});

describe('404, sitemap and robots', () => {
  it('has a 404 page that is not indexed and links onward', () => {
    const notFound = page(out, '404.html');
    expect(text(notFound.querySelector('h1'))).toBe('We couldn’t find that page');
    expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(notFound.querySelector('main a[href="/search/"]')).not.toBeNull();
    // Served at any missing URL, it has no address of its own: /404/ does not exist.
    expect(notFound.querySelector('link[rel="canonical"]')).toBeNull();
    expect(notFound.querySelector('meta[property="og:url"]')).toBeNull();
    expect(readOut(out, '404.html')).not.toContain('/404/');
  });

  it('lists every public page in the sitemap, and not 404 or search', () => {
    const sitemap = readOut(out, 'sitemap-0.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain('https://broadsheet.example.com/articles/full-feature/');
    expect(locs).toContain('https://broadsheet.example.com/category/chips/2/');
    expect(locs).toContain('https://broadsheet.example.com/authors/ada-quill/');
    expect(locs.some((l) => /404|\/search\//.test(l!))).toBe(false);
    expect(readOut(out, 'sitemap-index.xml')).toContain('https://broadsheet.example.com/sitemap-0.xml');
    // Articles carry their update (else publication) date; the home page its newest article's.
    expect(sitemap).toContain('<loc>https://broadsheet.example.com/articles/full-feature/</loc><lastmod>2026-03-12T09:30:00.000Z</lastmod>');
    expect(sitemap).toContain('<loc>https://broadsheet.example.com/articles/plain-markdown/</loc><lastmod>2026-02-01T00:00:00.000Z</lastmod>');
    expect(sitemap).toContain('<loc>https://broadsheet.example.com/</loc><lastmod>2026-03-12T09:30:00.000Z</lastmod>');
  });

  it('points robots.txt at the sitemap', () => {
    expect(readOut(out, 'robots.txt')).toBe('User-agent: *\nAllow: /\nDisallow: /search/\n\nSitemap: https://broadsheet.example.com/sitemap-index.xml\n');
  });

  it('gives every page a title, description, canonical URL, OG tags and parseable JSON-LD', () => {
    for (const file of htmlFiles(out).filter((f) => f !== '404.html')) {
      const doc = page(out, file);
      expect(text(doc.querySelector('title')), file).not.toBe('');
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content'), file).toBeTruthy();
      // plain-markdown sets canonicalUrl (first published elsewhere); every other page is canonical here.
      const canonical = file === 'articles/plain-markdown/index.html' ? /^https:\/\/example\.org\// : /^https:\/\/broadsheet\.example\.com\//;
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toMatch(canonical);
      expect(doc.querySelector('meta[property="og:title"]'), file).not.toBeNull();
      expect(jsonLd(doc).map((d) => d['@type']), file).toContain('BreadcrumbList');
    }
  });
});

describe('build log', () => {
  const log = inject('siteLog');
  it('says where the output went and how many pages were written', () => {
    expect(log).toMatch(/\[broadsheet\] wrote \d+ pages to tests\/\.output\/site-\d+\//);
    expect(log).toContain('[broadsheet] content: 18 articles and 3 authors in tests/fixtures/site/content');
  });
  it('drops the upstream MODULE_LEVEL_DIRECTIVE noise of .mdx files', () => {
    expect(log).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });
});
