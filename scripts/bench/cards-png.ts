// `npm run -s bench:cards-png [-- --repeat 3]`: the indexed PNG encoder's zlib and filter
// settings on real cards: the sample site's articles (real titles, bylines and hero photos) and
// the first 40 articles of the bench corpus (generated titles, no heroes). Each card is rendered
// once to its indexed image (src/data/og/render.ts), then encoded with every setting; prints
// CPU milliseconds per encode (median of the cards, each card's best of --repeat) and bytes per
// card, plain and hero cards apart, and checks that every setting decodes (with sharp) to the
// same pixels as the image it was given. --only REGEX keeps the settings whose names match.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { constants } from 'node:zlib';
import sharp from 'sharp';
import { loadContent } from '../../src/lib/content/index.ts';
import site from '../../src/site.config.ts';
import { loadCardFontFamilies } from '../../src/data/og/font-files.ts';
import { planCard } from '../../src/data/og/plan.ts';
import { CARD_PNG, renderCardImage } from '../../src/data/og/render.ts';
import { encodeIndexedPng, type IndexedPngOptions } from '../../src/lib/og/png.ts';
import type { IndexedImage } from '../../src/lib/og/raster.ts';
import { visibleCardSources } from '../../src/integrations/social-cards.ts';
import { createCorpus } from './corpus.ts';
import { cpuMs } from './cards-drawn.ts';
import { median } from './report.ts';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '3' }, corpus: { type: 'string', default: '40' }, only: { type: 'string' } } });
const REPEAT = Number(values.repeat);
sharp.concurrency(1);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date();

type Card = { set: string; hero: boolean; image: IndexedImage };

async function cardsOf(set: string, dir: string, limit: number): Promise<Card[]> {
  const content = await loadContent(dir, { categories: site.categories.map((c) => c.slug), now: NOW, timeZone: site.timeZone });
  if (content.problems.length) throw new Error(`${dir}: ${content.problems.length} content problems`);
  const families = loadCardFontFamilies(ROOT);
  const cards: Card[] = [];
  for (const source of visibleCardSources(content, NOW).slice(0, limit)) {
    const { job } = await planCard(source, 'bench', os.tmpdir());
    const { image } = await renderCardImage({ ...job.input, date: new Date(job.input.date) }, families, job.heroPath);
    cards.push({ set, hero: job.input.hero, image });
  }
  return cards;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-png-bench-'));
let cards: Card[];
try {
  createCorpus({ n: Number(values.corpus), categories: site.categories.map((c) => c.slug) }).write(tmp);
  cards = [...(await cardsOf('sample site', path.join(ROOT, 'content'), Infinity)), ...(await cardsOf('bench corpus', tmp, Infinity))];
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const { Z_RLE, Z_FILTERED } = constants;
const SETTINGS: Record<string, IndexedPngOptions> = {
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => [`zlib ${level}`, { level }])),
  'zlib 1, memLevel 9': { level: 1, memLevel: 9 },
  'zlib 6, memLevel 9': { level: 6, memLevel: 9 },
  'zlib 1, RLE': { level: 1, strategy: Z_RLE },
  'zlib 6, RLE': { level: 6, strategy: Z_RLE },
  'zlib 9, RLE': { level: 9, strategy: Z_RLE },
  'zlib 1, filtered': { level: 1, strategy: Z_FILTERED },
  'zlib 6, filtered': { level: 6, strategy: Z_FILTERED },
  'zlib 1, filter sub': { level: 1, filter: 1 },
  'zlib 1, filter up': { level: 1, filter: 2 },
  'zlib 6, filter sub': { level: 6, filter: 1 },
  'zlib 6, filter up': { level: 6, filter: 2 },
  'zlib 1, RLE, filter sub': { level: 1, strategy: Z_RLE, filter: 1 },
  'zlib 1, RLE, filter up': { level: 1, strategy: Z_RLE, filter: 2 },
};

/** Wrong channel values when `png` is decoded by sharp (libspng), against the image's own palette lookup. */
async function wrongPixels(png: Buffer, image: IndexedImage): Promise<number> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let wrong = 0;
  for (let p = 0; p < image.indices.length; p++) for (let c = 0; c < 3; c++) if (data[p * info.channels + c] !== image.palette[image.indices[p]! * 3 + c]) wrong++;
  return wrong;
}

const groups = [...new Set(cards.map((c) => `${c.set}, ${c.hero ? 'hero' : 'plain'}`))];
console.log(`${cards.length} cards: ${groups.map((g) => `${cards.filter((c) => `${c.set}, ${c.hero ? 'hero' : 'plain'}` === g).length} ${g}`).join('; ')}. Encode only, CPU ms (median per card, best of ${REPEAT}) and KiB (median); render.ts now uses ${JSON.stringify(CARD_PNG)} (strategy ${constants.Z_RLE} is RLE)`);
console.log(`${'setting'.padEnd(26)} ${groups.map((g) => g.padStart(26)).join('')}  wrong pixels`);
for (const [name, options] of Object.entries(SETTINGS)) {
  if (values.only && !new RegExp(values.only).test(name)) continue;
  const row: string[] = [];
  let wrong = 0;
  for (const group of groups) {
    const ms: number[] = [];
    const bytes: number[] = [];
    for (const card of cards.filter((c) => `${c.set}, ${c.hero ? 'hero' : 'plain'}` === group)) {
      let best = Infinity;
      let png: Buffer | undefined;
      for (let r = 0; r < REPEAT; r++) {
        const t = cpuMs();
        png = encodeIndexedPng(card.image, options);
        best = Math.min(best, cpuMs() - t);
      }
      ms.push(best);
      bytes.push(png!.length);
      wrong += await wrongPixels(png!, card.image);
    }
    row.push(`${median(ms).toFixed(2).padStart(8)} ms ${(median(bytes) / 1024).toFixed(1).padStart(6)} KiB`.padStart(26));
  }
  console.log(`${name.padEnd(26)} ${row.join('')}  ${wrong}`);
}
