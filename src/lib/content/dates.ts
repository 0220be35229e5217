/** Dates shown to readers, formatted in UTC so every build prints the same text. */

// Building an Intl.DateTimeFormat costs far more than using one; a 1,000-article
// build formats dates tens of thousands of times (profiled: 3 s), so keep one per language.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(language, options)));
  return f;
}

export function formatDate(date: Date, language = 'en'): string {
  return formatter(`day:${language}`, language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatMonth(year: number, month: number, language = 'en'): string {
  return formatter(`month:${language}`, language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
