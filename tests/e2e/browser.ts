/**
 * Browser tests drive Debian's Chromium (apt package `chromium`) through
 * playwright-core; no browser is ever downloaded. The built fixture site
 * (vitest globalSetup) is served on 127.0.0.1 for each test file.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { serveStatic } from '../support/static-server.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // Flags for a closed network and a root user: no background fetches, no sandbox.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Site {
  url: string;
  browser: Browser;
  page(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Serves a built site (under `base`, as its host would) and opens a browser; `page()` gives a fresh context each time. */
export async function openSite(outDir: string, base = '/'): Promise<Site> {
  const { server, url } = await serveStatic(outDir, 0, {}, base);
  const browser = await launch();
  return {
    url,
    browser,
    async page(options = {}) {
      const context = await browser.newContext({ baseURL: url, ...options });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
    },
  };
}
