// Feed readers show articles outside the site, so every URL in the HTML must
// be absolute. Parsing is left to sanitize-html (htmlparser2); this module only
// rewrites attribute values handed to it.
import sanitizeHtml from 'sanitize-html';
import { resolveUrl } from '../content/urls.ts';

/** Attributes holding a single URL. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;
/** Attributes holding a comma-separated list of "URL [descriptor]" candidates. */
const SRCSET_ATTRIBUTES = ['srcset', 'imagesrcset'] as const;

/**
 * Resolve one URL against `base` (the article's permalink), as a browser on the
 * article page would; a URL with a scheme is left as written, an unparseable
 * one gives undefined. The one resolver is resolveUrl in src/lib/content/urls.ts.
 */
export const absolutizeUrl = resolveUrl;

interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/**
 * Split a srcset following the HTML spec's outline: a URL is a run of
 * non-whitespace (so commas inside a URL, as in `w_100,h_50`, survive) and a
 * candidate ends at a comma outside parentheses.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value.charAt(i))) i++;
    if (i >= value.length) break;
    let url = '';
    while (i < value.length && !/\s/.test(value.charAt(i))) url += value.charAt(i++);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < value.length) {
        const ch = value.charAt(i);
        if (ch === '(') depth++;
        else if (ch === ')') depth = Math.max(0, depth - 1);
        else if (ch === ',' && depth === 0) break;
        descriptor += ch;
        i++;
      }
    }
    if (url) candidates.push({ url, descriptor: descriptor.trim().replace(/\s+/g, ' ') });
  }
  return candidates;
}

/** Absolutize each candidate; unparseable candidates are dropped. */
export function absolutizeSrcset(value: string, base: string | URL): string {
  const out: string[] = [];
  for (const { url, descriptor } of parseSrcset(value)) {
    const resolved = absolutizeUrl(url, base);
    if (resolved === undefined) continue;
    out.push(descriptor ? `${resolved} ${descriptor}` : resolved);
  }
  return out.join(', ');
}

/** Return a copy of `attribs` with every URL-bearing attribute made absolute. */
export function absolutizeAttributes(
  attribs: Record<string, string>,
  base: string | URL,
): Record<string, string> {
  const result: Record<string, string> = { ...attribs };
  for (const name of URL_ATTRIBUTES) {
    const value = result[name];
    if (value === undefined) continue;
    const resolved = absolutizeUrl(value, base);
    if (resolved === undefined) delete result[name];
    else result[name] = resolved;
  }
  for (const name of SRCSET_ATTRIBUTES) {
    const value = result[name];
    if (value === undefined) continue;
    const resolved = absolutizeSrcset(value, base);
    if (resolved) result[name] = resolved;
    else delete result[name];
  }
  return result;
}

/** A sanitize-html `transformTags['*']` function that absolutizes URLs. */
export function absolutizingTransform(base: string | URL): sanitizeHtml.Transformer {
  return (tagName, attribs) => ({ tagName, attribs: absolutizeAttributes(attribs, base) });
}

/**
 * Make every relative URL in `html` absolute against `baseUrl` (pass the
 * article's permalink so `./x` and `#x` resolve as they do on the page).
 *
 * NOT A SANITISER. Every tag, attribute and URL scheme passes through
 * (`allowVulnerableTags`, no allow-lists): `<script>`, event handlers and
 * `javascript:` URLs come out as they went in. Never use it on its own on
 * untrusted HTML such as article bodies; feed content goes through
 * prepareFeedHtml, which sanitises and absolutises in one parse. This function
 * exists so the URL rewriting can be tested in isolation, and is deliberately
 * not exported from the library's index.
 */
export function absolutizeHtml(html: string, baseUrl: string | URL): string {
  const base = new URL(baseUrl);
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    // Keep every scheme: filtering URLs is sanitizeFeedHtml's job.
    allowedSchemesAppliedToAttributes: [],
    transformTags: { '*': absolutizingTransform(base) },
  });
}
