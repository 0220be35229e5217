/**
 * Applies the author-HTML allow-list (policy.ts) to an article body's HTML
 * tree (hast, as Sätteri builds it for .md and .mdx), before it is rendered:
 *  - `raw` nodes (HTML written in a .md body) go through sanitize-html;
 *  - lower-case MDX JSX elements (`<div>`, `<meta />` in a .mdx body) are
 *    kept, stripped of attributes, unwrapped or dropped by the same list;
 *  - capitalised JSX (Callout, Figure … from mdxComponents) is the theme's and
 *    stays; its children are checked like the rest;
 *  - elements Markdown made (links, images) keep only allowed URLs.
 * Pure: takes plain nodes, returns plain nodes and what it removed. The Sätteri
 * plugin that applies it is author-html-plugin.ts.
 */
import { DROP_WITH_CONTENT, NEVER_TAGS, attributeAllowed, srcsetUrls, urlAllowed, type HtmlPolicy } from './policy.ts';
import { sanitizeAuthorHtml } from './sanitize-html.ts';
import { stripControlChars } from '../content/schema.ts';

export interface BodyNode {
  type: string;
  children?: BodyNode[];
  [key: string]: unknown;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export const DROP = new Set<string>([...DROP_WITH_CONTENT, ...NEVER_TAGS]);
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const JSX_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for', srcSet: 'srcset' };
const LONE_CLOSE = /^<\/([a-zA-Z][\w-]*)\s*>$/;
const LONE_OPEN = /^<([a-zA-Z][\w-]*)(?:\s[^<>]*)?>$/;

/**
 * Inline HTML in Markdown arrives one tag per raw node (`<abbr title="x">`,
 * text, `</abbr>`), so a lone tag is checked as a tag: an allowed opening tag
 * keeps its allowed attributes, an allowed closing tag stays, anything else goes.
 */
export function sanitizeRawFragment(html: string, policy: HtmlPolicy): string {
  const close = LONE_CLOSE.exec(html.trim());
  if (close) return policy.tags.has(close[1]!.toLowerCase()) ? html : '';
  const open = LONE_OPEN.exec(html.trim());
  const clean = sanitizeAuthorHtml(html, policy);
  if (open && !html.trim().endsWith('/>')) {
    const tag = open[1]!.toLowerCase();
    if (!VOID.has(tag)) return clean.endsWith(`</${tag}>`) ? clean.slice(0, -`</${tag}>`.length) : clean;
  }
  return clean;
}

const htmlName = (jsxName: string) => JSX_NAMES[jsxName] ?? jsxName.toLowerCase();
const isComponent = (name: unknown) => typeof name !== 'string' || !/^[a-z]/.test(name) || name.includes('.');

function cleanJsxAttributes(tag: string, attributes: JsxAttribute[], policy: HtmlPolicy, removed: string[]): JsxAttribute[] {
  const kept: JsxAttribute[] = [];
  for (const attribute of attributes) {
    const name = attribute.type === 'mdxJsxAttribute' && attribute.name ? htmlName(attribute.name) : undefined;
    const value = attribute.value;
    const isUrl = name === 'href' || name === 'src' || name === 'cite' || name === 'srcset';
    const ok =
      name !== undefined &&
      attributeAllowed(policy, tag, name) &&
      // A URL must be a literal the policy can read; an {expression} cannot be checked.
      (!isUrl || (typeof value === 'string' && (name === 'srcset' ? srcsetUrls(value).every((u) => urlAllowed(policy, tag, u)) : urlAllowed(policy, tag, value))));
    if (ok) kept.push(name === attribute.name ? attribute : { ...attribute, name });
    else removed.push(`${name ?? '{...spread}'} on <${tag}>`);
  }
  if (tag === 'img' && !kept.some((a) => a.name === 'alt')) kept.push({ type: 'mdxJsxAttribute', name: 'alt', value: '' });
  return kept;
}

export function cleanElementUrls(node: BodyNode, policy: HtmlPolicy, removed: string[]): BodyNode | null {
  const tag = String(node['tagName']);
  const properties = { ...(node['properties'] as Record<string, unknown> | undefined) };
  let changed = false;
  for (const key of ['href', 'src', 'cite', 'srcSet']) {
    const value = properties[key];
    if (value === undefined) continue;
    const urls = key === 'srcSet' ? (Array.isArray(value) ? value.map(String) : srcsetUrls(String(value))) : [String(value)];
    if (urls.every((u) => urlAllowed(policy, tag, u))) continue;
    removed.push(`${key.toLowerCase()}="${urls[0]}" on <${tag}>`);
    delete properties[key];
    changed = true;
  }
  if (!changed) return node;
  if ((tag === 'img' || tag === 'source') && properties['src'] === undefined && properties['srcSet'] === undefined) return null;
  return { ...node, properties };
}

/** Cleans one node; returns its replacement (zero, one or several nodes) and whether anything changed. */
export function cleanNode(node: BodyNode, policy: HtmlPolicy, removed: string[]): { nodes: BodyNode[]; changed: boolean } {
  if (node.type === 'text') {
    // Control characters are forbidden in HTML (the Nu checker's "Forbidden code point").
    const value = String(node['value'] ?? '');
    const clean = stripControlChars(value);
    return clean === value ? { nodes: [node], changed: false } : { nodes: [{ ...node, value: clean }], changed: true };
  }
  if (node.type === 'raw') {
    const value = String(node['value'] ?? '');
    const clean = stripControlChars(sanitizeRawFragment(value, policy));
    if (clean === value) return { nodes: [node], changed: false };
    removed.push(`raw HTML ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`);
    return { nodes: clean ? [{ type: 'raw', value: clean }] : [], changed: true };
  }
  let current: BodyNode | null = node;
  let changed = false;
  if (node.type === 'element') {
    current = cleanElementUrls(node, policy, removed);
    changed = current !== node;
    if (!current) return { nodes: [], changed: true };
  } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !isComponent(node['name'])) {
    const tag = String(node['name']);
    if (!policy.tags.has(tag)) {
      removed.push(`<${tag}>`);
      if (DROP.has(tag)) return { nodes: [], changed: true };
      return { nodes: cleanChildren(node.children ?? [], policy, removed).nodes, changed: true };
    }
    const attributes = (node['attributes'] as JsxAttribute[] | undefined) ?? [];
    const kept = cleanJsxAttributes(tag, attributes, policy, removed);
    if ((tag === 'img' || tag === 'iframe') && !kept.some((a) => a.name === 'src' || a.name === 'srcset')) return { nodes: [], changed: true };
    if (kept.length !== attributes.length || kept.some((a, i) => a !== attributes[i])) {
      current = { ...node, attributes: kept };
      changed = true;
    }
  }
  if (current.children) {
    const children = cleanChildren(current.children, policy, removed);
    if (children.changed) {
      // A paragraph that held only refused markup would be an empty box.
      if (current.type === 'element' && current['tagName'] === 'p' && children.nodes.every(isBlankText)) return { nodes: [], changed: true };
      current = { ...current, children: children.nodes };
      changed = true;
    }
  }
  return { nodes: [current], changed };
}

