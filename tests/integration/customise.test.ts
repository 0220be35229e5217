/**
 * Customising without forking: the fixture built with settings from the
 * config (BROADSHEET_CONFIG replaces them as the site config file would) and
 * component overrides from a fixture overrides folder (OVERRIDES_DIR).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildFixture, type BuildResult } from '../support/build.ts';
import { filesUnder } from '../support/crawl.ts';
import { all, page, text } from '../support/dom.ts';

const SETTINGS = {
  search: false,
  dateFormat: 'medium',
  footer: { text: '© {year} {name} — printed in the fixture', links: [{ label: 'Imprint', href: '/archive/' }] },
  subscribe: { title: 'Get the newsletter', text: 'One email a week.', links: [{ label: 'Sign up', href: 'https://newsletter.example.org/subscribe' }] },
  fonts: { serif: 'Georgia, serif' },
  favicon: '/logo.svg',
  nav: [{ label: 'About', href: '/authors/' }],
  accentColor: '#1d4ed8',
  analytics: { provider: 'plausible', domain: 'news.example.net' },
};

let build: BuildResult;
let out: string;
beforeAll(() => {
  build = buildFixture(`customise-${process.pid}`, 'tests/fixtures/site/content', { OVERRIDES_DIR: 'tests/fixtures/overrides', BROADSHEET_CONFIG: JSON.stringify(SETTINGS) });
  if (build.status !== 0) throw new Error(`customised build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  out = build.outDir;
});
afterAll(() => { if (out && !process.env["KEEP"]) rmSync(out, { recursive: true, force: true }); });

const htmlPages = () => filesUnder(out).filter((f) => f.endsWith('.html'));

describe('component overrides', () => {
  it('uses src/overrides/Footer.astro on every page, wrapping the theme footer it imports', () => {
    for (const file of htmlPages()) {
      const doc = page(out, file);
      expect(doc.querySelector('[data-override="Footer"]'), file).not.toBeNull();
      expect(all(doc, 'footer.site-footer'), file).toHaveLength(1);
    }
  });

  it('uses src/overrides/mdx/Callout.astro inside articles instead of the theme callout', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    const callout = doc.querySelector('[data-override="Callout"]');
    expect(callout?.getAttribute('data-type')).toBe('warning');
    expect(text(callout)).toContain('Routing caveat');
    expect(doc.querySelector('aside.callout')).toBeNull();
  });
});

describe('settings from the config', () => {
  it('applies footer text, footer links, the subscribe block, navigation, favicon, fonts, colour and date format', () => {
    const doc = page(out, 'index.html');
    expect(text(doc.querySelector('.site-footer .copy'))).toBe('© 2026 Broadsheet — printed in the fixture');
    expect(all(doc, '.site-footer a').map((a) => a.getAttribute('href'))).toContain('/archive/');
    expect(text(doc.querySelector('.site-footer .subscribe .name'))).toBe('Get the newsletter');
    expect(text(doc.querySelector('.site-footer .subscribe'))).toContain('One email a week.');
    expect(doc.querySelector('.site-footer .subscribe a')?.getAttribute('href')).toBe('https://newsletter.example.org/subscribe');
    expect(all(doc, '.site-header .secondary a').map((a) => [text(a), a.getAttribute('href')])).toEqual([['About', '/authors/']]);
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/logo.svg');
    const style = doc.documentElement.getAttribute('style')!;
    expect(style).toContain('--font-serif: Georgia, serif');
    expect(style).toContain('--accent-brand: #1d4ed8');
    // The replaced family is not preloaded; the other bundled one still is.
    expect(all(doc, 'link[rel="preload"][as="font"]').map((l) => l.getAttribute('href'))).toEqual([expect.stringMatching(/\/inter-normal\.[0-9a-f]{10}\.woff2$/)]);
    expect(text(doc.querySelector('article.card time'))).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });

  it('switches search off: no page, no index, no trigger, no dialog, no link', () => {
    expect(existsSync(path.join(out, 'search'))).toBe(false);
    expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
    for (const file of htmlPages()) {
      const doc = page(out, file);
      expect(doc.querySelector('[data-search-trigger], [data-search-dialog], a[href="/search/"]'), file).toBeNull();
    }
  });
});

describe('analytics', () => {
  it('when on, is the only third-party script, deferred, on every page, and the CSP allows exactly its origin', () => {
    for (const file of htmlPages()) {
      const doc = page(out, file);
      const foreign = all(doc, 'script[src]').filter((s) => !s.getAttribute('src')!.startsWith('/'));
      expect(foreign.map((s) => s.outerHTML), file).toEqual(['<script defer src="https://plausible.io/js/script.js" data-domain="news.example.net"></script>']);
      const csp = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' https:\/\/plausible\.io '/);
      expect(csp).toContain("connect-src 'self' https://plausible.io;");
      for (const link of all(doc, 'link[href^="http"]').filter((l) => l.getAttribute('rel') !== 'canonical' && l.getAttribute('rel') !== 'alternate')) {
        expect.fail(`${file} loads ${link.getAttribute('href')} from another origin`);
      }
    }
  });

  it('is off by default: the standard build has no third-party script and no extra CSP origin', () => {
    const site = inject('siteOut');
    const doc = page(site, 'articles/full-feature/index.html');
    expect(all(doc, 'script[src]').filter((s) => !s.getAttribute('src')!.startsWith('/'))).toEqual([]);
    const csp = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    expect(csp).not.toContain('connect-src');
    expect(csp).not.toMatch(/https:/);
  });
});
