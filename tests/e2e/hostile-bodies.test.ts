/**
 * Hostile article bodies (tests/fixtures/hostile): meta refresh, base, search
 * metadata, event handlers, javascript: links, srcdoc, SVG script, forms and
 * embeds, in raw HTML (.md) and lower-case JSX (.mdx). None of it reaches any
 * output file; in Chromium the pages do not navigate, nothing runs, and search
 * shows the real titles. The pages also pass the Nu HTML checker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildFixture } from '../support/build.ts';
import { htmlFiles, nuErrors } from '../support/nu.ts';
import { openSite, type Site } from './browser.ts';
import { recordCspViolations, resultTitles, waitForStatus } from './search-helpers.ts';

const built = buildFixture(`hostile-${process.pid}`, 'tests/fixtures/hostile/content');
const out = built.outDir;
const log = built.stdout + built.stderr;
const PAGES = ['/articles/hostile-markdown/', '/articles/hostile-mdx/'];
const TITLES = ['Markdown body with hostile HTML', 'MDX body with hostile JSX', 'Wafer yields climb at the new fab'];

let site: Site;
beforeAll(async () => {
  if (built.status === 0) site = await openSite(out);
});
afterAll(async () => {
  await site?.close();
  rmSync(out, { recursive: true, force: true });
});

const outputs = () => [...htmlFiles(out), path.join(out, 'rss.xml'), path.join(out, 'feed.json')];

describe('hostile bodies in the built files', () => {
  it('build, saying per file what it removed', () => {
    expect(built.status, log.slice(-4000)).toBe(0);
    expect(log).toMatch(/\[WARN\] \[broadsheet\] tests\/fixtures\/hostile\/content\/articles\/hostile-markdown\.md: removed author HTML that content\.html does not allow: .*<meta http-equiv/);
    expect(log).toMatch(/\[WARN\] \[broadsheet\] tests\/fixtures\/hostile\/content\/articles\/hostile-mdx\.mdx: removed author HTML that content\.html does not allow: <meta>, <base>, data-pagefind-meta on <span>/);
  });

  it('reach no page or feed', () => {
    for (const file of outputs()) {
      const text = readFileSync(file, 'utf8');
      const where = path.relative(out, file);
      expect(text.match(/evil\.example|__pwned|http-equiv="refresh"|<base\b|srcdoc|javascript:|<iframe|<object|<embed|onerror|onmouseover/gi), where).toBeNull();
    }
    // The theme's own search form is on every page; the authors' form and its button are gone.
    for (const page of PAGES) expect(readFileSync(path.join(out, page, 'index.html'), 'utf8').match(/<article[\s\S]*<\/article>/)![0], page).not.toMatch(/<form\b|<button>Send/);
  });

  it('leave search metadata to the theme: one title per page, filters only in the theme block', () => {
    for (const page of PAGES) {
      const html = readFileSync(path.join(out, page, 'index.html'), 'utf8');
      expect(html.match(/data-pagefind-meta="title"/g), page).toHaveLength(1);
      expect(html, page).not.toMatch(/data-pagefind-[a-z]+="[^"]*(Fake|Spoofed|2999)/);
    }
  });

  it('keep the author text and the mdxComponents', () => {
    const md = readFileSync(path.join(out, 'articles/hostile-markdown/index.html'), 'utf8');
    expect(md).toContain('<span>Spoofed search title</span>');
    expect(md).toContain('<a>a javascript link</a>');
    const mdx = readFileSync(path.join(out, 'articles/hostile-mdx/index.html'), 'utf8');
    expect(mdx).toMatch(/<aside class="callout callout--note[^"]*"[^>]*aria-label="Note"/);
  });

  it('pass the Nu HTML checker', () => {
    expect(nuErrors(out)).toEqual([]);
  }, 600_000);
});

describe('hostile bodies in Chromium', () => {
  it.each(PAGES)('%s does not navigate and runs nothing', async (url) => {
    const page = await site.page();
    const violations = await recordCspViolations(page);
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith(site.url)) requests.push(r.url()); });
    await page.goto(url);
    await page.locator('.prose p', { hasText: 'Hover over this paragraph' }).hover();
    await page.locator('.prose a', { hasText: 'a javascript link' }).first().click();
    await page.waitForTimeout(2500); // longer than the 1 s meta refresh
    expect(new URL(page.url()).pathname).toBe(url);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await violations()).toEqual([]); // nothing was even attempted: the CSP had nothing to block
  });

  it('search shows the real titles and no spoofed facet', async () => {
    const page = await site.page();
    await page.goto('/search/?q=wafer');
    await waitForStatus(page, /^3 results for “wafer”/);
    expect((await resultTitles(page)).map((t) => t.trim()).sort()).toEqual([...TITLES].sort());
    const facets = await page.locator('[data-count]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(facets.join('|')).not.toMatch(/Fake/);
  });
});
