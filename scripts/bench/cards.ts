// `npm run -s bench:cards [-- --n 40]`: social-card cost per PNG encoder setting. Renders n
// generated cards (with and without a hero) in this process, one at a time, and prints
// milliseconds per card (SVG layout and PNG encoding separately) and bytes per card.
import sharp, { type PngOptions } from 'sharp';
import { parseArgs } from 'node:util';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCardFontFamilies } from '../../src/data/og/font-files.ts';
import { cardSvg, type CardInput } from '../../src/lib/og/template.ts';
import { median } from './report.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '40' } } });
const N = Number(values.n);
sharp.concurrency(1);

const SETTINGS: Record<string, PngOptions> = {
  'palette, effort 8, zlib 9 (before)': { palette: true, colours: 256, quality: 90, dither: 0.8, effort: 8, compressionLevel: 9 },
  'palette, effort 4, zlib 6': { palette: true, colours: 256, quality: 90, dither: 0.8, effort: 4, compressionLevel: 6 },
  'palette, effort 1, zlib 6': { palette: true, colours: 256, quality: 90, dither: 0.8, effort: 1, compressionLevel: 6 },
  'palette, effort 4, zlib 3': { palette: true, colours: 256, quality: 90, dither: 0.8, effort: 4, compressionLevel: 3 },
  'truecolour, zlib 6': { compressionLevel: 6 },
};

const families = loadCardFontFamilies();
const words = 'Sparse experts reach a trillion parameters as chip makers race to ship faster memory for inference'.split(' ');
const inputs: CardInput[] = Array.from({ length: N }, (_, i) => ({
  siteName: 'Broadsheet', accent: '#b4232a', category: 'Chips & Compute', language: 'en',
  title: words.slice(i % 5, 6 + (i % 9)).join(' ') + ` (${i})`, date: new Date(Date.UTC(2026, i % 12, 1 + (i % 27))),
  authors: ['Ada Quill'], hero: i % 2 === 0,
}));
// Real input: the sample site's hero photos, in turn.
const heroFiles = readdirSync('content/articles', { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(path.join('content/articles', d.name)).filter((f) => /^hero\./.test(f)).map((f) => path.join('content/articles', d.name, f)));

const svgs: { svg: string; hero: ReturnType<typeof cardSvg>['hero'] }[] = [];
const layoutMs: number[] = [];
for (const input of inputs) {
  const fonts = await families.fontsFor({ serif: `${input.siteName}${input.title}${input.category}`, sans: `${input.category}${input.authors.join('')}By 0123456789,` });
  const t = performance.now();
  svgs.push(cardSvg(input, fonts));
  layoutMs.push(performance.now() - t);
}
console.log(`SVG layout: median ${median(layoutMs).toFixed(1)} ms per card, ${Math.round(median(svgs.map((s) => s.svg.length)) / 1024)} KiB of SVG`);
const heroTiles = await Promise.all(heroFiles.map((f) => sharp(f).resize(440, 630, { fit: 'cover' }).removeAlpha().toBuffer()));
console.log(`${heroFiles.length} hero photos from content/articles; every other card has one`);
for (const [name, png] of Object.entries(SETTINGS)) {
  const ms: number[] = [];
  const bytes: number[] = [];
  for (const [i, { svg, hero }] of svgs.entries()) {
    const heroTile = heroTiles[i % heroTiles.length]!;
    const t = performance.now();
    const out = await sharp(Buffer.from(svg), { density: 72 }).composite(hero ? [{ input: heroTile, left: hero.left, top: hero.top }] : []).png(png).toBuffer();
    ms.push(performance.now() - t);
    bytes.push(out.length);
  }
  console.log(`${name.padEnd(36)} median ${median(ms).toFixed(1).padStart(6)} ms per card, median ${Math.round(median(bytes) / 1024)} KiB, largest ${Math.round(Math.max(...bytes) / 1024)} KiB`);
}
