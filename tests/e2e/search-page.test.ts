import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from './browser.ts';
import { axeViolations, countOf, resultTitles, waitForStatus } from './search-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('siteOut'));
});
afterAll(() => site?.close());

const FULL = 'Sparse experts reach a trillion parameters';
const PLAIN = 'Compressing the KV cache, in plain Markdown';

describe('search page in Chromium', () => {
  it('puts the expected article first, with thumbnail, category, date and marked excerpt', async () => {
    const page = await site.page();
    await page.goto('/search/?q=routing%20experts');
    expect(await waitForStatus(page, /results? for “routing experts”/)).toMatch(/^\d+ results? for/);
    expect((await resultTitles(page))[0]).toBe(FULL);
    const first = page.locator('[data-search-results] .result-card').first();
    expect(await first.locator('.kicker').textContent()).toBe('Models');
    expect(await first.locator('time').getAttribute('datetime')).toBe('2026-03-10');
    expect(await first.locator('time').textContent()).toBe('March 10, 2026');
    expect(await first.locator('img.result-card-media').getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    const marks = (await first.locator('.result-card-excerpt mark').allTextContents()).map((m) => m.toLowerCase());
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => !/(rout|expert)/.test(m))).toEqual([]);
    expect(await first.locator('.result-card-title a').getAttribute('href')).toBe('/articles/full-feature/');
  });

  it('narrows with a category filter, and the counts shown match the results', async () => {
    const page = await site.page();
    await page.goto('/search/?q=memory');
    const before = await waitForStatus(page, /results for “memory”/);
    const total = Number(before.split(' ')[0]);
    const models = await countOf(page, 'category', 'models');
    const chips = await countOf(page, 'category', 'chips');
    expect(models).toBe(1);
    expect(chips).toBe(13);
    expect(models + chips).toBe(total);
    await page.getByRole('radio', { name: /^Models/ }).check();
    await waitForStatus(page, /^1 result for “memory” in Models/);
    expect(await resultTitles(page)).toEqual([FULL]);
    expect(new URL(page.url()).search).toBe('?q=memory&category=models');
    // The other category still shows what choosing it would give.
    expect(await countOf(page, 'category', 'chips')).toBe(13);
  });

  it('keeps query, filters and sort in the URL: reload, back and forward restore them', async () => {
    const page = await site.page();
    await page.goto('/search/?q=cache');
    await waitForStatus(page, /^2 results for “cache”/);
    await page.getByRole('radio', { name: /^Explainers/ }).check();
    await waitForStatus(page, /^1 result for “cache” in Explainers/);
    await page.getByLabel('Sort by').selectOption('newest');
    await page.waitForURL(/sort=newest/);
    expect(new URL(page.url()).search).toBe('?q=cache&category=explainers&sort=newest');

    await page.reload();
    await waitForStatus(page, /^1 result for “cache” in Explainers/);
    expect(await page.locator('#search-q').inputValue()).toBe('cache');
    expect(await page.getByRole('radio', { name: /^Explainers/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Sort by').inputValue()).toBe('newest');
    expect(await resultTitles(page)).toEqual([PLAIN]);

    await page.goBack();
    await waitForStatus(page, /^1 result for “cache” in Explainers/);
    expect(new URL(page.url()).search).toBe('?q=cache&category=explainers');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('relevance');
    await page.goBack();
    await waitForStatus(page, /^2 results for “cache”\.$/);
    expect(await page.getByRole('radio', { name: 'Any' }).first().isChecked()).toBe(true);
    await page.goForward();
    await waitForStatus(page, /^1 result for “cache” in Explainers/);
    expect(await page.getByRole('radio', { name: /^Explainers/ }).isChecked()).toBe(true);
  });

  it('typing searches as you go and records the search in the URL', async () => {
    const page = await site.page();
    await page.goto('/search/');
    await waitForStatus(page, /^Type to search 16 articles/);
    await page.locator('#search-q').fill('latent attention');
    await waitForStatus(page, /results? for “latent attention”/);
    expect((await resultTitles(page))[0]).toBe(PLAIN);
    expect(new URL(page.url()).search).toBe('?q=latent+attention');
  });

  it('finds article text, but not navigation, byline, sources, share links, author boxes or related cards', async () => {
    const page = await site.page();
    await page.goto('/search/?q=Compressing');
    await waitForStatus(page, /results? for/);
    // The full-feature page shows this title in its related cards; only the article itself is found.
    expect(await resultTitles(page)).toEqual([PLAIN]);
    for (const q of ['Subscribe', 'Reddit', 'Transformers', 'breadcrumb', 'desk']) {
      await page.goto(`/search/?q=${q}`);
      expect(await waitForStatus(page, /result/), q).toBe(`No results for “${q}”.`);
    }
  });

  it('never finds drafts or scheduled articles', async () => {
    const page = await site.page();
    for (const q of ['never ship', 'far future']) {
      await page.goto(`/search/?q=${encodeURIComponent(q)}`);
      await waitForStatus(page, /result/);
      expect(await resultTitles(page)).not.toContain('Draft that must never ship');
      expect(await resultTitles(page)).not.toContain('Scheduled for the far future');
    }
  });

  it('shows a clear empty state, and clears filters from it', async () => {
    const page = await site.page();
    await page.goto('/search/?q=chip&category=policy');
    await waitForStatus(page, /^No results for “chip” in Policy/);
    await expect(page.locator('[data-search-empty]').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForStatus(page, /^13 results for “chip”\.$/);
    expect(new URL(page.url()).search).toBe('?q=chip');
  });

  it('browses by filter alone, newest first', async () => {
    const page = await site.page();
    await page.goto('/search/?tag=kv-cache');
    await waitForStatus(page, /^2 articles in #kv-cache/);
    expect(await resultTitles(page)).toEqual([FULL, PLAIN]);
  });

  it('shows an error state when the index cannot load', async () => {
    const page = await site.page();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto('/search/?q=moe');
    await waitForStatus(page, /unavailable/);
    await expect(page.locator('[data-search-error]').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-search-error-message]').textContent()).toContain('could not be loaded');
  });

  it('renders hostile article text as text', async () => {
    const page = await site.page();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto('/search/?q=hostile');
    await waitForStatus(page, /result/);
    const first = page.locator('[data-search-results] .result-card').first();
    expect(await first.locator('.result-card-title').textContent()).toContain("</script><script>alert('title')</script>");
    expect(await first.locator('.result-card-excerpt').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await first.locator('.result-card-excerpt img, .result-card-title script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('without JavaScript, says search needs it and links to the archive and tags', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto('/search/');
    const note = page.locator('.noscript');
    expect(await note.textContent()).toContain('Search needs JavaScript');
    expect(await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/archive/', '/tags/']);
    expect(await page.locator('form[data-search-form]').isVisible()).toBe(false);
  });

  it('has no axe violations, with results and filters shown, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.page({ colorScheme, bypassCSP: true }); // axe is injected as an inline script
      await page.goto('/search/?q=memory&category=models');
      await waitForStatus(page, /result/);
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
  });
});
