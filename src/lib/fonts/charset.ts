/** The characters a built page can show: its text and the attributes that render as text. */
import { decodeHTML } from 'entities';

/** Visible text of an HTML document, plus alt/placeholder/value/content attributes. Scripts, styles and JSON-LD are skipped. */
export function visibleText(html: string): string {
  const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const attrs = [...withoutCode.matchAll(/\s(?:alt|placeholder|value|title)="([^"]*)"/gi)].map((m) => m[1]).join(' ');
  const text = withoutCode.replace(/<[^>]*>/g, ' ');
  return decodeHTML(`${text} ${attrs}`);
}

/**
 * Collects the characters of many texts one at a time, so a build can read its
 * pages one by one instead of holding every page's HTML at once (10,000 pages
 * of HTML is over a gigabyte of strings).
 */
export class CharCollector {
  private readonly set = new Set<string>();

  /** Adds the text's characters (whitespace other than space and NBSP dropped). */
  add(text: string): this {
    for (const ch of text) if (!/[\t\n\r\f\v]/.test(ch)) this.set.add(ch);
    return this;
  }

  /** Sorted by code point, de-duplicated. */
  toString(): string {
    return [...this.set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
  }
}

/** Sorted, de-duplicated characters of the given strings (whitespace other than space and NBSP dropped). */
export function charsOf(...texts: string[]): string {
  const chars = new CharCollector();
  for (const text of texts) chars.add(text);
  return chars.toString();
}
