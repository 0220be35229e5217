/** Dates shown to readers, formatted in UTC so every build prints the same text. */

export function formatDate(date: Date, language = 'en'): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatMonth(year: number, month: number, language = 'en'): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
