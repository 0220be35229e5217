/**
 * Pagefind excerpts are HTML: the page text, with < and > escaped and <mark> around
 * matched words. They are turned into plain segments and rendered with text
 * nodes and <mark> elements, so no indexed text is ever parsed as HTML.
 */
export interface Segment { text: string; mark: boolean }

/**
 * Pagefind (1.x) stores plain text and escapes only "<" and ">" when it builds
 * an excerpt; exactly those are undone, so a literal "&amp;" in an article stays as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

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
    const text = decodeEntities(part);
    if (!mark) { push(text, false); continue; }
    const core = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
    push(core[1]!, false);
    push(core[2]!, true);
    push(core[3]!, false);
  }
  return segments;
}
