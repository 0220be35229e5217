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
