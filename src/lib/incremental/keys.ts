/**
 * Cache keys for Astro's incremental build: a page is copied from the previous
 * build when its key (and its code) is unchanged, so a key must cover ALL the
 * data the page shows. A missing input is a stale page, an extra one only
 * costs a re-render: when in doubt, a key hashes more.
 */
import { createHash } from 'node:crypto';

/** Stable JSON: Dates as ISO strings, object keys sorted, undefined dropped. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return raw.toISOString();
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** A short hash of the parts (any JSON-able values). */
export function keyOf(...parts: unknown[]): string {
  return createHash('sha256').update(stableJson(parts)).digest('base64url').slice(0, 22);
}

/** What a source entry contributes to a key: the loader's digest when it has one, else a hash of its data and body. */
export function entryDigest(entry: { id: string; digest?: string | number | undefined; data: unknown; body?: string | undefined }): string {
  return entry.digest !== undefined ? `${entry.id}:${entry.digest}` : `${entry.id}:${keyOf(entry.data, entry.body ?? '')}`;
}
