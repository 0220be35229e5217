/** Shared steps for the search browser tests. */
import type { Page } from 'playwright-core';

/** Runs axe-core (node_modules/axe-core) on the page and returns its violations, compactly. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async (context) => {
    const axe = (window as any).axe;
    const result = await axe.run(context ? { include: [context] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).join(', ')})`);
  }, include);
}

/** Records CSP violations from the first script on every page of this context. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) console.push(m.text()); });
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...(await page.evaluate(() => (window as any).__csp as string[])), ...console];
}

export const resultTitles = (page: Page) => page.locator('[data-search-results] .result-card-title').allTextContents();
export const statusText = (page: Page) => page.locator('[data-search-status]').textContent();
export const countOf = (page: Page, key: string, value: string) =>
  page.locator(`[data-count][data-key="${key}"][data-value="${value}"]`).textContent().then(Number);

/** Waits until the search status (the live region) reads as expected, and no search is running. */
export async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction((source) => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return new RegExp(source).test(text) && !document.querySelector('[data-search-results][aria-busy]') ? text : false;
  }, pattern.source);
  return (await handle.jsonValue()) as string;
}
