/**
 * Self-hosted web fonts with no layout shift and no network:
 * - pages link a small stylesheet of @font-face rules (web faces plus
 *   metric-matched local() fallbacks) and preload the faces every page uses
 *   (FontHead.astro reads the URLs from virtual:broadsheet/fonts);
 * - a build subsets every face, before any page renders, to the characters its
 *   pages can show (src/integrations/font-chars.ts: the theme's sources, the
 *   content, the site's date and number formats; subset-font / HarfBuzz), names
 *   the files by content hash and writes them to /_astro/fonts/ at the end.
 *   Pages link the final names, so no page is rewritten after the build, and
 *   subsets are cached by their inputs in the site's cache folder;
 * - `astro dev` serves the packages' latin files unsubset at the plain URLs.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { FACES, FAMILIES, FONT_DIR, fontUrl, webFace, type FaceSpec } from '../lib/fonts/faces.ts';
import { fallbackFace, SYSTEM_FONTS } from '../lib/fonts/fallback.ts';
import { readMetrics, type FontMetrics } from '../lib/fonts/sfnt.ts';
import { WEIGHTED_CHARS } from '../lib/fonts/weightings.ts';
import { predictFontChars } from './font-chars.ts';
import { packageVersion } from './package-version.ts';
import { contentDir } from '../data/content-loader.ts';
import site from '../site.config.ts';

const VIRTUAL = 'virtual:broadsheet/fonts';
const requireFromRoot = createRequire(path.join(process.cwd(), 'package.json'));

export function fontFile(face: FaceSpec): Buffer {
  return readFileSync(requireFromRoot.resolve(`${face.pkg}/files/${face.file}`));
}

/** Where measured fallback metrics are kept between builds, and the names a build used. */
interface MetricsCache { dir: string; used: Set<string> }

// What else decides a face's metrics: the code that reads them (the font, weight, sample text and
// HarfBuzz are in each key). Measuring took 0.3-0.8 s of every build's main thread (HarfBuzz in wasm).
const METRICS_CODE = createHash('sha256').update(readFileSync(new URL('../lib/fonts/sfnt.ts', import.meta.url))).digest('hex');

async function metricsAt(face: FaceSpec, wght: number, cache?: MetricsCache): Promise<FontMetrics> {
  const source = fontFile(face);
  const measure = async () => readMetrics(await subsetFont(source, WEIGHTED_CHARS, { targetFormat: 'sfnt', variationAxes: { wght } }));
  if (!cache) return measure();
  const key = createHash('sha256').update(source).update(`\0${wght}\0${WEIGHTED_CHARS}\0${SUBSETTER}\0${METRICS_CODE}`).digest('hex').slice(0, 32);
  const file = path.join(cache.dir, `metrics.${face.id}.${key}.json`);
  cache.used.add(path.basename(file));
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FontMetrics;
  } catch {
    const metrics = await measure();
    mkdirSync(cache.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(metrics));
    renameSync(tmp, file);
    return metrics;
  }
}

/** The stylesheet as pages first reference it; the build renames it by content hash. */
export const STYLESHEET = `${FONT_DIR}fonts.css`;

/** @font-face rules: web faces (at `urlOf`), then metric-matched fallbacks. */
export async function fontCss(urlOf: (face: FaceSpec) => string = fontUrl, cache?: MetricsCache): Promise<string> {
  const rules = FACES.map((face) => webFace(face, urlOf(face)));
  for (const family of FAMILIES) {
    const face = FACES.find((f) => f.family === family.family && f.style === 'normal');
    if (!face) throw new Error(`fonts: no normal face for ${family.family}`);
    rules.push(fallbackFace(family.fallbackFamily, '100 549', SYSTEM_FONTS[family.fallbacks.regular], await metricsAt(face, face.weight.min, cache)));
    rules.push(fallbackFace(family.fallbackFamily, '550 900', SYSTEM_FONTS[family.fallbacks.bold], await metricsAt(face, face.weight.max, cache)));
  }
  return `${rules.join('\n')}\n`;
}

export const preloads = () => FACES.filter((f) => f.preload).map((f) => fontUrl(f));

export interface BuiltFonts {
  /** Stylesheet and preload URLs, as pages link them (before the base path). */
  stylesheet: string;
  preloads: string[];
  /** Files to write under the output folder, by URL. */
  files: { url: string; bytes: Buffer }[];
  chars: number;
}

// The subsetter's versions are part of a cached subset's key: a HarfBuzz update re-subsets.
const SUBSETTER = ['subset-font', 'harfbuzzjs'].map((pkg) => `${pkg}@${packageVersion(pkg)}`).join(',');

const SUBSET_WORKER = fileURLToPath(new URL('./font-subset-worker.ts', import.meta.url));

