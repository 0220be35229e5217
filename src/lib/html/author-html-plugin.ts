/**
 * The author-HTML allow-list (body-policy.ts) as a Sätteri hast plugin, with a
 * quick path for bodies where the full walk would change nothing.
 *
 * Walking the whole tree is costly: every node it touches is materialised from
 * Rust into JS (1.6 s of CPU in a cold build of 1,000 generated articles, the
 * pre-flight's compile and the content loader's together). What it changes is:
 *  1. control characters in text;
 *  2. raw HTML nodes (.md) that the allow-list cleans, and the text between a
 *     lone `<script>`-like tag and its closing tag;
 *  3. lower-case JSX elements (.mdx) that are refused, unwrapped or lose
 *     attributes (components are kept; their children are walked like the rest);
 *  4. refused URLs (href, src, cite, srcset) on elements;
 *  5. a paragraph left empty by 2-4.
 * 1 is ruled out from the source: text gets a control character only from the
 * source itself or from a numeric reference (Sätteri makes most of those
 * U+FFFD, but `&#12;` a form feed); no named entity decodes to one (HTML's list
 * names only tab and newline below U+0020); Shiki, which runs before this
 * plugin, only splits the code's own text. So a body with no control character
 * and no `&#` takes the quick path: Rust finds raw nodes, JSX elements and
 * elements that can carry a URL, only those cross to JS, and each is checked
 * on its own for 2-4 (5 follows from them). Markdown's links, images, autolinks,
 * autolink literals, footnote links and reference definitions all become `a` or
 * `img`; the theme enables no directives, heading attributes or raw-HTML
 * reparse, which could put attributes on other elements. Only if one node
 * would change does the `after` hook run the full walk, on the untouched tree,
 * so output and removal report are the full walk's.
 * tests/unit/html/body-policy-quick.test.ts compiles real and hostile bodies
 * both ways and compares.
 */
import { defineHastPlugin, type HastPluginEntry, type HastVisitorContext } from 'satteri';
import { DROP, cleanElementUrls, cleanNode, loneOpenTag, type BodyNode } from './body-policy.ts';
import type { HtmlPolicy } from './policy.ts';
import { stripControlChars } from '../content/schema.ts';

/** Elements a browser loads or follows href, src, cite or srcset on (`image` parses as `img`); Markdown makes only `a` and `img` with one. */
const URL_ELEMENTS = ['a', 'area', 'base', 'link', 'img', 'image', 'source', 'iframe', 'frame', 'portal', 'embed', 'video', 'audio', 'track', 'input', 'script', 'blockquote', 'q', 'del', 'ins'];

/** No control character (as stripControlChars defines them) and no numeric character reference. */
export const quickPathApplies = (source: string) => !source.includes('&#') && stripControlChars(source) === source;

type RemovedListener = (removed: string[], fileURL: URL | undefined) => void;

export interface AuthorHtmlOptions {
  /** false: the full walk for every body (the equivalence test and benchmark compare both). */
  quickPath?: boolean;
}

function cleanTree(root: { children: readonly unknown[] }, ctx: HastVisitorContext, policy: HtmlPolicy, onRemoved: RemovedListener): void {
  const removed: string[] = [];
  for (const child of root.children as BodyNode[]) {
    const result = cleanNode(child, policy, removed);
    if (result.changed) ctx.replaceNode(child as never, result.nodes as never);
  }
  if (removed.length) onRemoved([...new Set(removed)], ctx.fileURL);
}

/** Whether the full walk would change this raw node or drop a run starting at it. */
const rawNeedsWalk = (node: BodyNode, policy: HtmlPolicy) => DROP.has(loneOpenTag(node) ?? '') || cleanNode(node, policy, []).changed;

/** Whether the full walk would change this JSX element itself (its children are visited on their own). */
const jsxNeedsWalk = (node: BodyNode, policy: HtmlPolicy) =>
  cleanNode({ type: node.type, name: node['name'], attributes: node['attributes'], children: [] }, policy, []).changed;

/** The allow-list as a Sätteri hast plugin; `onRemoved` hears, per document, what was taken out. */
export function authorHtmlPlugin(policy: HtmlPolicy, onRemoved: RemovedListener = () => {}, options: AuthorHtmlOptions = {}): HastPluginEntry {
  const name = 'broadsheet-author-html';
  const fullWalk = defineHastPlugin({ name, before: (root, ctx) => cleanTree(root, ctx, policy, onRemoved) });
  // Sätteri calls the factory once per compile, with the source, before parsing.
  return ({ source }) => {
    if (options.quickPath === false || !quickPathApplies(source)) return fullWalk;
    let needsWalk = false;
    const check = (test: (node: BodyNode, policy: HtmlPolicy) => boolean) => (node: unknown) => {
      needsWalk ||= test(node as BodyNode, policy);
    };
    const jsx = { filter: [], visit: check(jsxNeedsWalk) };
    return defineHastPlugin({
      name,
      element: { filter: URL_ELEMENTS, visit: check((node) => cleanElementUrls(node, policy, []) !== node) },
      raw: check(rawNeedsWalk),
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      after(root, ctx) {
        if (needsWalk) cleanTree(root, ctx, policy, onRemoved);
      },
    });
  };
}
