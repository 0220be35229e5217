import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from './browser.ts';
import { recordCspViolations, waitForStatus } from './search-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

describe('Content-Security-Policy in Chromium', () => {
  it('home page: the inline theme script and the theme toggle run, no violations', async () => {
    const page = await site.page();
    const violations = await recordCspViolations(page);
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark'); // the inline script ran
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await violations()).toEqual([]);
  });

  it('article page: component styles apply, the copy-link script runs, JSON-LD is inert data, no violations', async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    const violations = await recordCspViolations(page);
    await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    await page.goto('/articles/full-feature/');
    expect(await page.locator('.layout').evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    expect(await page.locator('pre.astro-code').first().evaluate((el) => el.getAttribute('style'))).toBeTruthy(); // Shiki colours: style-src-attr
    await page.locator('[data-copy-link]').click();
    await page.waitForFunction(() => document.querySelector('[data-copy-link]')?.textContent === 'Link copied');
    expect(await violations()).toEqual([]);
  });

  it('search page and dialog: Pagefind loads and searches, no violations', async () => {
    const page = await site.page();
    const violations = await recordCspViolations(page);
    await page.goto('/search/?q=experts');
    await waitForStatus(page, /^1 result for “experts”/);
    expect(await violations()).toEqual([]);

    await page.goto('/');
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'search-dialog-q');
    await page.keyboard.type('memory');
    await page.waitForSelector('[role=option]');
    expect(await violations()).toEqual([]);
  });

  it('a script an author pasted into an article body never reaches the page', async () => {
    const page = await site.page();
    const violations = await recordCspViolations(page);
    const alerts: string[] = [];
    page.on('dialog', (d) => { alerts.push(d.message()); void d.dismiss(); });
    await page.goto('/articles/hostile-article/');
    expect(alerts).toEqual([]);
    // The allow-list removed it at build time (src/lib/html/policy.ts), so the CSP had nothing to block.
    expect(await page.locator('.prose script, .prose iframe, .prose [onerror]').count()).toBe(0);
    expect(await violations()).toEqual([]);
  });
});
