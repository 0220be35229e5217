/**
 * The fixture site served under a path: built with SITE_URL=https://news.example.net/blog/
 * (which replaces `url` in src/site.config.ts), every link, asset, feed item,
 * social card, sitemap entry, robots line, canonical URL and JSON-LD URL must
 * keep /blog/, and every internal reference must lead to a built file. Then
 * Chromium searches it, served under /blog/ only, as a host would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildFixture, readOut, type BuildResult } from '../support/build.ts';
import { siteReferences } from '../support/crawl.ts';
import { all, jsonLd, page } from '../support/dom.ts';
import { openSite, type Site } from '../e2e/browser.ts';

// Not example.com: the fixture's authors link to example.com pages that are not part of the site.
const ORIGIN = 'https://news.example.net';
const BASE = '/blog/';
let build: BuildResult;
let out: string;

beforeAll(() => {
  // The newsletter is on here (off in every other build), so its form and thanks page are built and checked under the base too.
  const newsletter = { enabled: true, action: 'https://mail.example.org/subscribe', redirectField: 'redirect_to', hiddenFields: { list: 'weekly' } };
  build = buildFixture(`base-path-${process.pid}`, 'tests/fixtures/site/content', { SITE_URL: `${ORIGIN}${BASE}`, BROADSHEET_CONFIG: JSON.stringify({ newsletter }) });
  if (build.status !== 0) throw new Error(`base-path build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  out = build.outDir;
});
afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

/** The file a host serving dist/ under BASE answers with for an absolute URL, or undefined. */
function fileFor(url: URL): string | undefined {
  if (!url.pathname.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(url.pathname.slice(BASE.length));
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  return existsSync(path.join(out, file)) ? file : undefined;
}

function pageUrl(file: string): URL {
  const rel = file.split(path.sep).join('/');
  return new URL(rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel, `${ORIGIN}${BASE}`);
}

describe('a site built under /blog/', () => {
  it('keeps the base in canonical, Open Graph and social-card URLs, and the card exists', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${ORIGIN}/blog/articles/full-feature/`);
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${ORIGIN}/blog/articles/full-feature/`);
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(`${ORIGIN}/blog/og/full-feature.png`);
    expect(existsSync(path.join(out, 'og/full-feature.png'))).toBe(true);
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/blog/favicon.svg');
    expect(doc.querySelector('.site-header .brand')?.getAttribute('href')).toBe('/blog/');
  });

  it('keeps the base in JSON-LD', () => {
    const [article, crumbs] = jsonLd(page(out, 'articles/full-feature/index.html'));
    expect(article!['url']).toBe(`${ORIGIN}/blog/articles/full-feature/`);
    expect(article!['image'][0]).toBe(`${ORIGIN}/blog/og/full-feature.png`);
    expect(article!['publisher']['url']).toBe(`${ORIGIN}/blog/`);
    expect(article!['publisher']['logo']['url']).toBe(`${ORIGIN}/blog/logo.svg`);
    expect(crumbs!['itemListElement'].map((c: { item: string }) => c.item)).toEqual([`${ORIGIN}/blog/`, `${ORIGIN}/blog/category/models/`, `${ORIGIN}/blog/articles/full-feature/`]);
  });

  it('keeps the base in feeds and their item links', () => {
    const rss = readOut(out, 'rss.xml');
    // No XSL any more (issue 13): subscribers get /feeds/, which lists every feed under the base.
    expect(rss).not.toContain('<?xml-stylesheet');
    expect(readOut(out, 'feeds/index.html')).toContain(`${ORIGIN}/blog/category/models/rss.xml`);
    expect(rss).toContain(`<link>${ORIGIN}/blog/</link>`);
    expect(rss).toContain(`<atom:link href="${ORIGIN}/blog/rss.xml"`);
    const links = [...rss.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(/^https:\/\/news\.example\.net\/blog\/articles\/[a-z0-9-]+\/$/);
    const json = JSON.parse(readOut(out, 'feed.json'));
    expect([json.home_page_url, json.feed_url]).toEqual([`${ORIGIN}/blog/`, `${ORIGIN}/blog/feed.json`]);
    for (const item of json.items) expect(item.url).toMatch(/^https:\/\/news\.example\.net\/blog\/articles\//);
    expect(readOut(out, 'category/models/rss.xml')).toContain(`<atom:link href="${ORIGIN}/blog/category/models/rss.xml"`);
  });

  it('keeps the base in the sitemap and robots.txt', () => {
    expect(readOut(out, 'robots.txt')).toContain(`Disallow: /blog/search/\n\nSitemap: ${ORIGIN}/blog/sitemap-index.xml`);
    expect(readOut(out, 'sitemap-index.xml')).toContain(`<loc>${ORIGIN}/blog/sitemap-0.xml</loc>`);
    const locs = [...readOut(out, 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    expect(locs.length).toBeGreaterThan(20);
    for (const loc of locs) expect(fileFor(loc), loc.href).toBeDefined();
    expect(readOut(out, 'sitemap-0.xml')).toMatch(/<loc>https:\/\/news\.example\.net\/blog\/articles\/full-feature\/<\/loc><lastmod>/);
  });

  it('links every stylesheet, script, font and image under the base', () => {
    const doc = page(out, 'index.html');
    const assets = [...all(doc, 'link[rel="stylesheet"], link[rel="preload"]').map((l) => l.getAttribute('href')!), ...all(doc, 'script[src]').map((s) => s.getAttribute('src')!), ...all(doc, 'img').map((i) => i.getAttribute('src')!)];
    expect(assets.length).toBeGreaterThan(4);
    for (const asset of assets) expect(asset.startsWith('/blog/'), asset).toBe(true);
  });

  it('crawls: every internal reference in every page, feed, sitemap and stylesheet resolves to a built file', () => {
    const refs = siteReferences(out);
    const broken: string[] = [];
    let internal = 0;
    for (const { from, url } of refs) {
      if (/^(mailto|tel|data|javascript):/.test(url) || url.startsWith('#')) continue;
      // The hostile fixture links to files that do not exist on purpose, and the
      // 404 page (served at any missing path) names /404/ as its own URL.
      if (from.includes('hostile-article') || url.includes('hostile-article/x.png') || (from === '404.html' && url.endsWith('/404/'))) continue;
      const resolved = new URL(url, pageUrl(from));
      if (resolved.origin !== ORIGIN) continue;
      internal++;
      if (!fileFor(resolved)) broken.push(`${from}: ${url}`);
    }
    expect(internal).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
});

describe('search under /blog/ in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(out, BASE);
  });
  afterAll(() => site?.close());

  it('loads the Pagefind bundle from /blog/pagefind/ and links results under /blog/', async () => {
    const page = await site.page();
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto('/blog/search/?q=routing%20experts');
    const first = page.locator('[data-search-results] .result-card-title a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/blog/articles/full-feature/');
    await first.click();
    await page.waitForURL('**/blog/articles/full-feature/');
    expect(await page.locator('h1').first().textContent()).toContain('Sparse experts');
    expect(failed).toEqual([]);
  });
});

describe('the newsletter, switched on, under /blog/', () => {
  it('puts a no-JS form posting to the provider in the footer, at the end of articles and on author pages', () => {
    for (const file of ['index.html', 'articles/full-feature/index.html', 'authors/ada-quill/index.html']) {
      const forms = all(page(out, file), 'form[action="https://mail.example.org/subscribe"]');
      expect(forms.length, file).toBeGreaterThan(0);
      for (const form of forms) {
        const input = form.querySelector('input[type="email"]');
        expect(input?.getAttribute('required'), file).not.toBeNull();
        expect(form.querySelector(`label[for="${input?.getAttribute('id')}"]`), file).not.toBeNull();
        expect(form.querySelector('input[name="redirect_to"]')?.getAttribute('value')).toBe(`${ORIGIN}/blog/newsletter/thanks/`);
        expect(form.querySelector('input[name="list"]')?.getAttribute('value')).toBe('weekly');
      }
    }
  });

  it('builds the thanks page under the base, keeps it out of the sitemap, and lets the CSP post to the provider', () => {
    const thanks = page(out, 'newsletter/thanks/index.html');
    expect(thanks.querySelector('h1')).not.toBeNull();
    expect(readOut(out, 'sitemap-0.xml')).not.toContain('newsletter/thanks');
    const csp = page(out, 'index.html').querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/form-action 'self' https:\/\/mail\.example\.org/);
  });
});
