/** Parses a built page into a DOM for queries (linkedom: small, no browser). */
import { parseHTML } from 'linkedom';
import { readOut } from './build.ts';

export function page(outDir: string, file: string): Document {
  return parseHTML(readOut(outDir, file)).document as unknown as Document;
}

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const all = (doc: Document | Element, selector: string) => [...doc.querySelectorAll(selector)];

/** Every JSON-LD block on a page, parsed. */
export function jsonLd(doc: Document): Record<string, any>[] {
  return all(doc, 'script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent ?? ''));
}
