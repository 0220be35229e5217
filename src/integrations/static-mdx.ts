/**
 * Renders a static .mdx body (no import/export, expression, JSX or local image;
 * src/lib/content/static-mdx.ts) to HTML at load time, so it is stored like a
 * .md body and never becomes a module that Vite bundles.
 *
 * Nothing is reimplemented: the body goes through the same MDX compile that
 * @astrojs/mdx runs in Vite (the configured processor's createMdxRenderer, with
 * Shiki, heading ids, the author-HTML allow-list, the MDX code guard and base
 * links), and the compiled component is rendered by Astro's own JSX renderer
 * (renderJSX), the one that renders it inside a page. The one component a
 * static body can meet, the `table` override (SpecTable.astro), is applied
 * with the same markup function (src/lib/design/spec-table.ts).
 */
import type { AstroConfig } from 'astro';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { renderJSX } from 'astro/runtime/server/jsx.js';
import { staticModuleBody } from '../lib/content/static-mdx-code.ts';
import { wrapSpecTables } from '../lib/design/spec-table.ts';

interface Heading { depth: number; slug: string; text: string }

/** What Astro's store keeps for a rendered entry (the .md loader stores the same fields). */
export interface StaticRender {
  html: string;
  metadata: { headings: Heading[]; localImagePaths: string[]; remoteImagePaths: string[]; imagePaths: string[]; frontmatter: Record<string, unknown> };
}

interface MdxRenderer { process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<{ code: string }> }
interface MdxCapableProcessor { createMdxRenderer?(shared: Record<string, unknown>, mdx: { optimize: boolean; srcDir?: URL; sourcemap?: boolean }): Promise<MdxRenderer> }
type StaticModule = { MDXContent: (props: { components: Record<string, unknown> }) => unknown; getHeadings: () => Heading[] };

// renderJSX reads the page's result only to name a page in an error about an undefined component; a static body has no components.
const NO_PAGE = { pathname: '(static MDX body)' } as Parameters<typeof renderJSX>[0];

/**
 * The renderer @astrojs/mdx creates from the same config (its defaults:
 * `extendMarkdownConfig`, `optimize: false`). The integration takes no
 * options in astro.config.mjs; options given there would have to be given here too.
 */
function mdxRenderer(config: AstroConfig): Promise<MdxRenderer> {
  const processor = config.markdown.processor as unknown as MdxCapableProcessor;
  if (!processor.createMdxRenderer) throw new Error(`the Markdown processor cannot compile MDX`);
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  return processor.createMdxRenderer({ syntaxHighlight, shikiConfig, gfm, smartypants }, { optimize: false, srcDir: config.srcDir, sourcemap: false });
}

/**
 * Returns a function that renders one static body, or resolves to undefined
 * when the compiled module is not the expected static shape (the caller then
 * keeps the module path). A compile error rejects: the caller keeps the module
 * path too, and the MDX compile in Vite reports it with the file and line.
 */
export function staticMdxRenderer(config: AstroConfig): (body: string, file: string, frontmatter: Record<string, unknown>) => Promise<StaticRender | undefined> {
  let renderer: Promise<MdxRenderer> | undefined;
  return async (body, file, frontmatter) => {
    renderer ??= mdxRenderer(config);
    const { code } = await (await renderer).process(body, file, frontmatter);
    const functionBody = staticModuleBody(code);
    if (!functionBody) return undefined;
    // Compiler output for a body without code: JSX calls with literal props only.
    const mod = new Function('runtime', functionBody)({ Fragment, jsx, jsxs }) as StaticModule;
    // As the module's Content export calls it (vite-plugin-mdx-postprocess); `table` stays an element and is wrapped below.
    const html = String(await renderJSX(NO_PAGE, mod.MDXContent({ components: { Fragment } })));
    return {
      html: wrapSpecTables(html),
      metadata: { headings: mod.getHeadings(), localImagePaths: [], remoteImagePaths: [], imagePaths: [], frontmatter },
    };
  };
}
