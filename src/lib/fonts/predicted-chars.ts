/**
 * The characters a site's pages can show, known before a page is rendered:
 * the theme's own source (every hard-coded label and symbol), the content
 * folder's text (titles, bodies, names, alt text), the site config, and the
 * dates and numbers the runtime formats in the site's language. It is a
 * superset of the built pages' visible text, so the fonts can be subset and
 * named by content hash before rendering: pages link the final files and no
 * page is rewritten after the build (that pass read and rewrote every page,
 * 3.4 s of a 1,000-article build even when nothing changed).
 */
import { formatDate, formatMonth, type DateStyle } from '../content/dates.ts';

const STYLES: DateStyle[] = ['full', 'long', 'medium', 'short'];

/** Every month and weekday name, in every date style, plus numbers, as the site's language writes them. */
export function calendarText(language: string, timeZone = 'UTC'): string {
  const parts: string[] = [];
  for (let month = 1; month <= 12; month++) {
    parts.push(formatMonth(2026, month, language));
    // Day 10..16 of each month covers every weekday over the year, and two-digit days.
    for (const style of STYLES) parts.push(formatDate(new Date(Date.UTC(2026, month - 1, 10 + (month % 7), 12)), language, { timeZone, style }));
  }
  parts.push(new Intl.NumberFormat(language).format(-1234567.89), new Intl.NumberFormat(language, { style: 'percent' }).format(0.5));
  return parts.join(' ');
}