/** subset-font on a worker thread (see font-subset-worker.ts); in this thread if no worker can start. */
function subsetOffThread(source: Buffer, chars: string, weight: FaceSpec['weight']): Promise<Buffer> {
  const inThread = () => subsetFont(source, chars, { targetFormat: 'woff2', variationAxes: { wght: weight } });
  if (!existsSync(SUBSET_WORKER)) return inThread();
  return new Promise<Buffer>((resolve, reject) => {
    const worker = new Worker(SUBSET_WORKER, { workerData: { source, chars, weight } });
    worker.once('message', (subset: Uint8Array) => resolve(Buffer.from(subset)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`fonts: the subsetting worker exited with code ${code}`)));
  });
}

/** One face subset to `chars`, from the cache when the font, its axes, the characters and the subsetter are the same. */
async function subsetFace(face: FaceSpec, chars: string, cacheDir: string, used: Set<string>): Promise<Buffer> {
  const source = fontFile(face);
  const key = createHash('sha256').update(source).update(`\0${JSON.stringify(face.weight)}\0${SUBSETTER}\0${chars}`).digest('hex').slice(0, 32);
  const file = path.join(cacheDir, `${face.id}.${key}.woff2`);
  used.add(path.basename(file));
  try {
    return readFileSync(file);
  } catch {
    const subset = await subsetOffThread(source, chars, face.weight);
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, subset);
    renameSync(tmp, file);
    return subset;
  }
}

/** Subsets every face to `chars` and names the files and the stylesheet by content hash. */
export async function buildFonts(chars: string, cacheDir: string): Promise<BuiltFonts> {
  const hashed = (name: string, ext: string, data: string | Buffer) => `${FONT_DIR}${name}.${createHash('sha256').update(data).digest('hex').slice(0, 10)}.${ext}`;
  const used = new Set<string>();
  const files: BuiltFonts['files'] = [];
  const urls = new Map<string, string>();
  for (const face of FACES) {
    const bytes = await subsetFace(face, chars, cacheDir, used);
    const url = hashed(face.id, 'woff2', bytes);
    urls.set(face.id, url);
    files.push({ url, bytes });
  }
  // Relative to the stylesheet (both in _astro/fonts/), so the CSS works under any base path.
  const css = await fontCss((face) => path.posix.basename(urls.get(face.id)!), { dir: cacheDir, used });
  // Entries no longer used (an older character set or font) are pruned.
  for (const name of readdirSync(cacheDir)) if (!used.has(name)) rmSync(path.join(cacheDir, name), { force: true });
  const stylesheet = hashed('fonts', 'css', css);
  files.push({ url: stylesheet, bytes: Buffer.from(css) });
  const preloads = FACES.filter((f) => f.preload).map((f) => urls.get(f.id)!);
  return { stylesheet, preloads, files, chars: [...chars].length };
}

function vitePlugin(built: () => Promise<BuiltFonts> | undefined): Plugin {
  let css: Promise<string> | undefined;
  return {
    name: 'broadsheet:fonts',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      const fonts = await built();
      const stylesheet = fonts?.stylesheet ?? STYLESHEET;
      return `export const fontStylesheet = ${JSON.stringify(stylesheet)};\nexport const fontPreloads = ${JSON.stringify(fonts?.preloads ?? preloads())};\n`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // Pages link the files under the base path (/blog/_astro/fonts/…): match the tail.
        const url = req.url?.split('?')[0]?.replace(/^.*(?=\/_astro\/fonts\/)/, '');
        if (url === STYLESHEET) {
          res.setHeader('Content-Type', 'text/css; charset=utf-8');
          void (css ??= fontCss((face) => `${face.id}.woff2`)).then((text) => res.end(text), next);
          return;
        }
        const face = FACES.find((f) => url === fontUrl(f));
        if (!face) return next();
        res.setHeader('Content-Type', 'font/woff2');
        res.end(fontFile(face));
      });
    },
  };
}

export default function fonts(): AstroIntegration {
  let built: Promise<BuiltFonts> | undefined;
  return {
    name: 'broadsheet:fonts',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command === 'build') {
          // Started now, awaited when the pages' font module loads: subsetting overlaps the content sync.
          const chars = predictFontChars({
            dirs: [fileURLToPath(new URL('src/', config.root)), contentDir()],
            language: site.language,
            timeZone: site.timeZone,
            extra: [process.env['BROADSHEET_CONFIG'] ?? ''],
          });
          built = buildFonts(chars, fileURLToPath(new URL('fonts/', config.cacheDir)));
          // Unhandled until the module awaits it; a failure surfaces there and in build:done.
          built.catch(() => {});
        }
        updateConfig({ vite: { plugins: [vitePlugin(() => built)] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!built) return;
        const { chars, files } = await built;
        const out = fileURLToPath(dir);
        mkdirSync(path.join(out, FONT_DIR), { recursive: true });
        for (const file of files) writeFileSync(path.join(out, file.url), file.bytes);
        const sizes = files.map((f) => `${path.basename(f.url)} ${(f.bytes.length / 1024).toFixed(1)} kB`).join(', ');
        logger.info(`subset to ${chars} characters: ${sizes}`);
      },
    },
  };
}
