/**
 * The /search/ page: the form is the state (its fields are named like the URL
 * parameters), the URL is its memory (pushState on a new search, replaceState
 * while typing, popstate to go back), Pagefind does the searching.
 */
import { isEmptySearch, parseState, serializeState, hasFilters, emptyFilters, type SearchState } from '../../lib/search/url-state.ts';
import { FILTER_KEYS } from '../../lib/search/fields.ts';
import { failureMessage as messageFor, loadPagefind, runSearch, type SearchOutcome } from './engine.ts';
import { plural, resultCard } from './render.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;

export function setupSearchPage(root: HTMLElement): void {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const form = $<HTMLFormElement>('[data-search-form]');
  const input = $<HTMLInputElement>('[data-search-input]');
  const status = $<HTMLElement>('[data-search-status]');
  const list = $<HTMLOListElement>('[data-search-results]');
  const more = $<HTMLButtonElement>('[data-search-more]');
  const empty = $<HTMLElement>('[data-search-empty]');
  const failure = $<HTMLElement>('[data-search-error]');
  const failureMessage = $<HTMLElement>('[data-search-error-message]');
  const language = root.dataset['lang'] ?? 'en';
  const totalArticles = Number(root.dataset['total'] ?? 0);
  const counts = [...root.querySelectorAll<HTMLElement>('[data-count]')];
  const filters = $<HTMLDetailsElement>('[data-search-filters]');
  const filterCount = $<HTMLElement>('[data-search-filter-count]');
  // Wide screens show the filters as a side column; phones get them as a closed disclosure.
  const wide = matchMedia('(min-width: 56rem)');
  const fitFilters = () => { filters.open = wide.matches; };

  let seq = 0;
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let typing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const warmUp = () => void loadPagefind().catch(() => { /* reported when a search runs */ });
  const formState = (): SearchState => parseState(new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)])));

  function applyState(state: SearchState): void {
    input.value = state.q;
    for (const control of form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')) {
      const chosen = state.filters[control.name as keyof SearchState['filters']] ?? [];
      control.checked = control.value === '' ? chosen.length === 0 : chosen.includes(control.value);
      if (control.checked && control.value) control.closest('details')?.setAttribute('open', '');
    }
    $<HTMLSelectElement>('select[name=sort]').value = state.sort;
  }

  function showCounts(live: SearchOutcome['counts'] | undefined): void {
    for (const span of counts) {
      const { key = '', value = '', static: initial = '0' } = span.dataset;
      const n = live ? (live[key]?.[value] ?? 0) : Number(initial);
      span.textContent = String(n);
      span.closest('label')?.classList.toggle('is-empty', n === 0);
    }
  }

  /** The summary says how many filters are on, so a closed disclosure still shows that results are filtered. */
  function showFilterCount(state: SearchState): void {
    const n = FILTER_KEYS.reduce((sum, key) => sum + state.filters[key].length, 0);
    filterCount.textContent = n ? String(n) : '';
  }

  function describe(state: SearchState, total: number): string {
    const chosen = FILTER_KEYS.flatMap((key) => state.filters[key].map((v) => form.querySelector<HTMLElement>(`[name="${key}"][value="${CSS.escape(v)}"]`)?.dataset['label'] ?? v));
    const where = chosen.length ? ` in ${chosen.join(', ')}` : '';
    if (total === 0) return state.q ? `No results for “${state.q}”${where}.` : `No articles${where}.`;
    return state.q ? `${plural(total, 'result', 'results')} for “${state.q}”${where}.` : `${plural(total, 'article', 'articles')}${where}.`;
  }

  async function showMore(focusFirst: boolean): Promise<void> {
    if (!outcome) return;
    const current = outcome;
    const data = await current.load(shown, shown + PAGE_SIZE);
    if (current !== outcome) return;
    const items = data.map((d) => resultCard(d, language));
    list.append(...items);
    shown += items.length;
    more.hidden = shown >= current.total;
    if (focusFirst) items[0]?.querySelector<HTMLAnchorElement>('.result-card-title a')?.focus();
  }

  async function search(state: SearchState): Promise<void> {
    const id = ++seq;
    showFilterCount(state);
    failure.hidden = true;
    if (isEmptySearch(state)) {
      outcome = undefined;
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      showCounts(undefined);
      status.textContent = `Type to search ${plural(totalArticles, 'article', 'articles')}.`;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const found = await runSearch(state);
      if (id !== seq) return;
      outcome = found;
      shown = 0;
      list.replaceChildren();
      await showMore(false);
      if (id !== seq) return;
      showCounts(found.counts);
      empty.hidden = found.total > 0;
      empty.querySelector<HTMLElement>('[data-search-clear]')!.hidden = !hasFilters(state);
      status.textContent = describe(state, found.total);
    } catch (error) {
      if (id !== seq) return;
      outcome = undefined;
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      failureMessage.textContent = messageFor(error);
      failure.hidden = false;
      status.textContent = 'Search is unavailable.';
    } finally {
      if (id === seq) list.removeAttribute('aria-busy');
    }
  }

  /** Puts the form's state in the URL (a new entry, or replacing the current one) and searches. */
  function commit(mode: 'push' | 'replace'): void {
    clearTimeout(timer);
    const state = formState();
    const query = serializeState(state);
    if (location.search !== query) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${query}`);
    void search(state);
  }

  form.addEventListener('input', (event) => {
    if (event.target !== input) return;
    warmUp();
    clearTimeout(timer);
    // One history entry per burst of typing: the first commit pushes, the rest replace.
    timer = setTimeout(() => { commit(typing ? 'replace' : 'push'); typing = true; }, TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    typing = false;
    commit('push');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(typing ? 'replace' : 'push');
    typing = false;
  });
  input.addEventListener('focus', warmUp, { once: true });
  more.addEventListener('click', () => {
    // A failed page of results says so in the live region and keeps the button for a retry.
    showMore(true).catch((error: unknown) => {
      status.textContent = `Could not load more results: ${messageFor(error)}`;
    });
  });
  root.querySelector('[data-search-retry]')?.addEventListener('click', () => void search(formState()));
  empty.querySelector('[data-search-clear]')?.addEventListener('click', () => {
    applyState({ ...formState(), filters: emptyFilters() });
    typing = false;
    commit('push');
    input.focus();
  });
  window.addEventListener('popstate', () => {
    typing = false;
    clearTimeout(timer);
    const state = parseState(location.search);
    applyState(state);
    void search(state);
  });

  // First load: the URL decides; tidy it to the canonical form without a new entry.
  const initial = parseState(location.search);
  applyState(initial);
  const canonical = serializeState(initial);
  if (location.search !== canonical) history.replaceState(null, '', `${location.pathname}${canonical}`);
  fitFilters();
  wide.addEventListener('change', fitFilters);
  // On wide screens the column stays open (the summary is only its heading there).
  filters.addEventListener('toggle', () => { if (wide.matches && !filters.open) filters.open = true; });
  form.hidden = false;
  void search(initial);
}
