// `npm run -s bench:cards [-- --n 40] [--svg-detail]`: social-card cost. Renders n generated
// cards in this process, one at a time; every other card has a hero (the sample site's photos,
// real input) and the rest are flat colour and glyphs. Prints CPU milliseconds per card (the
// process's user + system time, all threads: on a shared, loaded machine it moves far less than
// wall time) and bytes per card: the drawn route render.ts runs against the SVG route it
// replaced, the rasteriser's coverage levels and zlib settings (scripts/bench/cards-drawn.ts);
// with --svg-detail, also the SVG route step by step and per sharp encoder setting.
import sharp, { type PngOptions } from 'sharp';
import { parseArgs } from 'node:util';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCardFontFamilies } from '../../src/data/og/font-files.ts';
import { wrapTitle } from '../../src/lib/og/layout.ts';
import { cardSvg, textPathData, type CardInput } from '../../src/lib/og/template.ts';
import { median } from './report.ts';
import { benchDrawn, benchLevels, PNG_OPTIONS } from './cards-drawn.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '40' }, only: { type: 'string' }, 'svg-detail': { type: 'boolean', default: false } } });
const N = Number(values.n);
sharp.concurrency(1);

/** An encoder route: options for cards with and without a hero; `rgb` drops the (opaque) alpha channel first. */
type Route = { plain: PngOptions; hero: PngOptions; rgb?: boolean };
const same = (png: PngOptions): Route => ({ plain: png, hero: png });
const palette = (effort: number, dither: number, compressionLevel = 6): PngOptions => ({ palette: true, colours: 256, quality: 90, dither, effort, compressionLevel });
const ROUTES: Record<string, Route> = {
  'palette e4 dither 0.8 z6 (before)': same(palette(4, 0.8)),
  'palette e1 dither 0.8 z6': same(palette(1, 0.8)),
  'palette e3 dither 0 z6': same(palette(3, 0)),
  'palette e2 dither 0 z6': same(palette(2, 0)),
  'palette e1 dither 0 z6 (render.ts)': same(palette(1, 0)),
  'palette e1 dither 0 z3': same(palette(1, 0, 3)),
  'truecolour z1': same({ compressionLevel: 1 }),
  'truecolour z3': same({ compressionLevel: 3 }),
  'truecolour z6': same({ compressionLevel: 6 }),
  'truecolour z6 adaptive': same({ compressionLevel: 6, adaptiveFiltering: true }),
  'truecolour z6, RGB': { ...same({ compressionLevel: 6 }), rgb: true },
  'palette e3 dither 0 z6, RGB': { ...same(palette(3, 0)), rgb: true },
  'plain truecolour z6, hero palette e3 d0': { plain: { compressionLevel: 6 }, hero: palette(3, 0) },
  'plain palette e3 d0, hero palette e3 d0.5': { plain: palette(3, 0), hero: palette(3, 0.5) },
};

