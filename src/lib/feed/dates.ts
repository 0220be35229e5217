// Date formats the two feed formats require.

/** RFC 822 / RFC 1123 date as RSS 2.0 wants it, always in GMT. */
export function rssDate(date: Date): string {
  // toUTCString() is specified (ECMA-262) to produce exactly
  // "Www, DD Mmm YYYY HH:MM:SS GMT", which is a valid RFC 822 date-time.
  return date.toUTCString();
}

/** RFC 3339 date-time as JSON Feed wants it (UTC, millisecond precision). */
export function rfc3339(date: Date): string {
  return date.toISOString();
}

export function isValidDate(date: unknown): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** The newest of the given dates, or undefined for an empty list. */
export function newestDate(dates: Array<Date | undefined>): Date | undefined {
  let newest: Date | undefined;
  for (const date of dates) {
    if (isValidDate(date) && (!newest || date.getTime() > newest.getTime())) newest = date;
  }
  return newest;
}
