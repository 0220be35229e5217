import { describe, expect, it } from 'vitest';
import { excerptSegments } from '../../../src/lib/search/excerpt.ts';
import { buildFacets, facetGroups } from '../../../src/lib/search/facets.ts';
import { searchFields } from '../../../src/lib/search/fields.ts';
import { emptyFilters, isEmptySearch, pagefindOptions, parseState, serializeState, toggleFilter } from '../../../src/lib/search/url-state.ts';

describe('search URL state', () => {
  it('parses query, filters and sort, and serialises canonically', () => {
    const state = parseState('?tag=b&q=+moe+&category=models&category=chips&tag=a&tag=a&sort=newest&year=');
    expect(state).toEqual({ q: 'moe', filters: { category: ['models'], tag: ['a', 'b'], author: [], year: [] }, sort: 'newest' });
    expect(serializeState(state)).toBe('?q=moe&category=models&tag=a&tag=b&sort=newest');
    expect(parseState(serializeState(state))).toEqual(state);
  });

  it('is empty without query or filters, and relevance is the default sort', () => {
    expect(serializeState(parseState(''))).toBe('');
    expect(isEmptySearch(parseState('?sort=newest'))).toBe(true);
    expect(parseState('?sort=bogus').sort).toBe('relevance');
    expect(serializeState(parseState('?q=a b&author=x'))).toBe('?q=a+b&author=x');
  });

  it('maps to Pagefind options: filters that must all match, date sort for "newest" and for filter-only browsing', () => {
    expect(pagefindOptions(parseState('?q=moe&tag=a&tag=b'))).toEqual({ filters: { tag: ['a', 'b'] } });
    expect(pagefindOptions(parseState('?q=moe&sort=newest'))).toEqual({ filters: {}, sort: { date: 'desc' } });
    expect(pagefindOptions(parseState('?category=chips'))).toEqual({ filters: { category: ['chips'] }, sort: { date: 'desc' } });
  });

  it('toggles filters: one category or year at a time, any number of tags and authors', () => {
    const base = { q: '', filters: emptyFilters(), sort: 'relevance' as const };
    const one = toggleFilter(toggleFilter(base, 'category', 'models', true), 'category', 'chips', true);
    expect(one.filters.category).toEqual(['chips']);
    const tags = toggleFilter(toggleFilter(base, 'tag', 'b', true), 'tag', 'a', true);
    expect(tags.filters.tag).toEqual(['a', 'b']);
    expect(toggleFilter(tags, 'tag', 'a', false).filters.tag).toEqual(['b']);
  });
});

