/**
 * Lighthouse (mobile preset) on the built fixture site: accessibility, best
 * practices and SEO at 100 on the home, article, category and search pages.
 * The search page is noindex on purpose (result pages are thin, duplicate
 * content for a search engine), so its "is-crawlable" audit is skipped there,
 * and only there.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic } from '../support/static-server.ts';
import { audit, startChromium, type Browser } from '../support/lighthouse.ts';

let server: Server;
let base: string;
let browser: Browser;
beforeAll(async () => {
  const served = await serveStatic(inject('siteOut'));
  server = served.server as Server;
  base = served.url;
  browser = await startChromium();
});
afterAll(async () => {
  browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const PAGES: [string, string, string[]][] = [
  ['home', '/', []],
  ['article', '/articles/full-feature/', []],
  ['category', '/category/chips/', []],
  ['search', '/search/?q=experts', ['is-crawlable']],
];

describe('Lighthouse, mobile', () => {
  it.each(PAGES)('%s: accessibility, best practices and SEO are 100', async (_name, path, skip) => {
    const result = await audit(`${base}${path}`, browser, skip);
    console.log(`Lighthouse ${path}: ${JSON.stringify(result.scores)}${result.failures.length ? `\n  ${result.failures.join('\n  ')}` : ''}`);
    expect(result.failures).toEqual([]);
    expect(result.scores).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
  }, 240_000);
});
