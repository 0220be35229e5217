import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './browser.ts';
import { axeViolations } from './search-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

const isOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>('[data-search-dialog]')!.open);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
const dialogStatus = (page: Page, pattern: RegExp) =>
  page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-search-dialog-status]')?.textContent ?? ''), pattern.source);

/** Counts requests for Pagefind's files. */
function pagefindRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/pagefind/')) seen.push(new URL(r.url()).pathname); });
  return seen;
}

describe('search dialog in Chromium', () => {
  it('"/" opens it, typing shows results, the arrows move and Enter opens the article', async () => {
    const page = await site.page();
    const requests = pagefindRequests(page);
    await page.goto('/articles/plain-markdown/');
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]); // nothing loads until a reader searches
    await page.keyboard.press('/');
    expect(await isOpen(page)).toBe(true);
    expect(await focusedId(page)).toBe('search-dialog-q');
    await page.keyboard.type('experts');
    await dialogStatus(page, /^1 result for “experts”/);
    expect(requests).toContain('/pagefind/pagefind.js');
    const input = page.locator('#search-dialog-q');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBe('search-dialog-option-0');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`#${active} .option-title`).textContent()).toBe('Sparse experts reach a trillion parameters');
    expect(await page.locator(`#${active} mark`).first().textContent()).toMatch(/experts/i);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/articles/full-feature/');
  });

  it('Ctrl+K and the header trigger open it; Escape closes it and focus returns', async () => {
    const page = await site.page();
    await page.goto('/');
    await page.keyboard.press('Control+k');
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);

    const trigger = page.locator('[data-search-trigger]');
    await trigger.focus();
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);
    expect(await focusedId(page)).toBe('search-dialog-q');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-trigger'))).toBe(true);
  });

  it('keeps focus inside while open', async () => {
    const page = await site.page();
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('cache');
    await dialogStatus(page, /results? for “cache”/);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-search-dialog]'))).toBe(true);
    }
  });

  it('closes with one Escape even with a query typed, and keeps the query', async () => {
    const page = await site.page();
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('moe');
    await dialogStatus(page, /results? for “moe”/);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    await page.keyboard.press('/');
    expect(await page.locator('#search-dialog-q').inputValue()).toBe('moe');
  });

  it('Tab from the field skips the results list (the arrows move through it)', async () => {
    const page = await site.page();
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('chip');
    await dialogStatus(page, /results? for “chip”/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('listbox');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-dialog-all'))).toBe(true);
  });

  it('"/" still works when a filter checkbox has focus', async () => {
    const page = await site.page();
    await page.goto('/search/?q=chip');
    await page.locator('input[type=checkbox]').first().focus();
    await page.keyboard.press('/');
    expect(await focusedId(page)).toBe('search-q');
  });

  it('ignores the shortcuts while typing in a field', async () => {
    const page = await site.page();
    await page.goto('/search/');
    await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-search-input]')!.blur());
    await page.getByLabel('Sort by').focus();
    await page.locator('#search-q').focus();
    await page.keyboard.type('a/b');
    expect(await page.locator('#search-q').inputValue()).toBe('a/b');
    expect(await isOpen(page)).toBe(false);
  });

  it('Enter without a chosen result goes to the search page for the query', async () => {
    const page = await site.page();
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('cache');
    await dialogStatus(page, /results? for “cache”/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=cache$/);
  });

  it('has no axe violations while open with results, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.page({ colorScheme, bypassCSP: true }); // axe is injected as an inline script
      await page.goto('/');
      await page.keyboard.press('/');
      await page.keyboard.type('memory');
      await dialogStatus(page, /results? for “memory”/);
      await page.keyboard.press('ArrowDown');
      expect(await axeViolations(page, '[data-search-dialog]'), colorScheme).toEqual([]);
    }
  });
});
