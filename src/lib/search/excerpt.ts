/**
 * Pagefind excerpts are HTML: the page text, with < and > escaped and <mark> around
 * matched words. They are turned into plain segments and rendered with text
 * nodes and <mark> elements, so no indexed text is ever parsed as HTML.
 */
import { decodeHTMLStrict } from 'entities';

export interface Segment { text: string; mark: boolean }


/**
 * Splits an excerpt into text and marked segments; any other markup is kept as literal text.
 * Only letters and digits are highlighted: punctuation and spaces at either end of a match
 * ("V3.", "(MoE)") stay unmarked, and a match of punctuation alone is not marked at all.
 */
export function excerptSegments(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  let mark = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(part)) { mark = true; continue; }
    if (/^<\/mark>$/i.test(part)) { mark = false; continue; }
    // Pagefind escapes the page text; the shared HTML decoder (entities) undoes it, strictly (only `&name;` with the semicolon).
    const text = decodeHTMLStrict(part);
    if (!mark) { push(text, false); continue; }
    const core = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
    push(core[1]!, false);
    push(core[2]!, true);
    push(core[3]!, false);
  }
  return segments;
}
