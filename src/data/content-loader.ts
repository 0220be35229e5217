/**
 * The one reader of the content folder. The pre-flight check, Astro's
 * collections (through the loader below) and the CLI scripts all get their
 * entries from `loadSiteContent`, so the schema sees exactly what the check saw
 * and no file is read or parsed twice in a build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { buildClock, formatProblems, loadContent, stripControlChars, usableContent, type LoadedContent, type LoadedEntry } from '../lib/content/index.ts';
import site from '../site.config.ts';
import { basePath } from '../lib/content/urls.ts';
import { staticMdxRenderer } from '../integrations/static-mdx.ts';
import { packageVersion } from '../integrations/package-version.ts';

export function contentDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env['CONTENT_DIR'] || 'content');
}

// Astro loads astro.config.mjs and src/content.config.ts as separate module
// instances in one process: the parsed folder is shared through globalThis.
const SHARED = Symbol.for('broadsheet.loaded-content');
const memo = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new Map()) as Map<string, Promise<LoadedContent>>;

/**
 * Reads and checks a content folder against this site's config. Memoised per
 * folder for the process; `fresh` re-reads it (a new build, a file edited in dev).
 */
export function loadSiteContent(dir = contentDir(), { fresh = false } = {}): Promise<LoadedContent> {
  const known = memo.get(dir);
  if (known && !fresh) return known;
  const content = loadContent(dir, { categories: site.categories.map((c) => c.slug), now: buildClock(), timeZone: site.timeZone });
  memo.set(dir, content);
  return content;
}

const synced = new Map<string, Set<Kind>>();

/**
 * A build needs the parsed folder only until both collections are in Astro's
 * store; after that it holds every file's text a second time (about 15 MB per
 * 1,000 articles) through page rendering. `astro dev` keeps it for its report page.
 */
function releaseWhenSynced(dir: string, kind: Kind): void {
  const kinds = synced.get(dir) ?? new Set<Kind>();
  kinds.add(kind);
  synced.set(dir, kinds);
  if (kinds.size < 2) return;
  synced.delete(dir);
  memo.delete(dir);
}

// Rendered .md and static .mdx bodies are cached too, so the author-HTML allow-list, the Markdown
// pipeline, the static MDX renderer and the table markup it applies are part of the key.
const CACHE_KEY_SOURCES = [
  fileURLToPath(new URL('../lib/content/', import.meta.url)),
  fileURLToPath(new URL('../lib/html/', import.meta.url)),
  fileURLToPath(new URL('../lib/design/spec-table.ts', import.meta.url)),
  fileURLToPath(new URL('../lib/design/numeric-cells.ts', import.meta.url)),
  fileURLToPath(new URL('../integrations/markdown.ts', import.meta.url)),
  fileURLToPath(new URL('../integrations/static-mdx.ts', import.meta.url)),
  fileURLToPath(new URL('./entry-schema.ts', import.meta.url)),
  fileURLToPath(import.meta.url),
];
// The compilers whose output is stored (Astro clears its store itself when Astro or its config changes).
const CACHE_KEY_PACKAGES = ['satteri', '@astrojs/markdown-satteri', '@astrojs/mdx'];

/**
 * Astro caches parsed entries between builds and re-parses only files that
 * changed. The cache is keyed by the content folder (a fixture build never
 * reuses the sample site's entries), by the source of the schema, this loader
 * and the Markdown pipeline with its allow-list, and by the site's `content`
 * settings (a rule change re-parses every entry instead of serving stale data).
 */
export function cacheDirFor(dir: string): string {
  const hash = createHash('sha256').update(dir);
  for (const source of CACHE_KEY_SOURCES) {
    const files = source.endsWith('.ts') ? [source] : readdirSync(source).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(source, f));
    for (const file of files) hash.update(readFileSync(file));
  }
  for (const pkg of CACHE_KEY_PACKAGES) hash.update(`${pkg}@${packageVersion(pkg)}\0`);
  // A changed allow-list in the site config (content.html) must re-render every body.
  hash.update(JSON.stringify(site.content));
  // Rendered bodies carry the base path in their links (src/lib/html/base-links.ts).
  const base = basePath(site.url);
  if (base !== '/') hash.update(base);
  return `./node_modules/.astro/${path.basename(dir)}-${hash.digest('hex').slice(0, 12)}/`;
}

