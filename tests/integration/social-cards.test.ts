import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { jsonLd, page } from '../support/dom.ts';

const out = inject('siteOut');
const card = (slug: string) => path.join(out, 'og', `${slug}.png`);

async function expectCard(slug: string) {
  expect(existsSync(card(slug)), `dist/og/${slug}.png`).toBe(true);
  const meta = await sharp(readFileSync(card(slug))).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  expect(statSync(card(slug)).size).toBeLessThan(150 * 1024);
}

describe('social cards', () => {
  it('writes a 1200×630 PNG under 150 KB for the full-feature article', async () => {
    await expectCard('full-feature');
  });

  it('uses the card as og:image, twitter:image and the first JSON-LD image, the hero second', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
    const url = 'https://broadsheet.example.com/og/full-feature.png';
    expect(meta('meta[property="og:image"]')).toBe(url);
    expect(meta('meta[name="twitter:image"]')).toBe(url);
    expect(meta('meta[property="og:image:width"]')).toBe('1200');
    expect(meta('meta[property="og:image:height"]')).toBe('630');
    expect(meta('meta[property="og:image:alt"]')).toBe('Sparse experts reach a trillion parameters');
    const images = jsonLd(doc)[0]!['image'] as [string, { '@type': string; url: string }];
    expect(images[0]).toBe(url);
    // The hero has a caption and credit, so it is an ImageObject carrying them (tests/integration/reader-pages.test.ts).
    const hero = images[1]['url'];
    expect(hero).toMatch(/^https:\/\/broadsheet\.example\.com\/_astro\/.+\.jpe?g$/);
    expect(existsSync(path.join(out, new URL(hero).pathname))).toBe(true);
  });

  it('gives articles without a hero a card and a single JSON-LD image', async () => {
    await expectCard('plain-markdown');
    expect(jsonLd(page(out, 'articles/plain-markdown/index.html'))[0]!['image']).toEqual(['https://broadsheet.example.com/og/plain-markdown.png']);
  });

  it('still draws a card for the hostile article (markup, control characters, emoji, RTL)', async () => {
    await expectCard('hostile-article');
    const doc = page(out, 'articles/hostile-article/index.html');
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe('https://broadsheet.example.com/og/hostile-article.png');
  });

  it('draws no card for drafts and scheduled articles', () => {
    expect(existsSync(card('draft-article'))).toBe(false);
    expect(existsSync(card('scheduled-article'))).toBe(false);
  });
});
