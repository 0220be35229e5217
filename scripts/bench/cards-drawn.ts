// The drawn card route (src/data/og/render.ts: layout -> rasteriser -> own indexed PNG; a hero
// photo composited and quantised by sharp) against the SVG route it replaced (layout -> SVG ->
// librsvg -> libimagequant), on the same cards; then the rasteriser's coverage levels and the
// encoder's zlib settings, with the mean difference of each from librsvg's pixels.
// Called by scripts/bench/cards.ts; figures are CPU milliseconds (user + system, all threads).
import sharp from 'sharp';
import { constants } from 'node:zlib';
import { fontsForCard, CARD_PNG, renderCard } from '../../src/data/og/render.ts';
import type { CardFontFamilies } from '../../src/lib/og/fonts.ts';
import { encodeIndexedPng, type IndexedPngOptions } from '../../src/lib/og/png.ts';
import { rasteriseScene, type IndexedImage } from '../../src/lib/og/raster.ts';
import { cardScene, type CardInput, type CardScene } from '../../src/lib/og/scene.ts';
import { sceneSvg } from '../../src/lib/og/template.ts';
import { median } from './report.ts';

export const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
export async function timed<T>(list: number[], fn: () => Promise<T> | T): Promise<T> {
  const t = cpuMs();
  const out = await fn();
  list.push(cpuMs() - t);
  return out;
}
const ms = (list: number[]) => `${median(list).toFixed(1).padStart(6)} ms`;
const kib = (list: number[]) => `${(median(list) / 1024).toFixed(1).padStart(5)} KiB`;

/** sharp's settings for a whole card before the drawn route: a 256-colour palette, no dithering, fastest quantiser effort. */
export const PNG_OPTIONS = { palette: true, colours: 256, quality: 90, dither: 0, effort: 1, compressionLevel: 6 } as const;

const heroPhoto = (file: string, box: { width: number; height: number }) => sharp(file).rotate().resize(box.width, box.height, { fit: 'cover', position: 'attention' }).removeAlpha().toBuffer();

/** The indexed image as RGB bytes, three per pixel. */
function expandToRgb({ palette, indices }: IndexedImage): Buffer {
  const rgb = Buffer.allocUnsafe(indices.length * 3);
  for (let p = 0; p < indices.length; p++) rgb.set(palette.subarray(indices[p]! * 3, indices[p]! * 3 + 3), p * 3);
  return rgb;
}

/** A route tried on the way: the drawn text side expanded to RGB, the photo composited and the whole card quantised by sharp. */
async function drawnRgbRoute(scene: CardScene, heroFile: string): Promise<Buffer> {
  const image = rasteriseScene(scene);
  const photo = await heroPhoto(heroFile, scene.hero!);
  return sharp(expandToRgb(image), { raw: { width: image.width, height: image.height, channels: 3 } }).composite([{ input: photo, left: scene.hero!.left, top: scene.hero!.top }]).png(PNG_OPTIONS).toBuffer();
}

/** The route render.ts ran before: SVG rasterised by librsvg, hero composited, quantised by libimagequant. */
async function svgRoute(scene: CardScene, heroFile: string | undefined): Promise<Buffer> {
  const composites = [];
  if (scene.hero && heroFile) {
    const photo = await heroPhoto(heroFile, scene.hero);
    composites.push({ input: photo, left: scene.hero.left, top: scene.hero.top });
  }
  return sharp(Buffer.from(sceneSvg(scene)), { density: 72 }).composite(composites).png(PNG_OPTIONS).toBuffer();
}

