/**
 * Reads an article body the way the build will: Markdown or MDX parsed by
 * Sätteri (the parser Astro uses), without rendering. It finds what can only
 * fail later (MDX syntax, unknown components, missing images, control
 * characters) and reports it with the line and column in the author's file.
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import GithubSlugger from 'github-slugger';
import { moduleReason } from './static-mdx.ts';

export interface Located {
  /** 1-based line and column in the author's file (frontmatter included). */
  line: number;
  column: number;
}

export interface BodyReport {
  /** A syntax error that stops compilation; nothing else is known then. */
  syntaxError?: Located & { message: string };
  /** Markdown images (`![alt](./x.png)`): the build resolves and processes these. Raw HTML <img> is left as written. */
  images: (Located & { url: string })[];
  links: (Located & { url: string })[];
  /** Capitalised JSX elements (`<Figure>`): each needs an import or a built-in component. */
  components: (Located & { name: string })[];
  /** Names bound by `import` statements. */
  imported: Set<string>;
  /** Heading ids, as Astro generates them (github-slugger). */
  headingIds: string[];
  controlChars: Located[];
  /** Whether the body has any text or element at all. */
  empty: boolean;
  /**
   * MDX only: why the body must be compiled as a module (its first MDX-only
   * construct), or undefined when it is static and is rendered at load time
   * (src/lib/content/static-mdx.ts). Undefined for Markdown.
   */
  moduleReason?: string;
}

// C0 controls other than tab, newline and carriage return, and DEL: invalid in HTML and XML.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

type Node = MdastNode & { position?: { start: { line: number; column: number } }; children?: Node[]; name?: string | null; url?: string; value?: string; attributes?: { type: string; name?: string; value?: unknown }[] };

function textOf(node: Node): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** Locates a match in the body, shifted by the frontmatter's lines. */
function locate(body: string, offset: number, lineOffset: number): Located {
  const before = body.slice(0, offset);
  const line = before.split('\n').length;
  return { line: line + lineOffset, column: offset - before.lastIndexOf('\n') };
}

export function analyseBody(body: string, format: 'md' | 'mdx', lineOffset: number): BodyReport {
  const report: BodyReport = { images: [], links: [], components: [], imported: new Set(), headingIds: [], controlChars: [], empty: body.trim() === '' };
  for (const match of body.matchAll(CONTROL)) report.controlChars.push(locate(body, match.index, lineOffset));
  let tree: Node;
  try {
    tree = (format === 'mdx' ? mdxToMdast(body) : markdownToMdast(body)) as Node;
  } catch (error) {
    const message = (error as Error).message;
    const at = /^(\d+):(\d+):\s*/.exec(message);
    report.syntaxError = {
      line: (at ? Number(at[1]) : 1) + lineOffset,
      column: at ? Number(at[2]) : 1,
      message: message.replace(/^(\d+):(\d+):\s*/, '').replace(/\s*\(mdx[^)]*\)$/, ''),
    };
    if (format === 'mdx') report.moduleReason = 'an MDX syntax error';
    return report;
  }
  if (format === 'mdx') {
    // The build renders the body with control characters removed, which could change how it parses.
    report.moduleReason = report.controlChars.length ? 'control characters' : moduleReason(tree);
  }
  const slugger = new GithubSlugger();
  const at = (node: Node): Located => ({ line: (node.position?.start.line ?? 1) + lineOffset, column: node.position?.start.column ?? 1 });
  const visit = (node: Node) => {
    if (node.type === 'image' && node.url) report.images.push({ ...at(node), url: node.url });
    if ((node.type === 'link' || node.type === 'definition') && node.url) report.links.push({ ...at(node), url: node.url });
    if (node.type === 'heading') report.headingIds.push(slugger.slug(textOf(node)));
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const href = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value;
      if (node.name === 'a' && typeof href === 'string') report.links.push({ ...at(node), url: href });
      if (/^[A-Z]/.test(node.name)) report.components.push({ ...at(node), name: node.name.split('.')[0]! });
    }
    if (node.type === 'mdxjsEsm' && typeof node.value === 'string') {
      for (const m of node.value.matchAll(/import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?(?:\*\s+as\s+(\w+))?\s*from/g)) {
        if (m[1]) report.imported.add(m[1]);
        if (m[3]) report.imported.add(m[3]);
        for (const part of (m[2] ?? '').split(',')) {
          const name = part.trim().split(/\s+as\s+/).pop()?.trim();
          if (name) report.imported.add(name);
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return report;
}
