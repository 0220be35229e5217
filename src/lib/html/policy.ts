/**
 * The one allow-list for author HTML: raw HTML and lower-case JSX elements in
 * article bodies (src/lib/html/body-policy.ts) and the full article HTML in
 * feeds (src/lib/feed/sanitize.ts). A site owner may allow more elements and
 * attributes, and remote image or frame hosts, in `content.html` of the site
 * config; some things can never be allowed (NEVER_TAGS, isForbiddenAttribute).
 */

/** A plain article vocabulary. */
export const BASE_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'picture', 'source', 'img',
  'a', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp', 'var',
  'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'small', 'mark', 'sub', 'sup',
  'abbr', 'time', 'details', 'summary', 'aside', 'div', 'span',
] as const;

export const BASE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['lang', 'dir'],
  a: ['href', 'title', 'rel', 'hreflang'],
  img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
  source: ['src', 'srcset', 'sizes', 'type', 'media', 'width', 'height'],
  abbr: ['title'],
  time: ['datetime'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  td: ['colspan', 'rowspan', 'headers'],
  col: ['span'],
  colgroup: ['span'],
  details: ['open'],
  aside: ['class'],
  div: ['class'],
  span: ['class'],
  iframe: ['src', 'title', 'width', 'height', 'loading', 'allow', 'allowfullscreen', 'referrerpolicy'],
};

/**
 * Elements no configuration can allow: they redirect (meta, base), pull in
 * code or styles (script, link, style), embed plugins (object, embed) or post
 * data (form and its controls).
 */
export const NEVER_TAGS = [
  'script', 'meta', 'base', 'link', 'style', 'object', 'embed', 'applet', 'form', 'input',
  'button', 'select', 'textarea', 'option', 'frame', 'frameset', 'noscript', 'template',
  'html', 'head', 'body', 'title', 'svg', 'math', 'portal',
] as const;

/** Disallowed elements whose content goes too (raw text, scripts, embedded documents). */
export const DROP_WITH_CONTENT = [
  'script', 'style', 'template', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes',
  'iframe', 'object', 'embed', 'applet', 'frameset', 'frame',
  'form', 'textarea', 'select', 'option', 'button', 'svg', 'math', 'title', 'head',
] as const;

/**
 * Never allowed on any element: event handlers, srcdoc (a whole document),
 * form overrides, and `data-pagefind-*` (only the theme tells search what a
 * page's title, filters or sort keys are).
 */
export function isForbiddenAttribute(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('on') || n.startsWith('data-pagefind') || n === 'srcdoc' || n === 'formaction' || n === 'style' || n === 'is';
}

export const URL_ATTRIBUTES = ['href', 'src', 'cite', 'srcset'] as const;
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IMAGE_TAGS = new Set(['img', 'source']);

export interface HtmlPolicyConfig {
  /** Extra elements and their attributes, e.g. `{ iframe: ['src', 'title'] }` or `{ span: ['id'] }`. */
  allow?: Record<string, string[]> | undefined;
  /** Hosts body images may load from (also added to the CSP's img-src). */
  imageHosts?: string[] | undefined;
  /** Hosts an allowed <iframe> may load (also added to the CSP's frame-src). */
  frameHosts?: string[] | undefined;
}

export interface HtmlPolicy {
  tags: ReadonlySet<string>;
  attributes: Readonly<Record<string, readonly string[]>>;
  imageHosts: readonly string[];
  frameHosts: readonly string[];
}

/** The base allow-list plus the site's additions; iframes only when configured. */
export function htmlPolicy(config: HtmlPolicyConfig = {}): HtmlPolicy {
  const allow = config.allow ?? {};
  const tags = new Set<string>(BASE_TAGS);
  const attributes: Record<string, string[]> = {};
  for (const [tag, names] of Object.entries(BASE_ATTRIBUTES)) attributes[tag] = [...names];
  for (const [tag, names] of Object.entries(allow)) {
    const t = tag.toLowerCase();
    if ((NEVER_TAGS as readonly string[]).includes(t)) continue;
    if (t !== '*') tags.add(t);
    attributes[t] = [...new Set([...(attributes[t] ?? []), ...names.map((n) => n.toLowerCase())])];
  }
  for (const names of Object.values(attributes)) names.splice(0, names.length, ...names.filter((n) => !isForbiddenAttribute(n)));
  return { tags, attributes, imageHosts: config.imageHosts ?? [], frameHosts: config.frameHosts ?? [] };
}

export function attributeAllowed(policy: HtmlPolicy, tag: string, name: string): boolean {
  const n = name.toLowerCase();
  if (isForbiddenAttribute(n)) return false;
  return (policy.attributes[tag] ?? []).includes(n) || (policy.attributes['*'] ?? []).includes(n);
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether a URL may stay on `tag`'s `attribute`. Links: relative, http(s),
 * mailto and tel. Images: relative, https from a listed image host (what the
 * CSP allows), or one of `ownHosts` (the site itself, in feeds). Frames: https
 * from a listed frame host. Control characters and whitespace inside a scheme (the
 * `java\tscript:` trick) are removed before the check, as browsers do.
 */
export function urlAllowed(policy: HtmlPolicy, tag: string, value: string, ownHosts: readonly string[] = []): boolean {
  const url = value.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  const remote = scheme !== undefined || url.startsWith('//');
  if (tag === 'iframe') return remote && hostIn(url, policy.frameHosts, ['https']);
  if (IMAGE_TAGS.has(tag)) return !remote || hostIn(url, policy.imageHosts, ['https']) || hostIn(url, ownHosts, ['http', 'https']);
  return scheme === undefined || LINK_SCHEMES.includes(scheme);
}

function hostIn(url: string, hosts: readonly string[], schemes: string[]): boolean {
  try {
    const parsed = new URL(url, 'https://relative.invalid');
    return schemes.includes(parsed.protocol.slice(0, -1)) && hosts.includes(parsed.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Each URL of a srcset ("a.png 1x, b.png 2x"). */
export const srcsetUrls = (srcset: string): string[] =>
  srcset.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '').filter(Boolean);
