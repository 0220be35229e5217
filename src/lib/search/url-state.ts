/**
 * The search page's state lives in its URL (/search/?q=moe&category=models&tag=a&tag=b&sort=newest)
 * so a search can be shared, bookmarked, reloaded and walked with back/forward.
 */
import { FILTER_KEYS, SINGLE_VALUE, type FilterKey } from './fields.ts';

export type Sort = 'relevance' | 'newest';

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  sort: Sort;
}

export const emptyFilters = (): Record<FilterKey, string[]> => ({ category: [], tag: [], author: [], year: [] });

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    filters[key] = SINGLE_VALUE[key] ? values.slice(0, 1) : values.sort();
  }
  return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sort') === 'newest' ? 'newest' : 'relevance' };
}

/** Canonical query string ("" for an empty search, else "?..."): equal states give equal strings. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) for (const v of [...state.filters[key]].sort()) params.append(key, v);
  if (state.sort === 'newest') params.set('sort', 'newest');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const hasFilters = (state: SearchState) => FILTER_KEYS.some((k) => state.filters[k].length > 0);
export const isEmptySearch = (state: SearchState) => !state.q.trim() && !hasFilters(state);

/** Pagefind's search options: every chosen value must match (AND), date sort when asked. */
export function pagefindOptions(state: SearchState): { filters: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) if (state.filters[key].length) filters[key] = [...state.filters[key]];
  // Without a query there is no relevance to rank by: newest first reads best.
  return state.sort === 'newest' || !state.q.trim() ? { filters, sort: { date: 'desc' } } : { filters };
}

/** Toggles a filter value: single-value keys replace, multi-value keys add/remove. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key];
  const next = on ? (SINGLE_VALUE[key] ? [value] : [...new Set([...current, value])].sort()) : current.filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [key]: next } };
}