export async function benchDrawn(inputs: CardInput[], heroFiles: string[], families: CardFontFamilies): Promise<void> {
  const route = () => ({ plain: { ms: [] as number[], bytes: [] as number[] }, hero: { ms: [] as number[], bytes: [] as number[] } });
  const routes = { drawn: route(), svg: route(), rgb: route() };
  const steps = { layout: [] as number[], raster: [] as number[], encode: [] as number[], rasterFirst10: [] as number[] };
  for (const [i, input] of inputs.entries()) {
    const heroFile = input.hero ? heroFiles[i % heroFiles.length] : undefined;
    const kind = heroFile ? 'hero' : 'plain';
    const fonts = await fontsForCard(input, families);
    // Whole cards both ways, fonts already instanced (a worker instances them once).
    const drawn = await timed(routes.drawn[kind].ms, () => renderCard(input, families, heroFile));
    routes.drawn[kind].bytes.push(drawn.png.length);
    const scene = cardScene(input, fonts);
    const old = await timed(routes.svg[kind].ms, () => svgRoute(scene, heroFile));
    routes.svg[kind].bytes.push(old.length);
    if (heroFile) {
      const rgb = await timed(routes.rgb.hero.ms, () => drawnRgbRoute(scene, heroFile));
      routes.rgb.hero.bytes.push(rgb.length);
      continue;
    }
    // The plain card's steps, the glyph cache as warm as this far into a worker's run.
    const again = await timed(steps.layout, () => cardScene(input, fonts));
    const image = await timed(i < 20 ? steps.rasterFirst10 : steps.raster, () => rasteriseScene(again));
    await timed(steps.encode, () => encodeIndexedPng(image, CARD_PNG.plain));
  }
  const all = (r: typeof routes.drawn) => Math.max(...r.plain.bytes, ...r.hero.bytes) / 1024;
  console.log(`${'route (whole card, CPU median)'.padEnd(40)} ${'plain'.padStart(10)} ${'size'.padStart(9)} ${'hero'.padStart(10)} ${'size'.padStart(9)} ${'largest'.padStart(8)}`);
  for (const [name, r] of [['SVG + librsvg + libimagequant (before)', routes.svg], ['drawn; hero: RGB card quantised by sharp', routes.rgb], ['drawn; hero: photo quantised alone (now)', routes.drawn]] as const) {
    if (!r.plain.ms.length) {
      console.log(`${name.padEnd(40)} ${''.padStart(20)} ${ms(r.hero.ms).padStart(10)} ${kib(r.hero.bytes)}`);
      continue;
    }
    console.log(`${name.padEnd(40)} ${ms(r.plain.ms).padStart(10)} ${kib(r.plain.bytes)} ${ms(r.hero.ms).padStart(10)} ${kib(r.hero.bytes)} ${`${Math.round(all(r))} KiB`.padStart(8)}`);
  }
  console.log(`drawn plain card, steps: layout ${ms(steps.layout)} | rasterise ${ms(steps.raster)} (first plain cards, glyph cache filling: ${ms(steps.rasterFirst10)}) | encode ${ms(steps.encode)}`);
}

/** Coverage levels × zlib settings on the plain cards: CPU for rasterise + encode, size, and mean |difference| from librsvg's pixels. */
export async function benchLevels(inputs: CardInput[], families: CardFontFamilies): Promise<void> {
  const plain = inputs.filter((i) => !i.hero).slice(0, 12);
  const scenes: { scene: CardScene; rsvg: Buffer }[] = [];
  for (const input of plain) {
    const scene = cardScene(input, await fontsForCard(input, families));
    scenes.push({ scene, rsvg: await sharp(Buffer.from(sceneSvg(scene)), { density: 72 }).removeAlpha().raw().toBuffer() });
  }
  const encoders: Record<string, IndexedPngOptions> = { 'zlib 1': { level: 1 }, 'zlib 3': { level: 3 }, 'zlib 4': { level: 4 }, 'zlib 6': { level: 6 }, 'zlib 6, filter up': { level: 6, filter: 2 }, 'zlib 6, RLE': { level: 6, strategy: constants.Z_RLE } };
  console.log(`${'levels, encoder'.padEnd(26)} ${'ms'.padStart(9)} ${'size'.padStart(9)} ${'mean |diff| from librsvg'.padStart(25)}`);
  for (const levels of [8, 16, 32]) {
    for (const [name, options] of Object.entries(encoders)) {
      const cpu: number[] = [];
      const bytes: number[] = [];
      const diffs: number[] = [];
      for (const { scene, rsvg } of scenes) {
        const image = rasteriseScene(scene, levels); // once untimed: the glyph cache is warm in a worker
        const png = await timed(cpu, () => encodeIndexedPng(rasteriseScene(scene, levels), options));
        bytes.push(png.length);
        let sum = 0;
        for (let p = 0; p < image.indices.length; p++) for (let c = 0; c < 3; c++) sum += Math.abs(image.palette[image.indices[p]! * 3 + c]! - rsvg[p * 3 + c]!);
        diffs.push(sum / rsvg.length);
      }
      console.log(`${`${levels}, ${name}`.padEnd(26)} ${ms(cpu)} ${kib(bytes)} ${median(diffs).toFixed(3).padStart(25)}`);
    }
  }
}
