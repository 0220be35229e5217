/** The characters a built page can show: its text and the attributes that render as text. */
import { decodeHTML } from 'entities';

/** Visible text of an HTML document, plus alt/placeholder/value/content attributes. Scripts, styles and JSON-LD are skipped. */
export function visibleText(html: string): string {
  const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const attrs = [...withoutCode.matchAll(/\s(?:alt|placeholder|value|title)="([^"]*)"/gi)].map((m) => m[1]).join(' ');
  const text = withoutCode.replace(/<[^>]*>/g, ' ');
  return decodeHTML(`${text} ${attrs}`);
}

/** Sorted, de-duplicated characters of the given strings (whitespace other than space and NBSP dropped). */
export function charsOf(...texts: string[]): string {
  const set = new Set<string>();
  for (const text of texts) for (const ch of text) if (!/[\t\n\r\f\v]/.test(ch)) set.add(ch);
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