const families = loadCardFontFamilies();
const words = 'Sparse experts reach a trillion parameters as chip makers race to ship faster memory for inference'.split(' ');
const inputs: CardInput[] = Array.from({ length: N }, (_, i) => ({
  siteName: 'Broadsheet', accent: '#b4232a', category: 'Chips & Compute', language: 'en',
  title: words.slice(i % 5, 6 + (i % 9)).join(' ') + ` (${i})`, date: new Date(Date.UTC(2026, i % 12, 1 + (i % 27))),
  authors: ['Ada Quill'], hero: i % 2 === 0,
}));
const heroFiles = readdirSync('content/articles', { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(path.join('content/articles', d.name)).filter((f) => /^hero\./.test(f)).map((f) => path.join('content/articles', d.name, f)));

console.log(`${N} cards, ${heroFiles.length} hero photos from content/articles on every other card`);
await benchDrawn(inputs, heroFiles, families);
await benchLevels(inputs, families);
if (!values['svg-detail']) process.exit(0);

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const time = async <T>(list: number[], fn: () => Promise<T> | T): Promise<T> => {
  const t = cpuMs();
  const out = await fn();
  list.push(cpuMs() - t);
  return out;
};
const ms = (list: number[]) => `${median(list).toFixed(1).padStart(6)} ms`;
const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

// Step by step, as src/data/og/render.ts does it in one pipeline.
const steps = { layout: [] as number[], raster: [] as number[], hero: [] as number[], encode: [] as number[] };
const cards: { svg: string; hero: ReturnType<typeof cardSvg>['hero']; heroFile: string }[] = [];
for (const [i, input] of inputs.entries()) {
  const fonts = await families.fontsFor({ serif: `${input.siteName}${input.title}${input.category}`, sans: `${input.category}${input.authors.join('')}By 0123456789,` });
  const { svg, hero } = await time(steps.layout, () => cardSvg(input, fonts));
  await time(steps.raster, () => sharp(Buffer.from(svg), { density: 72 }).raw().toBuffer());
  const heroFile = heroFiles[i % heroFiles.length]!;
  const composites = [];
  if (hero) {
    const photo = await time(steps.hero, () => sharp(heroFile).rotate().resize(hero.width, hero.height, { fit: 'cover', position: 'attention' }).removeAlpha().toBuffer());
    composites.push({ input: photo, left: hero.left, top: hero.top });
  }
  const pixels = await sharp(Buffer.from(svg), { density: 72 }).composite(composites).raw().toBuffer();
  await time(steps.encode, () => sharp(pixels, { raw: { width: 1200, height: 630, channels: 4 } }).png(PNG_OPTIONS).toBuffer());
  cards.push({ svg, hero, heroFile });
}
console.log(`SVG layout ${ms(steps.layout)}, ${kib(median(cards.map((c) => c.svg.length)))} of SVG | rasterise ${ms(steps.raster)} | hero resize (attention crop) ${ms(steps.hero)} | encode (render.ts's settings) ${ms(steps.encode)}  (CPU medians per card)`);

// Per encoder route: SVG in, PNG out, as the card workers run it, less the hero resize
// (the same for every route, measured above): the resized tiles are made once here.
const tiles = new Map<string, Buffer>();
for (const { hero, heroFile } of cards) if (hero && !tiles.has(heroFile)) tiles.set(heroFile, await sharp(heroFile).rotate().resize(hero.width, hero.height, { fit: 'cover', position: 'attention' }).removeAlpha().toBuffer());
console.log(`${'route'.padEnd(44)} ${'plain: ms'.padStart(10)} ${'KiB'.padStart(4)} ${'hero: ms'.padStart(10)} ${'KiB'.padStart(4)} ${'max'.padStart(5)}`);
for (const [name, route] of Object.entries(ROUTES)) {
  if (values.only && !name.includes(values.only)) continue;
  const plain = { ms: [] as number[], bytes: [] as number[] };
  const heroed = { ms: [] as number[], bytes: [] as number[] };
  for (const { svg, hero, heroFile } of cards) {
    const into = hero ? heroed : plain;
    const out = await time(into.ms, async () => {
      const composites = [];
      if (hero) {
        composites.push({ input: tiles.get(heroFile)!, left: hero.left, top: hero.top });
      }
      const image = sharp(Buffer.from(svg), { density: 72 }).composite(composites);
      // composite() runs last in a sharp pipeline, so dropping alpha after it takes a second pass.
      const flat = route.rgb ? sharp(await image.raw().toBuffer(), { raw: { width: 1200, height: 630, channels: 4 } }).removeAlpha() : image;
      return flat.png(hero ? route.hero : route.plain).toBuffer();
    });
    into.bytes.push(out.length);
  }
  const all = [...plain.bytes, ...heroed.bytes];
  console.log(`${name.padEnd(44)} ${ms(plain.ms).padStart(10)} ${String(Math.round(median(plain.bytes) / 1024)).padStart(4)} ${ms(heroed.ms).padStart(10)} ${String(Math.round(median(heroed.bytes) / 1024)).padStart(4)} ${String(Math.round(Math.max(...all) / 1024)).padStart(5)}`);
}

// SVG size: would drawing each glyph once (<defs>) and placing it with <use> pay? The headline of
// the first card, wrapped as the template wraps it, drawn both ways on the card's paper.
{
  const input = inputs[1]!;
  const fonts = await families.fontsFor({ serif: `${input.siteName}${input.title}${input.category}`, sans: '' });
  const font = fonts.serifBold[0]!;
  const title = wrapTitle(font, input.title, { maxWidth: 1056, maxHeight: 306, maxLines: 4, maxSize: 72, minSize: 36, lineHeight: 1.13 });
  const scale = title.size / font.unitsPerEm;
  const defs = new Map<number, string>();
  const uses: string[] = [];
  const flat: string[] = [];
  const n = (v: number) => String(Math.round(v * 10) / 10);
  title.lines.forEach((line, l) => {
    const run = font.layout(line);
    let pen = 72;
    const y = 214 + title.size * 0.92 + l * title.leading;
    run.glyphs.forEach((glyph, i) => {
      if (!defs.has(glyph.id)) defs.set(glyph.id, `<path id="g${glyph.id}" d="${glyph.path.toSVG()}"/>`);
      uses.push(`<use href="#g${glyph.id}" transform="translate(${n(pen)} ${n(y)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})"/>`);
      pen += run.positions[i]!.xAdvance * scale;
    });
    flat.push(textPathData(font, line, 72, y, title.size));
  });
  const page = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#fbfaf6"/>${body}</svg>`;
  const paths = page(`<path fill="#16150f" d="${flat.join('')}"/>`);
  const reused = page(`<defs>${[...defs.values()].join('')}</defs><g fill="#16150f">${uses.join('')}</g>`);
  const empty = page('');
  const raster = async (svg: string) => {
    const list: number[] = [];
    for (let i = 0; i < 30; i++) await time(list, () => sharp(Buffer.from(svg), { density: 72 }).raw().toBuffer());
    return list;
  };
  console.log(`SVG size, the headline alone (${title.lines.length} lines, ${defs.size} distinct glyphs): rasterise an empty card ${ms(await raster(empty))}; glyph paths in place ${kib(paths.length)}, ${ms(await raster(paths))}; each glyph once + <use> ${kib(reused.length)}, ${ms(await raster(reused))}`);
}
