// `npm run screenshots`: builds the sample site into a temporary folder and
// captures every page type (home, article, the end of an article, category,
// tag, author, archive, tags and authors indexes, search results, feeds, 404)
// at 1366 px and 390 px, in light and dark, into docs/screenshots/ (PNG,
// palette-compressed with sharp). Uses Debian's Chromium through playwright-core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { launch } from '../tests/e2e/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs/screenshots');

/** `from`: start the capture at this element (the end of an article), instead of the top of the page. */
const PAGES: { name: string; path: string; from?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/articles/deepseek-v4-launch/' },
  { name: 'article-end', path: '/articles/deepseek-v4-launch/', from: '.article-end' },
  { name: 'category', path: '/category/models/' },
  { name: 'tag', path: '/tags/moe/' },
  { name: 'author', path: '/authors/maya-chen/' },
  { name: 'archive', path: '/archive/' },
  { name: 'tags', path: '/tags/' },
  { name: 'authors', path: '/authors/' },
  { name: 'search', path: '/search/?q=experts' },
  { name: 'feeds', path: '/feeds/' },
  { name: '404', path: '/404/' },
];
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900, scale: 1, maxHeight: 2000 },
  { name: 'mobile', width: 390, height: 844, scale: 2, maxHeight: 1700 },
];
const SCHEMES = ['light', 'dark'] as const;

async function settle(page: Page): Promise<void> {
  // Search results render after the index loads; other pages have nothing to wait for.
  await page.waitForSelector('[data-search-results] > *', { timeout: 4000 }).catch(() => undefined);
  // Lazy images load only near the viewport: make them eager, scroll through the page so every one
  // is requested, then wait until each has pixels (complete with a natural width), not just "complete".
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), undefined, { timeout: 15_000 })
    .catch(async () => {
      const missing = await page.evaluate(() => [...document.images].filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.currentSrc || img.src));
      throw new Error(`${page.url()}: images not loaded: ${missing.join(', ')}`);
    });
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
}

const site = mkdtempSync(path.join(tmpdir(), 'broadsheet-shots-'));
try {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', site], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`build failed (exit ${build.status})`);
  mkdirSync(OUT, { recursive: true });
  const { server, url } = await serveStatic(site);
  const browser = await launch();
  try {
    for (const view of VIEWPORTS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ baseURL: url, viewport: { width: view.width, height: view.height }, deviceScaleFactor: view.scale, colorScheme });
        for (const target of PAGES) {
          const page = await context.newPage();
          await page.goto(target.path, { waitUntil: 'load' });
          await settle(page);
          const top = target.from ? await page.locator(target.from).evaluate((el) => Math.max(0, el.getBoundingClientRect().top + window.scrollY - 24)) : 0;
          const height = Math.min(view.maxHeight, await page.evaluate(() => document.documentElement.scrollHeight) - top);
          const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: top, width: view.width, height } });
          const file = path.join(OUT, `${target.name}-${view.name}-${colorScheme}.png`);
          const info = await sharp(png).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toFile(file);
          console.log(`${path.relative(ROOT, file)}  ${info.width}x${info.height}  ${(info.size / 1024).toFixed(0)} kB`);
          await page.close();
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(site, { recursive: true, force: true });
}
