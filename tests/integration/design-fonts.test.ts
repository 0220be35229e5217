import { describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { htmlPages } from '../support/files.ts';
import { all, page } from '../support/dom.ts';
import { readOut, ROOT } from '../support/build.ts';
import { visibleText } from '../../src/lib/fonts/charset.ts';
import { predictFontChars } from '../../src/integrations/font-chars.ts';
import site from '../../src/site.config.ts';

const out = inject('siteOut');
const htmlFiles = htmlPages;

describe('self-hosted, subset fonts in the built site', () => {
  const fontDir = path.join(out, '_astro/fonts');
  const files = readdirSync(fontDir);

  it('writes one content-hashed file per face and a hashed stylesheet', () => {
    expect(files.filter((f) => f.endsWith('.woff2')).map((f) => f.replace(/\.[0-9a-f]{10}\.woff2$/, '')).sort()).toEqual(['inter-normal', 'source-serif-4-italic', 'source-serif-4-normal']);
    expect(files.filter((f) => /^fonts\.[0-9a-f]{10}\.css$/.test(f))).toHaveLength(1);
  });

  it('subsets every face well below the 48-51 kB latin originals', () => {
    for (const f of files.filter((name) => name.endsWith('.woff2'))) expect(statSync(path.join(fontDir, f)).size, f).toBeLessThan(32 * 1024);
  });

  it('declares swap faces and metric-matched local() fallbacks', () => {
    const css = readOut(out, `_astro/fonts/${files.find((f) => f.endsWith('.css'))}`);
    expect(css.match(/@font-face/g)).toHaveLength(7);
    expect(css.match(/font-display:swap/g)).toHaveLength(3);
    for (const family of ['Source Serif 4 Fallback', 'Inter Fallback']) expect(css).toContain(`font-family:'${family}'`);
    expect(css.match(/size-adjust:[\d.]+%;ascent-override:[\d.]+%;descent-override:[\d.]+%;line-gap-override:[\d.]+%/g)).toHaveLength(4);
    // Relative to the stylesheet, so they resolve under any base path.
    const faces = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]!);
    expect(faces).toHaveLength(3);
    for (const url of faces) expect(existsSync(path.join(fontDir, url)), url).toBe(true);
  });

  it('preloads the two upright faces on every page and links only files that exist', () => {
    for (const file of htmlFiles(out)) {
      const doc = page(out, file);
      const preloads = all(doc, 'link[rel="preload"][as="font"]');
      expect(preloads.map((l) => l.getAttribute('href')!.replace(/\.[0-9a-f]{10}\.woff2$/, '')), file).toEqual(['/_astro/fonts/source-serif-4-normal', '/_astro/fonts/inter-normal']);
      for (const link of preloads) {
        expect(link.getAttribute('type'), file).toBe('font/woff2');
        expect(link.hasAttribute('crossorigin'), file).toBe(true);
        expect(existsSync(path.join(out, link.getAttribute('href')!)), file).toBe(true);
      }
      const sheet = doc.querySelector('link[rel="stylesheet"][href^="/_astro/fonts/"]')?.getAttribute('href');
      expect(sheet, file).toMatch(/^\/_astro\/fonts\/fonts\.[0-9a-f]{10}\.css$/);
      expect(readOut(out, file), file).not.toMatch(/\/_astro\/fonts\/[a-z0-9-]+\.(woff2|css)"/);
    }
  });
});

describe('font subset made before rendering', () => {
  it('covers every character the built pages show (the prediction is a superset of their text)', () => {
    const predicted = new Set(predictFontChars({ dirs: [path.join(ROOT, 'src'), path.join(ROOT, 'tests/fixtures/site/content')], language: site.language, timeZone: site.timeZone }));
    const missing = new Map<string, string>();
    for (const file of htmlFiles(out)) {
      for (const ch of visibleText(readOut(out, file))) if (!/\s/.test(ch) && !predicted.has(ch) && !missing.has(ch)) missing.set(ch, file);
    }
    expect([...missing].map(([ch, file]) => `${ch} (U+${ch.codePointAt(0)!.toString(16)}) in ${file}`)).toEqual([]);
    expect(predicted.size).toBeGreaterThan(95);
  });
});

describe('accent colour from the site config', () => {
  it('sets the brand colour and its contrast-safe light and dark variants on <html>', () => {
    const style = page(out, 'index.html').documentElement.getAttribute('style');
    expect(style).toMatch(/^--accent-brand: #[0-9a-f]{6}; --accent-light: #[0-9a-f]{6}; --accent-dark: #[0-9a-f]{6}; --on-accent-light: #[0-9a-f]{6}; --on-accent-dark: #[0-9a-f]{6}$/);
  });
});
