/**
 * The design system in Chromium: no sideways scrolling on a 320 px phone, no
 * layout shift on the article page, no flash of the wrong theme, and AA colour
 * contrast (axe-core) on the front page and an article in both themes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

const PAGES = {
  home: '/',
  article: '/articles/full-feature/',
  category: '/category/chips/',
  'category page 2': '/category/chips/2/',
  tag: '/tags/moe/',
  'tags index': '/tags/',
  author: '/authors/ada-quill/',
  'authors index': '/authors/',
  archive: '/archive/',
  search: '/search/?q=experts',
  '404': '/no-such-page/',
};

/** Waits until web fonts and every image (lazy ones included) have loaded. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; }))));
    await document.fonts.ready;
  });
}

/** Sum of layout-shift values not caused by input, from the start of the page load. */
function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    let sum = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) sum += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(sum), 300);
  }));
}

describe('small screens', () => {
  it.each(Object.entries(PAGES))('%s has no horizontal scroll at 320 px', async (_name, path) => {
    const page = await site.page({ viewport: { width: 320, height: 640 } });
    await page.goto(path);
    await settle(page);
    const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.viewport);
    await page.context().close();
  });
});

describe('fonts and layout shift', () => {
  it('loads the self-hosted faces (no other origin) and shifts nothing on the article page', async () => {
    const page = await site.page({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(site.url)) foreign.push(r.url()); });
    await page.goto(PAGES.article);
    await settle(page);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/['"]/g, '')} ${f.style}`));
    expect(loaded).toEqual(expect.arrayContaining(['Source Serif 4 normal', 'Inter normal']));
    expect(await cumulativeLayoutShift(page)).toBe(0);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('keeps the shift tiny even when the fonts arrive late (metric-matched fallbacks)', async () => {
    const page = await site.page({ viewport: { width: 1280, height: 900 } });
    await page.route('**/_astro/fonts/*.woff2', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await page.goto(PAGES.article);
    await settle(page);
    // Without the overrides the swap of a serif body face moves the page by a CLS of ~0.1 or more.
    expect(await cumulativeLayoutShift(page)).toBeLessThan(0.02);
    await page.context().close();
  });
});

describe('theme', () => {
  it('switches with the toggle and keeps the choice on reload without a flash of the light theme', async () => {
    const page = await site.page({ colorScheme: 'light' });
    await page.goto(PAGES.article);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);

    // On reload, record the theme when <body> is first created and the background in the first frame.
    await page.addInitScript(() => {
      const w = window as any;
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        w.__themeAtBody = document.documentElement.dataset.theme ?? null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
      requestAnimationFrame(() => { w.__firstFrameBg = getComputedStyle(document.body ?? document.documentElement).backgroundColor; });
    });
    await page.reload();
    await page.waitForFunction(() => (window as any).__firstFrameBg !== undefined);
    const first = await page.evaluate(() => ({ theme: (window as any).__themeAtBody, bg: (window as any).__firstFrameBg }));
    expect(first).toEqual({ theme: 'dark', bg: dark });
    expect(await background()).toBe(dark);
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');

    // And back to light, which also persists.
    await page.click('[data-theme-toggle]');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await background()).toBe(light);
    await page.context().close();
  });
});

describe('colour contrast (axe-core)', () => {
  const cases = [
    { name: 'home', path: PAGES.home, mode: 'light' }, { name: 'home', path: PAGES.home, mode: 'dark' },
    { name: 'article', path: PAGES.article, mode: 'light' }, { name: 'article', path: PAGES.article, mode: 'dark' },
    { name: 'article', path: PAGES.article, mode: 'toggle' },
  ] as const;
  it.each(cases)('$name, $mode theme: no contrast violations', async ({ path, mode }) => {
    // axe is injected as an inline script, which the site's CSP would block.
    const page = await site.page({ colorScheme: mode === 'dark' ? 'dark' : 'light', bypassCSP: true });
    if (mode === 'toggle') await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(path);
    await settle(page);
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
      return result.violations.flatMap((v: any) => v.nodes.map((n: any) => `${n.target.join(' ')}: ${n.any.map((c: any) => c.message).join('; ')}`));
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