const isBlankText = (node: BodyNode) => node.type === 'text' && String(node['value'] ?? '').trim() === '';
export const loneOpenTag = (node: BodyNode) => (node.type === 'raw' ? LONE_OPEN.exec(String(node['value'] ?? '').trim())?.[1]?.toLowerCase() : undefined);

/** For a lone raw opening tag whose content must go (script, svg…), the index of its closing tag; else `start`. */
function droppedRun(nodes: readonly BodyNode[], start: number): number {
  const tag = loneOpenTag(nodes[start]!);
  if (!tag || !DROP.has(tag) || VOID.has(tag)) return start;
  let depth = 0;
  for (let i = start; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'raw') continue;
    const value = String(node['value'] ?? '').trim();
    if (loneOpenTag(node) === tag) depth++;
    else if (LONE_CLOSE.exec(value)?.[1]?.toLowerCase() === tag && --depth === 0) return i;
  }
  return start;
}

export function cleanChildren(nodes: readonly BodyNode[], policy: HtmlPolicy, removed: string[]): { nodes: BodyNode[]; changed: boolean } {
  let changed = false;
  const out: BodyNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const end = droppedRun(nodes, i);
    if (end > i) {
      // `<script>alert(1)</script>` inline: the text between refused tags goes with them.
      removed.push(`raw HTML <${loneOpenTag(node)}>…</${loneOpenTag(node)}>`);
      changed = true;
      i = end;
      continue;
    }
    const result = cleanNode(node, policy, removed);
    changed ||= result.changed;
    out.push(...result.nodes);
  }
  return { nodes: out, changed };
}
