// Text hygiene for anything that ends up inside an XML document.
import { escapeUTF8 } from 'entities';

// XML 1.0 `Char` excludes C0 controls other than tab/LF/CR, and U+FFFE/U+FFFF.
const XML_FORBIDDEN_BMP = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// Surrogates are only legal as a high+low pair; a lone half cannot be encoded.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove every character XML 1.0 forbids. Everything else (emoji, RTL, …) stays. */
export function stripXmlInvalidChars(text: string): string {
  return text.replace(XML_FORBIDDEN_BMP, '').replace(LONE_SURROGATE, '');
}

/** For single-line fields (titles, names, tags): valid chars, collapsed whitespace. */
export function cleanText(text: string): string {
  return stripXmlInvalidChars(text).replace(/\s+/g, ' ').trim();
}

/**
 * The one escaper for XML and HTML text and attribute values (feeds, social
 * card SVG, sample images). Only the five predefined named entities and no
 * numeric references: @astrojs/rss re-parses customData with fast-xml-parser,
 * which decodes these but NOT numeric references (`&#39;` would come out as
 * `&amp;#39;`). Non-ASCII text stays as it is.
 */
export const escapeXml: (text: string) => string = escapeUTF8;

/** Plain text in a field that readers interpret as HTML (an RSS description): the same escaping. */
export const escapeHtmlText = escapeXml;
