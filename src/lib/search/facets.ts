/**
 * Filter options with counts for the search page, computed at build time from
 * the same values the index holds, so the controls render (and work as links
 * to filtered searches) before Pagefind is loaded. The live counts come from
 * Pagefind once a search runs.
 */
import { FILTER_KEYS, type FilterKey, type SearchFields } from './fields.ts';

export interface FacetOption { value: string; label: string; count: number }
export type Facets = Record<FilterKey, FacetOption[]>;

export type Labels = Partial<Record<FilterKey, Record<string, string>>>;

/** Options per key: categories in configured order, years newest first, the rest by count then label. */
export function buildFacets(records: SearchFields[], labels: Labels, order: { category?: string[] } = {}): Facets {
  const facets = {} as Facets;
  for (const key of FILTER_KEYS) {
    const counts = new Map<string, number>();
    for (const r of records) for (const v of new Set(r.filters[key])) counts.set(v, (counts.get(v) ?? 0) + 1);
    const options = [...counts].map(([value, count]) => ({ value, label: labels[key]?.[value] ?? value, count }));
    if (key === 'category' && order.category) {
      const rank = (v: string) => { const i = order.category!.indexOf(v); return i === -1 ? Infinity : i; };
      options.sort((a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label));
    } else if (key === 'year') {
      options.sort((a, b) => b.value.localeCompare(a.value));
    } else {
      options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    }
    facets[key] = options;
  }
  return facets;
}