describe('search excerpts', () => {
  it('splits marked words from text and decodes the escaped text', () => {
    expect(excerptSegments('A <mark>sparse</mark> model &lt;img src=x onerror=alert(1)&gt; &amp; <mark>experts</mark>.')).toEqual([
      { text: 'A ', mark: false },
      { text: 'sparse', mark: true },
      { text: ' model <img src=x onerror=alert(1)> & ', mark: false },
      { text: 'experts', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('marks only letters and digits: punctuation at the ends of a match, or alone, stays plain', () => {
    expect(excerptSegments('Size: <mark>671B.</mark> and <mark>(MoE)</mark> <mark>…</mark> <mark>--</mark> end')).toEqual([
      { text: 'Size: ', mark: false },
      { text: '671B', mark: true },
      { text: '. and (', mark: false },
      { text: 'MoE', mark: true },
      { text: ') … -- end', mark: false },
    ]);
    expect(excerptSegments('<mark>DeepSeek-V3</mark>')).toEqual([{ text: 'DeepSeek-V3', mark: true }]);
  });

  it('keeps any other markup as literal text', () => {
    expect(excerptSegments('<b>bold</b> <MARK>x</MARK>')).toEqual([{ text: '<b>bold</b> ', mark: false }, { text: 'x', mark: true }]);
  });
});

describe('search fields and facets', () => {
  const a = searchFields({ category: 'models', tags: ['moe', 'kv-cache'], authorIds: ['ada', 'bo'], pubDate: new Date('2026-03-10T23:30:00Z') });
  const b = searchFields({ category: 'chips', tags: ['kv-cache'], authorIds: ['bo'], pubDate: new Date('2025-01-01T00:00:00Z') });

  it('derives filter values and a sortable UTC date', () => {
    expect(a).toEqual({ filters: { category: ['models'], tag: ['moe', 'kv-cache'], author: ['ada', 'bo'], year: ['2026'] }, sortDate: '2026-03-10' });
  });

  it('counts options: categories in configured order, years newest first, the rest by count', () => {
    const facets = buildFacets([a, b], { author: { ada: 'Ada', bo: 'Bo' }, tag: { moe: '#moe', 'kv-cache': '#kv-cache' } }, { category: ['chips', 'models'] });
    expect(facets.category.map((o) => [o.value, o.count])).toEqual([['chips', 1], ['models', 1]]);
    expect(facets.year.map((o) => o.value)).toEqual(['2026', '2025']);
    expect(facets.tag).toEqual([{ value: 'kv-cache', label: '#kv-cache', count: 2 }, { value: 'moe', label: '#moe', count: 1 }]);
    expect(facets.author.map((o) => `${o.label} ${o.count}`)).toEqual(['Bo 2', 'Ada 1']);
  });

  it('groups facets for the page: labels, single choices as radios, tags beyond the first few behind a disclosure', () => {
    const article = (category: string, tags: string[], authorIds: string[], date: string) => ({ category, tags, authorIds, pubDate: new Date(date) });
    const groups = facetGroups({
      articles: [
        article('models', ['moe', 'kv-cache', 'hbm'], ['ada'], '2026-03-10T23:30:00Z'),
        article('chips', ['kv-cache', 'hbm'], ['ada'], '2025-01-01T00:00:00Z'),
        article('models', ['kv-cache'], ['ada'], '2025-06-01T00:00:00Z'),
      ],
      authors: [{ id: 'ada', name: 'Ada Lovelace' }, { id: 'bo', name: 'Bo' }],
      categories: [{ slug: 'chips', name: 'Chips' }, { slug: 'policy', name: 'Policy' }, { slug: 'models', name: 'Models' }],
    }, 2);
    expect(groups.map((g) => [g.key, g.legend, g.type])).toEqual([
      ['category', 'Category', 'radio'], ['year', 'Year', 'radio'], ['tag', 'Tags', 'checkbox'], ['author', 'Authors', 'checkbox'],
    ]);
    const [category, year, tag, author] = groups;
    expect(category!.visible).toEqual([{ value: 'chips', label: 'Chips', count: 1 }, { value: 'models', label: 'Models', count: 2 }]);
    expect(category!.rest).toEqual([]);
    expect(year!.visible.map((o) => o.value)).toEqual(['2026', '2025']);
    expect(tag!.visible).toEqual([{ value: 'kv-cache', label: '#kv-cache', count: 3 }, { value: 'hbm', label: '#hbm', count: 2 }]);
    expect(tag!.rest).toEqual([{ value: 'moe', label: '#moe', count: 1 }]);
    expect(author!.visible).toEqual([{ value: 'ada', label: 'Ada Lovelace', count: 3 }]);
  });

  it('leaves out groups without options and shows every tag when there are few', () => {
    const groups = facetGroups({ articles: [{ category: 'x', tags: [], authorIds: ['a'], pubDate: new Date('2026-01-01') }], authors: [], categories: [] });
    expect(groups.map((g) => g.key)).toEqual(['category', 'year', 'author']);
    expect(groups[0]!.visible).toEqual([{ value: 'x', label: 'x', count: 1 }]);
    expect(groups[2]!.visible[0]!.label).toBe('a');
  });
});
