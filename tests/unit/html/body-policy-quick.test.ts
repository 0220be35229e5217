/**
 * The allow-list's quick path (plain bodies: filtered visitor on URL elements)
 * against the full walk it replaces: every body is compiled both ways through
 * the real pipelines and must give the same HTML/JS, the same removal reports
 * and the same errors. Bodies: the sample site's articles, every fixture
 * article, the hostile bodies of the allow-list tests and Markdown's own URL
 * and character cases (tests/support/author-html.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs, type HastPluginDefinition, type MarkdownToHtmlResult, type MdxToJsResult, type PluginFactoryContext } from 'satteri';
import { authorHtmlPlugin, quickPathApplies } from '../../../src/lib/html/author-html-plugin.ts';
import { htmlPolicy } from '../../../src/lib/html/policy.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { markdownProcessor, preflightBodies } from '../../../src/integrations/markdown.ts';
import { preflightCache } from '../../../src/integrations/preflight-cache.ts';
import { walk } from '../../support/files.ts';
import { CONFIGURED_POLICY, HOSTILE, URL_AND_CHARACTER_BODIES } from '../../support/author-html.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const policy = htmlPolicy();
// As Astro configures Sätteri (astro.config.mjs: GFM and smart punctuation on, Shiki with two themes).
const FEATURES = { gfm: true, smartPunctuation: true };
const SHARED = { syntaxHighlight: 'shiki', shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: 'light' }, gfm: true, smartypants: true } as const;

interface Body {
  name: string;
  file: string;
  path: string;
  source: string;
  body: string;
}

function articleFiles(): Body[] {
  const dirs = [path.join(ROOT, 'content'), path.join(ROOT, 'tests/fixtures')];
  return dirs.flatMap((dir) =>
    walk(dir)
      .filter((file) => /\.mdx?$/.test(file))
      .map((file) => {
        const full = path.join(dir, file);
        const source = readFileSync(full, 'utf8');
        return { name: path.relative(ROOT, full), file: path.relative(ROOT, full), path: full, source, body: splitFrontmatter(source).body };
      }),
  );
}

const crafted = [HOSTILE, ...URL_AND_CHARACTER_BODIES, `${HOSTILE}\n\n[md js](javascript:alert(6)) <abbr title="x">GPU</abbr>`, '<Callout type="note">A component, <b onMouseOver="x()">bold</b> and [a link](javascript:1).</Callout>'];
const BODIES: Body[] = [
  ...articleFiles(),
  // Each crafted body as a .md and as a .mdx file.
  ...crafted.flatMap((body, i) => ['md', 'mdx'].map((ext) => ({ name: `crafted ${i}.${ext}`, file: `crafted-${i}.${ext}`, path: path.join(ROOT, `content/articles/crafted-${i}.${ext}`), source: body, body }))),
];

/** Output or error, and removals, of one compile: what must not differ between the two ways. */
function outcome(compile: (onRemoved: (r: string[]) => void) => string | Promise<string>): Promise<{ output?: string; error?: string; removed: string[] }> {
  const removed: string[] = [];
  return Promise.resolve()
    .then(() => compile((r) => removed.push(...r)))
    .then(
      (output) => ({ output, removed }),
      (error: unknown) => ({ error: String(error instanceof Error ? error.message : error), removed }),
    );
}

const direct = (body: Body, quickPath: boolean, allowList = policy) =>
  outcome((onRemoved) => {
    const hastPlugins = [authorHtmlPlugin(allowList, onRemoved, { quickPath })];
    return body.file.endsWith('.mdx')
      ? (mdxToJs(body.body, { features: FEATURES, hastPlugins }) as MdxToJsResult).code
      : (markdownToHtml(body.body, { features: FEATURES, hastPlugins }) as MarkdownToHtmlResult).html;
  });

