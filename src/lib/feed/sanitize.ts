// Feed HTML is shown by readers we do not control, so it is reduced to a
// plain article vocabulary: no scripts, styles, embeds, forms or event handlers.
import sanitizeHtml from 'sanitize-html';
import { absolutizingTransform } from './absolutize.ts';
import { absoluteUrl } from '../content/urls.ts';
import { stripXmlInvalidChars } from './xml-text.ts';

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'picture', 'source', 'img',
  'a', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp', 'var',
  'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'small', 'mark', 'sub', 'sup',
  'abbr', 'time', 'details', 'summary', 'aside', 'div', 'span',
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
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
};

// Code blocks keep only their language class (what readers may highlight by).
const ALLOWED_CLASSES: Record<string, string[]> = {
  pre: ['language-*', 'lang-*'],
  code: ['language-*', 'lang-*'],
};

// Disallowed elements whose *content* must go too, not just the tags. Includes
// every raw-text element htmlparser2 knows, so their text is never re-emitted.
const DROP_WITH_CONTENT = [
  'script', 'style', 'template', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes',
  'iframe', 'object', 'embed', 'applet', 'frameset', 'frame',
  'form', 'textarea', 'select', 'option', 'button', 'svg', 'math', 'title', 'head',
];

function feedOptions(base?: URL): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: ALLOWED_CLASSES,
    // No data:, javascript:, vbscript:, blob:, file: …; images only over http(s).
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    // An image whose every source was rejected is an empty box; drop it.
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs['src'] && !frame.attribs['srcset']) ||
      (frame.tag === 'source' && !frame.attribs['src'] && !frame.attribs['srcset']),
    ...(base ? { transformTags: { '*': absolutizingTransform(base) } } : {}),
  };
}

/**
 * Reduce untrusted article HTML to the feed vocabulary and remove characters
 * XML 1.0 forbids (decoded entities such as `&#1;` included, hence after
 * sanitising). URLs are not made absolute, so relative links would break in a
 * reader: the feeds use prepareFeedHtml; this is the sanitising half on its
 * own, for tests.
 */
export function sanitizeFeedHtml(html: string): string {
  return stripXmlInvalidChars(sanitizeHtml(html, feedOptions()));
}

/**
 * Sanitise and absolutise in one parse. `articleUrl` may be site-relative; it is
 * resolved against `siteUrl`, and the result is the base for relative URLs.
 * Absolutising runs before the scheme check, so the check sees final URLs.
 */
export function prepareFeedHtml(html: string, articleUrl: string, siteUrl: string): string {
  const base = new URL(absoluteUrl(siteUrl, articleUrl));
  return stripXmlInvalidChars(sanitizeHtml(html, feedOptions(base)));
}
