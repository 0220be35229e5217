/**
 * Pagefind excerpts are HTML: the page text, with < and > escaped and <mark> around
 * matched words. They are turned into plain segments and rendered with text
 * nodes and <mark> elements, so no indexed text is ever parsed as HTML.
 */
import { decodeHTMLStrict } from 'entities';

export interface Segment { text: string; mark: boolean }


/** Splits an excerpt into text and marked segments; any other markup is kept as literal text. */
export function excerptSegments(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(part)) { mark = true; continue; }
    if (/^<\/mark>$/i.test(part)) { mark = false; continue; }
    if (!part) continue;
    // Pagefind escapes the page text; the shared HTML decoder (entities) undoes it, strictly (only `&name;` with the semicolon).
    const text = decodeHTMLStrict(part);
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  }
  return segments;
}
