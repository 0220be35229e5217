/**
 * Issue 13's fixes in Chromium, on the built fixture site: card grids fill
 * their row, `hidden` beats `.button`, the search page does not shift and puts
 * results first on phones, wide tables show that they scroll and keep their key
 * column, figures switch to their dark variant, and the contents mark the
 * section being read.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './browser.ts';
import { waitForStatus } from './search-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Column count and whether the cards reach the grid's right edge (no empty column). */
function gridFill(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const grid = document.querySelector(sel)!;
    const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').filter((c) => parseFloat(c) > 0).length;
    const cards = [...grid.children].map((c) => c.getBoundingClientRect());
    const right = Math.max(...cards.map((r) => r.right));
    return { columns, cards: cards.length, gap: Math.round(grid.getBoundingClientRect().right - right) };
  }, selector);
}

describe('card grids', () => {
  it.each([
    ['related articles', '/articles/full-feature/', '.related .card-grid'],
    ['404 latest', '/no-such-page/', '.not-found .card-grid'],
  ])('%s: three cards fill the row at 1366 px', async (_name, path, selector) => {
    const page = await site.page({ viewport: DESKTOP });
    await page.goto(path);
    const fill = await gridFill(page, selector);
    expect(fill.cards).toBe(3);
    expect(fill.columns).toBe(3);
    expect(fill.gap).toBeLessThanOrEqual(1);
    await page.context().close();
  });
});

describe('search page', () => {
  it('honours [hidden] on .button: "Show more results" is not shown when every result is', async () => {
    const page = await site.page({ viewport: DESKTOP });
    await page.goto('/search/?q=experts');
    await waitForStatus(page, /result/);
    const more = page.locator('[data-search-more]');
    expect(await more.getAttribute('hidden')).not.toBeNull();
    expect(await more.isVisible()).toBe(false);
    expect(await more.evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await page.context().close();
  });

  it.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('shifts less than 0.05 (CLS) while results render (%s)', async (_name, viewport) => {
    const page = await site.page({ viewport });
    await page.addInitScript(() => {
      (window as any).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/search/?q=chips');
    await waitForStatus(page, /result/);
    await page.evaluate(() => Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; })))));
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => (window as any).__cls as number);
    expect(cls).toBeLessThan(0.05);
    await page.context().close();
  });

  it('on a phone, folds the filters into a closed disclosure so the first result is on the first screen', async () => {
    const page = await site.page({ viewport: PHONE });
    await page.goto('/search/?q=chips&category=chips');
    await waitForStatus(page, /result/);
    const filters = page.locator('[data-search-filters]');
    expect(await filters.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('[data-search-filter-count]').textContent()).toBe('1');
    const top = await page.locator('[data-search-results] > li').first().evaluate((li) => li.getBoundingClientRect().top);
    expect(top).toBeLessThan(PHONE.height);
    await page.locator('[data-search-filters] > summary').click();
    expect(await page.locator('input[name="category"][value="chips"]').isVisible()).toBe(true);
    await page.context().close();
  });

  it('on a wide screen, shows the filters as an open column', async () => {
    const page = await site.page({ viewport: DESKTOP });
    await page.goto('/search/?q=chips');
    await waitForStatus(page, /result/);
    expect(await page.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.context().close();
  });
});

describe('wide tables on a phone', () => {
  it('fade at the right edge until scrolled to the end, and keep the key column in place', async () => {
    const page = await site.page({ viewport: PHONE });
    await page.goto('/articles/full-feature/');
    const box = page.locator('.table-scroll').nth(1);
    await box.scrollIntoViewIfNeeded();
    const state = () => box.evaluate((el) => {
      const key = el.querySelector('tbody td')!.getBoundingClientRect().left - el.getBoundingClientRect().left;
      return { overflow: el.scrollWidth > el.clientWidth, fade: Number(getComputedStyle(el, '::after').opacity), key: Math.round(key) };
    });
    const start = await state();
    expect(start.overflow).toBe(true);
    expect(start.fade).toBeGreaterThan(0.9);
    await box.evaluate((el) => { el.scrollLeft = 120; });
    await page.waitForTimeout(100);
    const middle = await state();
    expect(middle.key).toBe(start.key); // sticky: the key column did not move
    expect(middle.fade).toBeGreaterThan(0.9);
    await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await page.waitForTimeout(100);
    expect((await state()).fade).toBeLessThan(0.1);
    await page.context().close();
  });

  it('uses tabular figures only in numeric cells', async () => {
    const page = await site.page({ viewport: PHONE });
    await page.goto('/articles/full-feature/');
    const variants = await page.locator('.table-scroll').nth(1).evaluate((el) => ({
      key: getComputedStyle(el.querySelector('tbody td')!).fontVariantNumeric,
      figure: getComputedStyle(el.querySelector('tbody td.num')!).fontVariantNumeric,
    }));
    expect(variants.key).not.toContain('tabular-nums');
    expect(variants.figure).toContain('tabular-nums');
    await page.context().close();
  });
});

describe('figures', () => {
  const shown = (page: Page) => page.locator('figure.figure--themed').evaluate((f) => {
    const visible = (sel: string) => getComputedStyle(f.querySelector(sel)!).display !== 'none';
    return { light: visible('picture.figure-light'), dark: visible('picture.figure-dark') };
  });

  it('show the dark variant in the dark theme (system or chosen) and only fetch the one shown', async () => {
    const page = await site.page({ viewport: DESKTOP, colorScheme: 'dark' });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/articles/full-feature/');
    const figure = page.locator('figure.figure--themed');
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('picture.figure-dark img') as HTMLImageElement).complete);
    expect(await shown(page)).toEqual({ light: false, dark: true });
    expect(requested.some((p) => /\/_astro\/chart-dark\./.test(p))).toBe(true);
    expect(requested.some((p) => /\/_astro\/chart\.[^/]*\.avif$/.test(p))).toBe(false);
    // The reader's own choice wins over the system's.
    await page.locator('[data-theme-toggle]').first().click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await shown(page)).toEqual({ light: true, dark: false });
    await page.context().close();
  });

  it('show the light image in the light theme', async () => {
    const page = await site.page({ viewport: PHONE, colorScheme: 'light' });
    await page.goto('/articles/full-feature/');
    expect(await shown(page)).toEqual({ light: true, dark: false });
    await page.context().close();
  });
});

describe('table of contents', () => {
  it('marks the section being read, and follows the reader', async () => {
    const page = await site.page({ viewport: DESKTOP });
    await page.goto('/articles/full-feature/');
    const current = () => page.locator('.toc a[aria-current="location"]').getAttribute('href');
    await page.evaluate(() => document.getElementById('the-memory-bill')!.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#the-memory-bill');
    expect(await current()).toBe('#the-memory-bill');
    await page.evaluate(() => document.getElementById('what-comes-next')!.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#what-comes-next');
    // Back to the top: no section is current.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current]') === null);
    expect(await page.locator('.toc a[aria-current]').count()).toBe(0);
    await page.context().close();
  });
});
