/**
 * /drafts/ exists in `astro dev` only: the real dev server on the fixture lists
 * its draft and its scheduled article; the production build has no such page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { ROOT } from '../support/build.ts';

const PORT = 4800 + (process.pid % 900);
let dev: ChildProcess;
let log = '';

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not answer on ${url}:\n${log.slice(-3000)}`);
}

beforeAll(async () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(k)));
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, CONTENT_DIR: 'tests/fixtures/site/content', BROADSHEET_NOW: '2026-11-30T00:00:00Z', NO_COLOR: '1' },
  });
  dev.stdout?.on('data', (d) => (log += d));
  dev.stderr?.on('data', (d) => (log += d));
  await waitForServer(`http://127.0.0.1:${PORT}/`, 120_000);
}, 180_000);

afterAll(() => { dev?.kill('SIGTERM'); });

describe('/drafts/', () => {
  it('lists drafts and scheduled articles in astro dev', async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}/drafts/`);
    expect(res.status).toBe(200);
    const { document } = parseHTML(await res.text());
    const links = (id: string) => [...document.querySelectorAll(`section[aria-labelledby="${id}"] article.card .title a`)].map((a) => a.getAttribute('href'));
    expect(links('drafts-heading')).toEqual(['/articles/draft-article/']);
    expect(links('scheduled-heading')).toEqual(['/articles/scheduled-article/']);
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  }, 120_000);

  it('is not in the production build', () => {
    expect(existsSync(path.join(inject('siteOut'), 'drafts'))).toBe(false);
  });
});

describe('social cards in astro dev', () => {
  it('renders a card on demand in the og route (no early pass in dev), drafts included', async () => {
    for (const slug of ['plain-markdown', 'draft-article']) {
      const res = await fetch(`http://127.0.0.1:${PORT}/og/${slug}.png`);
      expect(res.status, slug).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    }
    expect(log).not.toContain('to render ahead of the pages');
  }, 120_000);
});
