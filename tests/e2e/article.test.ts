import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

describe('article page in Chromium', () => {
  it('copies the link when the Web Share API is missing, and says so', async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    await page.goto('/articles/full-feature/');
    const button = page.locator('[data-copy-link]');
    await expect(button.textContent()).resolves.toBe('Copy link');
    await button.click();
    // The clipboard write is asynchronous: wait for the button to report it.
    await page.waitForFunction(() => document.querySelector('[data-copy-link]')?.textContent === 'Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://broadsheet.example.com/articles/full-feature/');
    expect(await page.locator('[data-copy-status]').textContent()).toBe('Link copied to the clipboard');
  });

  it('uses the Web Share API where the browser has it', async () => {
    const page = await site.page();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: (data: ShareData) => { (window as any).shared = data; return Promise.resolve(); } });
    });
    await page.goto('/articles/full-feature/');
    const button = page.locator('[data-copy-link]');
    await expect(button.textContent()).resolves.toBe('Share…');
    await button.click();
    expect(await page.evaluate(() => (window as any).shared)).toEqual({ url: 'https://broadsheet.example.com/articles/full-feature/', title: 'Sparse experts reach a trillion parameters' });
  });

  it('reaches the main content with the skip link from the keyboard', async () => {
    const page = await site.page();
    await page.goto('/articles/full-feature/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });
});
