/** Splits a list into numbered pages for `/section/`, `/section/2/`, ... */

export interface PageOf<T> {
  items: T[];
  number: number;
  total: number;
  /** Route parameter: undefined for page 1 so it lives at the section root. */
  param: string | undefined;
  prev: number | undefined;
  next: number | undefined;
}

export function paginate<T>(items: readonly T[], size: number): PageOf<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, found ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
    param: i === 0 ? undefined : String(i + 1),
    prev: i > 0 ? i : undefined,
    next: i + 1 < total ? i + 2 : undefined,
  }));
}

/**
 * Page links to show around the current page: always the first and last,
 * a window of neighbours, and `null` where a run of pages is elided.
 * pageWindow(7, 12) -> [1, null, 5, 6, 7, 8, 9, null, 12]
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let n = 1; n <= total; n++) {
    const near = Math.abs(n - current) <= radius;
    if (n === 1 || n === total || near) pages.push(n);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}
