/**
 * DOM for search results, built with text nodes only: titles, metadata and
 * excerpts come from article text (which may be hostile) and are never parsed as HTML.
 */
import { formatDate, type DateStyle } from '../../lib/content/dates.ts';
import { excerptSegments } from '../../lib/search/excerpt.ts';
import type { ResultData } from './engine.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** The excerpt as text with <mark> around the matched words. */
export function excerptFragment(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const s of excerptSegments(excerpt)) fragment.append(s.mark ? el('mark', {}, s.text) : s.text);
  return fragment;
}

/** The `date` meta (YYYY-MM-DD…) as the article pages print it; "" when missing or unreadable. */
function metaDate(iso: string | undefined, language: string): string {
  // The meta is already the calendar day in the site's zone: read and print it as UTC.
  const date = new Date(`${(iso ?? '').slice(0, 10)}T00:00:00Z`);
  const style = (document.documentElement.dataset['dateFormat'] ?? 'long') as DateStyle;
  return Number.isNaN(date.getTime()) ? '' : formatDate(date, language, { style });
}

const titleOf = (data: ResultData) => data.meta['title'] || data.url;

/**
 * A result card for the search page, in the shared .result-card markup
 * (src/styles/cards.css): category, title, excerpt, date and author, thumbnail.
 */
export function resultCard(data: ResultData, language: string): HTMLLIElement {
  const date = data.meta['date'];
  const meta = [
    ...(date ? [el('time', { datetime: date.slice(0, 10) }, metaDate(date, language))] : []),
    ...(date && data.meta['author'] ? [' · '] : []),
    ...(data.meta['author'] ? [data.meta['author']] : []),
  ];
  const card = el('li', { class: 'result-card' }, el('div', { class: 'result-card-text' },
    ...(data.meta['category'] ? [el('p', { class: 'kicker' }, data.meta['category'])] : []),
    el('h2', { class: 'result-card-title' }, el('a', { href: data.url }, titleOf(data))),
    el('p', { class: 'result-card-excerpt' }, excerptFragment(data.excerpt)),
    ...(meta.length ? [el('p', { class: 'result-card-meta meta' }, ...meta)] : []),
  ));
  if (data.meta['image']) {
    card.append(el('img', { class: 'result-card-media', src: data.meta['image'], alt: '', width: '320', height: '240', loading: 'lazy', decoding: 'async' }));
  }
  return card;
}

/** A listbox option for the dialog: title, then category and date, then the excerpt. */
export function resultOption(data: ResultData, id: string, language: string): HTMLLIElement {
  const details = [data.meta['category'], metaDate(data.meta['date'], language)].filter(Boolean).join(' · ');
  return el('li', { id, role: 'option', 'aria-selected': 'false', 'data-url': data.url },
    el('span', { class: 'option-title' }, titleOf(data)),
    ...(details ? [el('span', { class: 'option-meta' }, details)] : []),
    el('span', { class: 'option-excerpt' }, excerptFragment(data.excerpt)));
}

/** "1 result" / "12 results". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