type Kind = 'articles' | 'authors';
/** Astro passes its per-extension renderers to loaders; they are not in the public type. */
type RenderFunction = (entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<{ html: string; metadata?: { imagePaths?: string[] } }>;
type FullContext = LoaderContext & { entryTypes?: Map<string, { getRenderFunction?: (config: unknown) => Promise<RenderFunction> }> };
/** Re-registers a cached entry's images, as Astro's glob loader does; present at run time, not in the public type. */
type StoreWithAssets = LoaderContext['store'] & { addAssetImports(assets: string[], filePath: string): void };

interface SyncCounts {
  parsed: number;
  unchanged: number;
  /** Of the parsed .mdx bodies: rendered now and stored as HTML, or left to Vite as modules. */
  staticMdx: number;
  moduleMdx: number;
}

/** Stores one collection's entries; an entry whose digest is unchanged is kept as it is (not parsed or rendered). */
async function sync(kind: Kind, context: FullContext, content: Pick<LoadedContent, Kind>): Promise<SyncCounts> {
  const { store, parseData, generateDigest, config } = context;
  const root = fileURLToPath(config.root);
  const stale = new Set(store.keys());
  const counts: SyncCounts = { parsed: 0, unchanged: 0, staticMdx: 0, moduleMdx: 0 };
  let renderMarkdown: RenderFunction | undefined;
  for (const entry of content[kind] as LoadedEntry<unknown>[]) {
    stale.delete(entry.id);
    const filePath = path.relative(root, entry.path).split(path.sep).join('/');
    // The time zone changes what a date-time means, so it is part of the digest.
    const digest = generateDigest(`${site.timeZone ?? ''}\u0000${entry.source}`);
    const existing = store.get(entry.id);
    if (existing && existing.digest === digest && existing.filePath === filePath) {
      if (existing.deferredRender) store.addModuleImport(filePath);
      if (existing.assetImports?.length) (store as StoreWithAssets).addAssetImports(existing.assetImports, filePath);
      counts.unchanged++;
      continue;
    }
    counts.parsed++;
    // Control characters are invalid in HTML and XML; the check warns about each one.
    const body = stripControlChars(entry.body).trim();
    const data = await parseData({ id: entry.id, data: entry.raw, filePath: entry.path });
    store.delete(entry.id);
    if (entry.path.endsWith('.mdx')) {
      const rendered = await renderStaticMdx(context, entry);
      if (rendered) {
        counts.staticMdx++;
        store.set({ id: entry.id, data, body, filePath, digest, rendered });
      } else {
        // Compiled as a module by @astrojs/mdx when the page renders it.
        counts.moduleMdx++;
        store.set({ id: entry.id, data, body, filePath, digest, deferredRender: true });
      }
    } else {
      renderMarkdown ??= await context.entryTypes?.get('.md')?.getRenderFunction?.(config);
      const rendered = await renderMarkdown?.({ id: entry.id, data, body, filePath: entry.path, digest });
      store.set({ id: entry.id, data, body, filePath, digest, ...(rendered ? { rendered, assetImports: rendered.metadata?.imagePaths ?? [] } : {}) });
    }
  }
  for (const id of stale) store.delete(id);
  return counts;
}

const renderers = new WeakMap<object, ReturnType<typeof staticMdxRenderer>>();

/**
 * A static .mdx body (src/lib/content/static-mdx.ts) rendered now, or undefined
 * to keep it a module: it uses MDX-only syntax, or rendering it here failed (the
 * module path then reports the error with its line, or renders what this could not).
 */
async function renderStaticMdx(context: FullContext, entry: LoadedEntry<unknown>) {
  if (entry.moduleReason !== undefined) {
    context.logger.debug(`${entry.file}: compiled as a module: ${entry.moduleReason}`);
    return undefined;
  }
  let render = renderers.get(context.config);
  if (!render) renderers.set(context.config, (render = staticMdxRenderer(context.config)));
  try {
    // The text Vite would compile: the body as written (not trimmed), without control characters.
    const rendered = await render(stripControlChars(entry.body), entry.path, entry.raw);
    if (!rendered) context.logger.debug(`${entry.file}: compiled as a module: its compiled code is not the static shape`);
    return rendered;
  } catch (error) {
    context.logger.debug(`${entry.file}: compiled as a module: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * A collection loader over the shared, checked content. A production build
 * never gets here with problems (the pre-flight check stops it first); `astro dev`
 * serves the usable entries and reports the rest.
 */
export function contentLoader(kind: Kind): Loader {
  return {
    name: `broadsheet-${kind}`,
    load: async (context: FullContext) => {
      const dir = contentDir();
      const report = (counts: SyncCounts) => {
        const mdx = counts.staticMdx + counts.moduleMdx ? ` (.mdx: ${counts.staticMdx} rendered to HTML, ${counts.moduleMdx} compiled as modules)` : '';
        context.logger.info(`${kind}: ${counts.parsed} parsed${mdx}, ${counts.unchanged} unchanged`);
      };
      report(await sync(kind, context, usableContent(await loadSiteContent(dir))));
      if (!context.watcher) releaseWhenSynced(dir, kind);
      context.watcher?.on('all', async (_event: string, changed: string) => {
        if (!path.resolve(changed).startsWith(dir + path.sep)) return;
        const content = await loadSiteContent(dir, { fresh: true });
        // Both collections reload on a change; the articles loader alone prints the report.
        if (kind === 'articles' && content.problems.length) context.logger.error(`\n${formatProblems(content.problems)}\n`);
        report(await sync(kind, context, usableContent(content)));
      });
    },
  };
}
