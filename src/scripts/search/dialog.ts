/**
 * The search dialog, loaded on first open: a combobox (the input) that owns a
 * listbox of results, with aria-activedescendant for the arrow keys and Enter
 * to open the active result. The modal <dialog> keeps focus inside; focus
 * goes back to whatever opened it when it closes.
 */
import { urlScheme } from '../../lib/content/urls.ts';
import { parseState, serializeState, type SearchState } from '../../lib/search/url-state.ts';
import { failureMessage, loadPagefind, runSearch } from './engine.ts';
import { plural, resultOption } from './render.ts';

const urls = urlScheme(import.meta.env.BASE_URL);

const MAX_OPTIONS = 8;
const TYPING_DELAY_MS = 150;

export interface DialogController { opened(opener: Element | null): void }

export function setupDialog(dialog: HTMLDialogElement): DialogController {
  const $ = <T extends Element>(selector: string) => dialog.querySelector<T>(selector)!;
  const input = $<HTMLInputElement>('[data-search-dialog-input]');
  const listbox = $<HTMLUListElement>('[role=listbox]');
  const status = $<HTMLElement>('[data-search-dialog-status]');
  const all = $<HTMLAnchorElement>('[data-search-dialog-all]');
  const language = document.documentElement.lang || 'en';
  let opener: Element | null = null;
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stateFor = (q: string): SearchState => parseState(new URLSearchParams({ q }));
  /** The search page for a query (the page itself for an empty one). */
  const pageUrl = (state: SearchState) => `${urls.search()}${serializeState(state)}`;
  const options = () => [...listbox.querySelectorAll<HTMLElement>('[role=option]')];

  function setActive(index: number): void {
    const items = options();
    active = index >= 0 && index < items.length ? index : -1;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    const current = items[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function showOptions(nodes: HTMLElement[]): void {
    listbox.replaceChildren(...nodes);
    listbox.hidden = nodes.length === 0;
    input.setAttribute('aria-expanded', String(nodes.length > 0));
    setActive(-1);
  }

  async function search(): Promise<void> {
    const id = ++seq;
    const state = stateFor(input.value);
    const q = state.q;
    all.href = pageUrl(state);
    all.textContent = q ? `See all results for “${q}”` : 'Open the search page';
    if (!q) { showOptions([]); status.textContent = ''; return; }
    try {
      const outcome = await runSearch(state);
      const data = await outcome.load(0, MAX_OPTIONS);
      if (id !== seq) return;
      showOptions(data.map((d, i) => resultOption(d, `search-dialog-option-${i}`, language)));
      status.textContent = outcome.total ? `${plural(outcome.total, 'result', 'results')} for “${q}”. Use the arrow keys to choose, Enter to open.` : `No results for “${q}”.`;
    } catch (error) {
      if (id !== seq) return;
      showOptions([]);
      status.textContent = failureMessage(error);
    }
  }

  function go(option: HTMLElement | undefined): void {
    const url = option?.dataset['url'];
    if (url) location.assign(url);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), TYPING_DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    const count = options().length;
    // The arrows wrap around; no option is active until the reader moves to one.
    if (event.key === 'ArrowDown' && count) { event.preventDefault(); setActive(active + 1 >= count ? 0 : active + 1); }
    else if (event.key === 'ArrowUp' && count) { event.preventDefault(); setActive(active <= 0 ? count - 1 : active - 1); }
    else if (event.key === 'Home' && count && active >= 0) { event.preventDefault(); setActive(0); }
    else if (event.key === 'End' && count && active >= 0) { event.preventDefault(); setActive(count - 1); }
    else if (event.key === 'Escape') {
      // A search field's own Escape only clears it; in the dialog, Escape closes (and keeps the query).
      event.preventDefault();
      dialog.close();
    }
    else if (event.key === 'Enter') {
      // Enter opens the active result; with none chosen, the search page for this query.
      event.preventDefault();
      clearTimeout(timer);
      if (active >= 0) go(options()[active]);
      else if (input.value.trim()) location.assign(pageUrl(stateFor(input.value)));
    }
  });

  const optionAt = (event: Event) => (event.target as Element).closest<HTMLElement>('[role=option]') ?? undefined;
  listbox.addEventListener('click', (event) => {
    // Ctrl/⌘/Shift-click opens a new tab, as it would on a link.
    const url = optionAt(event)?.dataset['url'];
    if (url && (event.ctrlKey || event.metaKey || event.shiftKey)) window.open(url, '_blank', 'noopener');
    else go(optionAt(event));
  });
  listbox.addEventListener('auxclick', (event) => {
    const url = optionAt(event)?.dataset['url'];
    if (url && event.button === 1) window.open(url, '_blank', 'noopener');
  });
  listbox.addEventListener('pointermove', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    if (option) setActive(options().indexOf(option));
  });

  // A click on the backdrop (outside the panel) closes, as Escape does.
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  $<HTMLButtonElement>('[data-search-close]').addEventListener('click', () => dialog.close());

  // Tab cycles within the dialog rather than escaping to the browser's toolbar.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, a[href]')].filter((el) => !el.closest('[hidden]'));
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last?.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first?.focus(); }
  });

  dialog.addEventListener('close', () => {
    clearTimeout(timer);
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
  });

  return {
    opened(from) {
      opener = from;
      // Focus and selection happened on open (SearchDialog.astro): text typed since then stays.
      if (document.activeElement !== input) input.focus();
      void loadPagefind().catch(() => { /* shown when a search runs */ });
      if (input.value.trim()) void search();
    },
  };
}
