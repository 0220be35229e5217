/**
 * Filter options with counts for the search page, computed at build time from
 * the same values the index holds, so the controls render (and work as links
 * to filtered searches) before Pagefind is loaded. The live counts come from
 * Pagefind once a search runs.
 */
import { FILTER_KEYS, SINGLE_VALUE, searchFields, type FilterKey, type SearchFields, type SearchFieldsInput } from './fields.ts';

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

/** Tags beyond this many (the most used first) go behind a "N more tags" disclosure. */
export const TAGS_SHOWN = 10;

/** A fieldset of the search page's filters. */
export interface FacetGroup {
  key: FilterKey;
  legend: string;
  /** Radios (one value, plus "Any") for single-value keys, checkboxes for the rest. */
  type: 'radio' | 'checkbox';
  /** Options listed in the fieldset. */
  visible: FacetOption[];
  /** Options behind the disclosure (tags only; empty otherwise). */
  rest: FacetOption[];
}

export interface FacetSource {
  articles: SearchFieldsInput[];
  authors: { id: string; name: string }[];
  /** The configured categories, in the order the site lists them. */
  categories: { slug: string; name: string }[];
  /** The site's time zone: an article's year is its year there. */
  timeZone?: string | undefined;
}

/** Fieldsets in the order the page shows them (not FILTER_KEYS order: the single choices first). */
const GROUPS: { key: FilterKey; legend: string }[] = [
  { key: 'category', legend: 'Category' },
  { key: 'year', legend: 'Year' },
  { key: 'tag', legend: 'Tags' },
  { key: 'author', legend: 'Authors' },
];

/**
 * The search page's filter groups: labels (category and author names, "#tag"),
 * counts and order from buildFacets, tags split into the first `tagsShown` and the rest.
 * Groups without any option are left out.
 */
export function facetGroups({ articles, authors, categories, timeZone }: FacetSource, tagsShown = TAGS_SHOWN): FacetGroup[] {
  const facets = buildFacets(articles.map((article) => searchFields(article, timeZone)), {
    category: Object.fromEntries(categories.map((c) => [c.slug, c.name])),
    author: Object.fromEntries(authors.map((a) => [a.id, a.name])),
    tag: Object.fromEntries(articles.flatMap((a) => a.tags).map((t) => [t, `#${t}`])),
  }, { category: categories.map((c) => c.slug) });
  return GROUPS.filter(({ key }) => facets[key].length > 0).map(({ key, legend }) => {
    const options = facets[key];
    const split = key === 'tag' ? tagsShown : options.length;
    return { key, legend, type: SINGLE_VALUE[key] ? 'radio' : 'checkbox', visible: options.slice(0, split), rest: options.slice(split) };
  });
}
