/**
 * Loads Pagefind on first use (a dynamic import of the bundle Pagefind wrote
 * to /pagefind/ at build time) and runs searches from a SearchState. Nothing
 * here runs until a reader starts a search.
 */
import { FILTER_KEYS, SINGLE_VALUE } from '../../lib/search/fields.ts';
import { urlScheme } from '../../lib/content/urls.ts';
import { pagefindOptions, type SearchState } from '../../lib/search/url-state.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface RawResult { id: string; data(): Promise<ResultData> }
type Counts = Record<string, Record<string, number>>;
interface PagefindResponse { results: RawResult[]; filters: Counts; totalFilters: Counts; unfilteredResultCount: number }
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: object): Promise<PagefindResponse>;
  filters(): Promise<Counts>;
  preload(term: string, options?: object): Promise<void>;
}

export interface SearchOutcome {
  total: number;
  /** Per filter key and value: the number of results if that value were chosen too. */
  counts: Counts;
  /** Loads result data (title, URL, excerpt, meta) for a slice, in rank order. */
  load(from: number, to: number): Promise<ResultData[]>;
}

/** Raised when the index cannot be used; the message is written for readers. */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
}

const SEARCH_FAILED = 'Search failed. Try again in a moment.';

/**
 * What to tell readers when a search throws: SearchUnavailable carries its own
 * message; anything else (loading a result's data, which runs outside
 * runSearch) gets the generic one.
 */
export const failureMessage = (error: unknown): string => (error instanceof SearchUnavailable ? error.message : SEARCH_FAILED);

// Under a base path (/blog/) the bundle and every result URL live under it.
const BASE = import.meta.env.BASE_URL;
const BUNDLE = `${urlScheme(BASE).pagefind()}pagefind.js`;
let loading: Promise<PagefindModule> | undefined;

export function loadPagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    try {
      const pagefind = (await import(/* @vite-ignore */ BUNDLE)) as PagefindModule;
      await pagefind.options({ baseUrl: urlScheme(BASE).base, excerptLength: 26, highlightParam: null });
      await pagefind.init();
      // Search responses only count filter values whose chunks are loaded: load them all once.
      await pagefind.filters();
      return pagefind;
    } catch (error) {
      loading = undefined; // a later attempt may succeed (e.g. the network came back)
      console.error(error);
      throw new SearchUnavailable(
        import.meta.env.DEV
          ? 'Search works on a built site: the index is made by "npm run build". Run "npm run build && npm run preview" to try it.'
          : 'The search index could not be loaded. Check your connection and try again.',
      );
    }
  })();
  return loading;
}

export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const term = state.q.trim() || null;
  try {
    // Single-choice groups (category, year) count each option as if it replaced the
    // current choice: the same search without that group's filter. All searches run at once.
    const replaceable = FILTER_KEYS.filter((key) => SINGLE_VALUE[key] && state.filters[key].length > 0);
    const [response, ...withouts] = await Promise.all([
      pagefind.search(term, pagefindOptions(state)),
      ...replaceable.map((key) => pagefind.search(term, pagefindOptions({ ...state, filters: { ...state.filters, [key]: [] } }))),
    ]);
    const counts: Counts = { ...response!.filters };
    replaceable.forEach((key, i) => { counts[key] = withouts[i]!.filters[key] ?? {}; });
    const results = response!.results;
    return { total: results.length, counts, load: (from, to) => Promise.all(results.slice(from, to).map((r) => r.data())) };
  } catch (error) {
    console.error(error);
    throw new SearchUnavailable(SEARCH_FAILED);
  }
}
