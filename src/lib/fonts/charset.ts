/** The characters a built page can show: its text and the attributes that render as text. */
import { decodeHTML } from 'entities';

/** Visible text of an HTML document, plus alt/placeholder/value/content attributes. Scripts, styles and JSON-LD are skipped. */
export function visibleText(html: string): string {
  const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const attrs = [...withoutCode.matchAll(/\s(?:alt|placeholder|value|title)="([^"]*)"/gi)].map((m) => m[1]).join(' ');
  const text = withoutCode.replace(/<[^>]*>/g, ' ');
  return decodeHTML(`${text} ${attrs}`);
}

const CONTROL = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Sorted, de-duplicated characters of the given strings (whitespace other than space and NBSP dropped). */
export function charsOf(...texts: string[]): string {
  const seen = new Set<number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (!CONTROL.has(code)) seen.add(code);
    }
  }
  return String.fromCodePoint(...[...seen].sort((a, b) => a - b));
}
