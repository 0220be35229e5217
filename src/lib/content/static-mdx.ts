/**
 * Which .mdx bodies need to be JavaScript modules. An MDX body is compiled to
 * a module that Vite bundles and the page runs; a body that uses nothing
 * MDX-only is just Markdown read with MDX's grammar, so the content loader can
 * render it once at load time and keep the HTML, like a .md body
 * (src/data/content-loader.ts, src/integrations/static-mdx.ts).
 *
 * The decision is made on Sätteri's MDX syntax tree (the parser @astrojs/mdx
 * compiles with), so braces and tags inside code, inline code and escaped
 * text (`\{`, `\<`) are text and do not count. A body needs a module when it has:
 *  - an `import` or `export` block (mdxjsEsm);
 *  - any `{expression}`, comments `{/* *\/}` included (mdxFlowExpression,
 *    mdxTextExpression): it is code, even when it prints nothing;
 *  - any JSX element, a component or HTML-looking (`<br />`, `<div>`):
 *    MDX compiles both through the JSX runtime (mdxJsxFlowElement, mdxJsxTextElement);
 *  - a Markdown image of a local file (`![](./chart.png)`): @astrojs/mdx turns
 *    it into an astro:assets <Image> with an import; an image reference
 *    (`![alt][ref]`) counts too, whatever its definition says.
 * Anything else is static. When in doubt the answer is "module": that path is
 * always correct, only slower.
 */
import { mdxToMdast, type MdastNode } from 'satteri';

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  position?: { start?: { line?: number } };
  children?: Node[];
}

/** Markdown images that @astrojs/mdx leaves as plain <img>: remote URLs and site paths (public/). */
const plainImage = (url: string) => URL.canParse(url) || url.startsWith('/');

/** Why a node needs the module path, or undefined when it is static. */
function moduleConstruct(node: Node): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return 'an import or export';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return 'a {…} expression';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return node.name ? `the JSX element <${node.name}>` : 'a JSX fragment <>';
    case 'image':
      return plainImage(node.url ?? '') ? undefined : `a local image (${node.url ?? ''})`;
    case 'imageReference':
      return 'an image reference ![…][…]';
    default:
      return undefined;
  }
}

/**
 * The first MDX-only construct in a parsed MDX tree, with its line
 * ("the JSX element <Callout> (line 12)"), or undefined when the body is static.
 */
export function moduleReason(tree: MdastNode): string | undefined {
  const stack: Node[] = [tree as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    const why = moduleConstruct(node);
    if (why) {
      const line = node.position?.start?.line;
      return line ? `${why} (line ${line})` : why;
    }
    // Children pushed in reverse: the first construct in reading order is reported.
    for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
  return undefined;
}

/** Parses an MDX body and decides; a body that does not parse needs the module path (its error is reported there). */
export function mdxModuleReason(body: string): string | undefined {
  try {
    return moduleReason(mdxToMdast(body));
  } catch {
    return 'an MDX syntax error';
  }
}