// The pipeline Astro runs (Shiki, the MDX code guard, image and heading plugins around ours).
const processors = new Map<boolean, ReturnType<typeof markdownProcessor>>();
const renderers = new Map<string, Promise<{ render?: Function; process?: Function }>>();
function astroRenderer(quickPath: boolean, mdx: boolean) {
  if (!processors.has(quickPath)) processors.set(quickPath, markdownProcessor({ quickPath }));
  const processor = processors.get(quickPath)!;
  const key = `${quickPath}${mdx}`;
  if (!renderers.has(key)) renderers.set(key, (mdx ? processor.createMdxRenderer!(SHARED, { optimize: false }) : processor.createRenderer(SHARED)) as Promise<{ render?: Function; process?: Function }>);
  return renderers.get(key)!;
}
const throughAstro = (body: Body, quickPath: boolean) =>
  outcome(async () => {
    const mdx = body.file.endsWith('.mdx');
    const renderer = await astroRenderer(quickPath, mdx);
    const result = mdx ? await renderer.process!(body.body, body.path, {}) : await renderer.render!(body.body, { frontmatter: {}, fileURL: pathToFileURL(body.path) });
    return JSON.stringify(result);
  });

async function mismatches(compile: (body: Body, quickPath: boolean) => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  for (const body of BODIES) {
    const [quick, full] = [await compile(body, true), await compile(body, false)];
    if (JSON.stringify(quick) !== JSON.stringify(full)) out.push(`${body.name}:\n  quick ${JSON.stringify(quick).slice(0, 400)}\n  full  ${JSON.stringify(full).slice(0, 400)}`);
  }
  return out;
}

describe('the allow-list quick path gives what the full walk gives', () => {
  const cacheDirs: string[] = [];
  afterAll(() => cacheDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('covers quick-path bodies with and without something to clean, and full-walk bodies', async () => {
    const quick = BODIES.filter((b) => quickPathApplies(b.body));
    const toClean = [];
    for (const body of quick) if ((await direct(body, false)).removed.length) toClean.push(body.name);
    expect(quick.length).toBeGreaterThan(60);
    // Refused raw HTML, JSX and URLs on the quick path (these must fall back to the full walk).
    expect(toClean.length).toBeGreaterThan(20);
    expect(toClean.some((name) => name.endsWith('.md')) && toClean.some((name) => name.endsWith('.mdx'))).toBe(true);
    // Control characters and numeric references: the full walk from the start.
    expect(BODIES.length - quick.length).toBeGreaterThanOrEqual(4);
    // The real sample articles, components and all, take the quick path.
    expect(quick.filter((b) => b.name.startsWith('content/articles/')).length).toBeGreaterThan(10);
    // A plain body really gets the filtered visitors, any other the full walk.
    const factory = authorHtmlPlugin(policy) as (ctx: PluginFactoryContext) => HastPluginDefinition;
    const context = (source: string) => ({ source, fileURL: undefined, sourceFormat: 'markdown', data: {} }) as PluginFactoryContext;
    expect(factory(context('Plain <b>HTML</b> and a [link](https://example.com).')).element).toBeDefined();
    expect(factory(context('A bell \u0007.')).before).toBeDefined();
  });

  it("runs in a pipeline whose Markdown puts URLs on no other elements (the quick path's premise)", () => {
    // Directives, heading attributes and the raw-HTML reparse could put attributes on any element.
    const { features } = markdownProcessor().options;
    for (const feature of ['directive', 'headingAttributes', 'rawHtml'] as const) expect(features[feature] ?? false).toBe(false);
  });

  it('through markdownToHtml (.md) and mdxToJs (.mdx) with the plugin alone', async () => {
    expect(await mismatches(direct)).toEqual([]);
  });

  it('under a configuration that allows frames, more attributes and an image host', async () => {
    const configured = htmlPolicy(CONFIGURED_POLICY);
    expect(await mismatches((body, quickPath) => direct(body, quickPath, configured))).toEqual([]);
  });

  it('through the Markdown and MDX renderers Astro uses', { timeout: 120_000 }, async () => {
    expect(await mismatches(throughAstro)).toEqual([]);
  });

  it("in the pre-flight's report of removals and code problems", () => {
    const report = (quickPath: boolean) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-quick-'));
      cacheDirs.push(dir);
      return preflightBodies(BODIES, path.join(ROOT, 'content'), preflightCache(dir), { quickPath });
    };
    const quick = report(true);
    expect(quick).toEqual(report(false));
    expect(quick.removals.length).toBeGreaterThan(20);
    expect(quick.removals.join('\n')).toContain('href="javascript:alert(1)" on <a>');
  });
});
