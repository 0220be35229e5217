/** File-name slugs for new articles and authors: ASCII, short, stable for any title. */
import { isSlug, slugify } from '../content/slugs.ts';

const MAX_SLUG = 80;

/**
 * "Ünïcode: Ça marche — 100% ready?" → "unicode-ca-marche-100-ready". Accents
 * fold to ASCII; letters with no ASCII form (CJK, Cyrillic…) are dropped, since
 * URLs and file names stay ASCII; long titles are cut at a word boundary.
 * Returns '' when nothing usable is left (the caller asks for --slug).
 */
// Latin letters that Unicode does not decompose into a base letter plus accent.
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ı: 'i' };

export function fileSlug(title: string): string {
  const ascii = slugify(title.replace(/[ßæÆœŒøØđĐłŁþÞðÐı]/g, (c) => LATIN[c] ?? c)).replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG) return ascii;
  const cut = ascii.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 20 ? cut.slice(0, boundary) : ascii.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

export { isSlug };
