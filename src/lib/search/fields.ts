/**
 * What the search index knows about an article, as plain values: the article
 * page writes them into data-pagefind-meta/-filter/-sort elements, the search
 * page uses the same keys for its URL and filter controls.
 */
import { calendarDay } from '../content/dates.ts';

/** Filter keys, in the order the search page shows them; also the URL parameter names. */
export const FILTER_KEYS = ['category', 'tag', 'author', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Category and year hold one value per article (single choice); tags and authors many (all must match). */
export const SINGLE_VALUE: Record<FilterKey, boolean> = { category: true, tag: false, author: false, year: true };

/** Relevance weights (Pagefind's scale is 0-10; its headings default to h2 6, h3 5, body 1). */
export const WEIGHTS = { title: 10, dek: 8, highlights: 8 } as const;

export interface SearchFieldsInput {
  category: string;
  tags: string[];
  authorIds: string[];
  pubDate: Date;
}

export interface SearchFields {
  filters: Record<FilterKey, string[]>;
  /** Sortable key: the publication day in the site's zone, YYYY-MM-DD. */
  sortDate: string;
}

export function searchFields(article: SearchFieldsInput, timeZone?: string): SearchFields {
  const day = calendarDay(article.pubDate, timeZone);
  return {
    filters: {
      category: [article.category],
      tag: [...article.tags],
      author: [...article.authorIds],
      year: [String(day.year)],
    },
    sortDate: day.iso,
  };
}
