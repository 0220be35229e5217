/** Dates shown to readers, formatted in UTC so every build prints the same text. */

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

/** `style` is the site's dateFormat: "long" → March 10, 2026; "medium" → Mar 10, 2026; "short" → 3/10/26. */
export function formatDate(date: Date, language = 'en', style: DateStyle = 'long'): string {
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

export function formatMonth(year: number, month: number, language = 'en'): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
