/**
 * Self-hosted web fonts with no layout shift and no network:
 * - pages link a small stylesheet of @font-face rules (web faces plus
 *   metric-matched local() fallbacks) and preload the faces every page uses
 *   (FontHead.astro reads the URLs from virtual:broadsheet/fonts);
 * - after the build, every face is subset to the characters the built pages
 *   actually contain (subset-font / HarfBuzz) and, with the stylesheet, written
 *   content-hashed to /_astro/fonts/; the pages are pointed at the new names;
 * - `astro dev` serves the packages' latin files unsubset at the same URLs.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { ALWAYS_KEEP, FACES, FAMILIES, FONT_DIR, fontUrl, webFace, type FaceSpec } from '../lib/fonts/faces.ts';
import { fallbackFace, SYSTEM_FONTS } from '../lib/fonts/fallback.ts';
import { readMetrics } from '../lib/fonts/sfnt.ts';
import { WEIGHTED_CHARS } from '../lib/fonts/weightings.ts';
import { CharCollector, visibleText } from '../lib/fonts/charset.ts';

const VIRTUAL = 'virtual:broadsheet/fonts';
const requireFromRoot = createRequire(path.join(process.cwd(), 'package.json'));

export function fontFile(face: FaceSpec): Buffer {
  return readFileSync(requireFromRoot.resolve(`${face.pkg}/files/${face.file}`));
}

async function metricsAt(face: FaceSpec, wght: number) {
  const sfnt = await subsetFont(fontFile(face), WEIGHTED_CHARS, { targetFormat: 'sfnt', variationAxes: { wght } });
  return readMetrics(sfnt);
}

/** The stylesheet as pages first reference it; the build renames it by content hash. */
export const STYLESHEET = `${FONT_DIR}fonts.css`;

/** @font-face rules: web faces (at `urlOf`), then metric-matched fallbacks. */
export async function fontCss(urlOf: (face: FaceSpec) => string = fontUrl): Promise<string> {
  const rules = FACES.map((face) => webFace(face, urlOf(face)));
  for (const family of FAMILIES) {
    const face = FACES.find((f) => f.family === family.family && f.style === 'normal');
    if (!face) throw new Error(`fonts: no normal face for ${family.family}`);
    rules.push(fallbackFace(family.fallbackFamily, '100 549', SYSTEM_FONTS[family.fallbacks.regular], await metricsAt(face, face.weight.min)));
    rules.push(fallbackFace(family.fallbackFamily, '550 900', SYSTEM_FONTS[family.fallbacks.bold], await metricsAt(face, face.weight.max)));
  }
  return `${rules.join('\n')}\n`;
}

export const preloads = () => FACES.filter((f) => f.preload).map((f) => fontUrl(f));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** Subsets every face to the built pages' characters and rewrites the pages to the hashed files. */
export async function subsetBuiltSite(outDir: string): Promise<{ chars: number; files: { url: string; bytes: number }[] }> {
  const hashed = (name: string, ext: string, data: string | Buffer) => `${FONT_DIR}${name}.${createHash('sha256').update(data).digest('hex').slice(0, 10)}.${ext}`;
  // Pages are read one at a time (here and again below to rewrite them): holding them all
  // at once cost about 150 MB of heap per 1,000 articles, at the build's peak.
  const pages = htmlFiles(outDir);
  const collector = new CharCollector().add(ALWAYS_KEEP);
  for (const file of pages) collector.add(visibleText(readFileSync(file, 'utf8')));
  const chars = collector.toString();
  mkdirSync(path.join(outDir, FONT_DIR), { recursive: true });
  const files: { url: string; bytes: number }[] = [];
  const renames = new Map<string, string>();
  for (const face of FACES) {
    const subset = await subsetFont(fontFile(face), chars, { targetFormat: 'woff2', variationAxes: { wght: face.weight } });
    const url = hashed(face.id, 'woff2', subset);
    writeFileSync(path.join(outDir, url), subset);
    renames.set(fontUrl(face), url);
    files.push({ url, bytes: subset.length });
  }
  // Relative to the stylesheet (both in _astro/fonts/), so the CSS works under any base path.
  const css = await fontCss((face) => path.posix.basename(renames.get(fontUrl(face))!));
  const cssUrl = hashed('fonts', 'css', css);
  writeFileSync(path.join(outDir, cssUrl), css);
  renames.set(STYLESHEET, cssUrl);
  files.push({ url: cssUrl, bytes: Buffer.byteLength(css) });
  // A page an incremental build kept from the last build already names last build's hashed
  // files: match the plain name with or without a hash.
  const patterns = [...renames].map(([from, to]) => [new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.(\w+)$/, '(?:\\.[0-9a-f]{10})?\\.$1'), 'g'), to] as const);
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    let next = html;
    for (const [from, to] of patterns) next = next.replace(from, to);
    if (next !== html) writeFileSync(file, next);
  }
  return { chars: [...chars].length, files };
}

function vitePlugin(): Plugin {
  let css: Promise<string> | undefined;
  return {
    name: 'broadsheet:fonts',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      return `export const fontStylesheet = ${JSON.stringify(STYLESHEET)};\nexport const fontPreloads = ${JSON.stringify(preloads())};\n`;
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
  return {
    name: 'broadsheet:fonts',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [vitePlugin()] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { chars, files } = await subsetBuiltSite(fileURLToPath(dir));
        const sizes = files.map((f) => `${path.basename(f.url)} ${(f.bytes / 1024).toFixed(1)} kB`).join(', ');
        logger.info(`subset to ${chars} characters: ${sizes}`);
      },
    },
  };
}
