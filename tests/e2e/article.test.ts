import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

describe('article page in Chromium', () => {
  it('copies the link, says so, and resets the label; no Share button without the Web Share API', async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.clock.install();
    await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    await page.goto('/articles/full-feature/');
    const button = page.locator('[data-copy-link]');
    await expect(button.textContent()).resolves.toBe('Copy link');
    expect(await page.locator('[data-share]').isVisible()).toBe(false);
    await button.click();
    // The clipboard write is asynchronous: wait for the button to report it.
    await page.waitForFunction(() => document.querySelector('[data-copy-link]')?.textContent === 'Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://broadsheet.example.com/articles/full-feature/');
    expect(await page.locator('[data-copy-status]').textContent()).toBe('Link copied to the clipboard');
    await page.clock.runFor(2000);
    expect(await button.textContent()).toBe('Link copied');
    await page.clock.runFor(600);
    expect(await button.textContent()).toBe('Copy link');
    expect(await page.locator('[data-copy-status]').textContent()).toBe('Link copied to the clipboard');
  });

  it('says when copying fails, shows the link in the status, and resets the label', async () => {
    const page = await site.page();
    await page.clock.install();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    await page.goto('/articles/full-feature/');
    await page.locator('[data-copy-link]').click();
    await page.waitForFunction(() => document.querySelector('[data-copy-link]')?.textContent === 'Copy failed');
    expect(await page.locator('[data-copy-status]').textContent()).toBe('Copy this link: https://broadsheet.example.com/articles/full-feature/');
    await page.clock.runFor(2600);
    expect(await page.locator('[data-copy-link]').textContent()).toBe('Copy link');
  });

  it('keeps Copy link and adds a Share… button that calls the Web Share API where the browser has it', async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: (data: ShareData) => { (window as any).shared = data; return Promise.resolve(); } });
    });
    await page.goto('/articles/full-feature/');
    const share = page.locator('[data-share]');
    expect(await share.isVisible()).toBe(true);
    await expect(share.textContent()).resolves.toBe('Share…');
    await share.click();
    await page.waitForFunction(() => (window as any).shared !== undefined);
    expect(await page.evaluate(() => (window as any).shared)).toEqual({ url: 'https://broadsheet.example.com/articles/full-feature/', title: 'Sparse experts reach a trillion parameters' });

    // The plain copy is still there and still copies.
    const copy = page.locator('[data-copy-link]');
    await expect(copy.textContent()).resolves.toBe('Copy link');
    await copy.click();
    await page.waitForFunction(() => document.querySelector('[data-copy-link]')?.textContent === 'Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://broadsheet.example.com/articles/full-feature/');
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
