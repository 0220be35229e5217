import { describe, expect, it } from 'vitest';
import {
  archiveGroups, authorLinks, buildClock, byNewest, closest, countWords, formatDate, homeLayout, sectionFront, sectionNeighbours, isScheduled, isVisible,
  normaliseTags, pageWindow, paginate, readingMinutes, slugFromEntryPath, slugify, tagCounts, urlScheme, absoluteUrl, visibleArticles,
} from '../../../src/lib/content/index.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const art = (id: string, date: string, extra: Partial<{ draft: boolean; featured: boolean; category: string; tags: string[]; authorIds: string[] }> = {}) => ({
  id, pubDate: day(date), draft: false, featured: false, category: 'models', tags: [] as string[], authorIds: ['a'], ...extra,
});

describe('slugs', () => {
  it('slugifies tags to lower-case ASCII with hyphens', () => {
    expect(slugify('Open Weights')).toBe('open-weights');
    expect(slugify('  KV Cache! ')).toBe('kv-cache');
    expect(slugify('Café Déjà-vu')).toBe('cafe-deja-vu');
    expect(slugify('R&D')).toBe('r-and-d');
    expect(slugify('C++')).toBe('c-plus-plus');
    expect(slugify('C#')).toBe('c-sharp');
  });
  it('normalises and de-duplicates tags keeping first-seen order', () => {
    expect(normaliseTags(['MoE', ' moe', 'KV Cache', 'kv-cache', '', '!!'])).toEqual(['moe', 'kv-cache']);
  });
  it('takes the slug from the file name or the folder of index files', () => {
    expect(slugFromEntryPath('deepseek-v4.mdx')).toBe('deepseek-v4');
    expect(slugFromEntryPath('deepseek-v4/index.mdx')).toBe('deepseek-v4');
    expect(slugFromEntryPath('notes.md')).toBe('notes');
    expect(slugFromEntryPath('index.md')).toBe('index');
  });
  it('suggests only plausible typos', () => {
    expect(closest('modles', ['models', 'chips'])).toBe('models');
    expect(closest('zzzz', ['models', 'chips'])).toBeUndefined();
  });
});

describe('reading time', () => {
  it('counts words and rounds to whole minutes, at least one', () => {
    expect(countWords("It's a state-of-the-art model, v4 — really.")).toBe(6);
    expect(readingMinutes('word '.repeat(10))).toBe(1);
    expect(readingMinutes('word '.repeat(230 * 5))).toBe(5);
    expect(readingMinutes('word '.repeat(230 * 5 + 200))).toBe(6);
  });
});

describe('drafts, scheduling and order', () => {
  const now = day('2026-06-01');
  const list = [art('b', '2026-05-01'), art('draft', '2026-05-20', { draft: true }), art('future', '2026-07-01'), art('a', '2026-05-01'), art('c', '2026-05-10')];
  it('hides drafts and future-dated articles in production', () => {
    expect(visibleArticles(list, { now, includeUnpublished: false }).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
  it('shows them in development', () => {
    expect(visibleArticles(list, { now, includeUnpublished: true }).map((a) => a.id)).toEqual(['future', 'draft', 'c', 'a', 'b']);
  });
  it('publishes a scheduled article once the clock passes its date', () => {
    expect(isScheduled(art('x', '2026-07-01'), now)).toBe(true);
    expect(isVisible(art('x', '2026-07-01'), { now: day('2026-07-01'), includeUnpublished: false })).toBe(true);
  });
  it('breaks date ties by id', () => {
    expect([art('b', '2026-01-01'), art('a', '2026-01-01')].sort(byNewest).map((a) => a.id)).toEqual(['a', 'b']);
  });
  it('reads a pinned clock from BROADSHEET_NOW and rejects a bad one', () => {
    expect(buildClock({ BROADSHEET_NOW: '2026-01-02T03:04:05Z' }).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(() => buildClock({ BROADSHEET_NOW: 'soon' })).toThrow('BROADSHEET_NOW must be an ISO date, found "soon"');
  });
});

describe('URLs and pagination', () => {
  it('follows the URL scheme', () => {
    const urls = urlScheme('/');
    expect(urls.article('deepseek-v4')).toBe('/articles/deepseek-v4/');
    expect(urls.category('models')).toBe('/category/models/');
    expect(urls.category('models', 1)).toBe('/category/models/');
    expect(urls.category('models', 3)).toBe('/category/models/3/');
    expect(urls.tag('moe', 2)).toBe('/tags/moe/2/');
    expect(urls.author('maya-chen')).toBe('/authors/maya-chen/');
    expect(urls.feed(urls.category('models'))).toBe('/category/models/rss.xml');
    expect(absoluteUrl('https://example.com', '/articles/x/')).toBe('https://example.com/articles/x/');
    expect(absoluteUrl('https://example.com/news', 'articles/x/')).toBe('https://example.com/news/articles/x/');
  });
  it('shows first, last and neighbouring page numbers with gaps', () => {
    expect(pageWindow(7, 12)).toEqual([1, null, 5, 6, 7, 8, 9, null, 12]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(2, 9)).toEqual([1, 2, 3, 4, null, 9]);
  });
  it('paginates with page 1 at the root', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => [p.param, p.items, p.prev, p.next])).toEqual([
      [undefined, [1, 2], undefined, 2],
      ['2', [3, 4], 1, 3],
      ['3', [5], 2, undefined],
    ]);
    expect(paginate([], 10)).toHaveLength(1);
    expect(() => paginate([1], 0)).toThrow('page size must be a positive integer, found 0');
  });
});

describe('author links', () => {
  it('lists set links in a fixed order with labels, email as mailto', () => {
    expect(authorLinks({ email: 'a@example.com', x: 'https://x.com/a', github: undefined, website: 'https://a.example' })).toEqual([
      { key: 'website', label: 'Website', href: 'https://a.example' },
      { key: 'x', label: 'X', href: 'https://x.com/a' },
      { key: 'email', label: 'Email', href: 'mailto:a@example.com' },
    ]);
  });
});

describe('sections', () => {
  const list = [art('new', '2026-05-03', { category: 'chips', tags: ['hbm'] }), art('feat', '2026-05-02', { featured: true, tags: ['moe', 'hbm'] }), art('old', '2026-04-01', { category: 'policy', tags: ['moe'] })];
  it('leads with the newest featured article and lists the rest', () => {
    const home = homeLayout(list, ['models', 'chips', 'business'], { latest: 5, perCategory: 2 });
    expect(home.lead?.id).toBe('feat');
    expect(home.latest.map((a) => a.id)).toEqual(['new', 'old']);
    // Every story is already above: no category row repeats one.
    expect(home.byCategory).toEqual([]);
  });
  it('never repeats a story: category rows list only stories not already on the page', () => {
    const list = [art('m1', '2026-05-05'), art('m2', '2026-05-04'), art('m3', '2026-05-03'), art('m4', '2026-05-02'), art('c1', '2026-05-01', { category: 'chips' })];
    const home = homeLayout(list, ['models', 'chips'], { latest: 2, perCategory: 2 });
    expect([home.lead?.id, ...home.latest.map((a) => a.id)]).toEqual(['m1', 'm2', 'm3']);
    expect(home.byCategory.map((s) => [s.slug, s.items.map((a) => a.id)])).toEqual([['models', ['m4']], ['chips', ['c1']]]);
    const ids = [home.lead!.id, ...home.latest.map((a) => a.id), ...home.byCategory.flatMap((s) => s.items.map((a) => a.id))];
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('leaves out a category whose stories are all shown above', () => {
    const home = homeLayout([art('m1', '2026-05-05'), art('c1', '2026-05-04', { category: 'chips' })], ['models', 'chips'], { latest: 5, perCategory: 2 });
    expect(home.byCategory).toEqual([]);
  });
  it('splits a section front into lead, secondary row and the rest', () => {
    const list = ['a', 'b', 'c', 'd', 'e'].map((id, i) => art(id, `2026-05-0${9 - i}`));
    const front = sectionFront(list, 3);
    expect([front.lead?.id, front.secondary.map((a) => a.id), front.rest.map((a) => a.id)]).toEqual(['a', ['b', 'c', 'd'], ['e']]);
    expect(sectionFront([]).lead).toBeUndefined();
  });
  it('finds more in the section (without itself and the related picks) and its older and newer neighbours', () => {
    const list = [art('m1', '2026-05-06'), art('c1', '2026-05-05', { category: 'chips' }), art('m2', '2026-05-04'), art('m3', '2026-05-03'), art('m4', '2026-05-02'), art('m5', '2026-05-01')];
    const end = sectionNeighbours(list, list[2]!, ['m4'], 4);
    expect(end.more.map((a) => a.id)).toEqual(['m1', 'm3', 'm5']);
    expect([end.previous?.id, end.next?.id]).toEqual(['m3', 'm1']);
    const newest = sectionNeighbours(list, list[0]!, [], 2);
    expect([newest.previous?.id, newest.next?.id, newest.more.map((a) => a.id)]).toEqual(['m2', undefined, ['m2', 'm3']]);
  });
  it('falls back to the newest article as lead', () => {
    expect(homeLayout([art('x', '2026-01-02'), art('y', '2026-01-01')], ['models'], { latest: 1, perCategory: 1 }).lead?.id).toBe('x');
  });
  it('counts tags, most used first', () => {
    expect(tagCounts(list)).toEqual([{ tag: 'hbm', count: 2 }, { tag: 'moe', count: 2 }]);
  });
  it('groups the archive by year and month', () => {
    const years = archiveGroups([art('a', '2026-05-03'), art('b', '2026-05-01'), art('c', '2026-04-30'), art('d', '2025-12-31')]);
    expect(years.map((y) => [y.year, y.months.map((m) => [m.key, m.items.map((a) => a.id)])])).toEqual([
      [2026, [['2026-05', ['a', 'b']], ['2026-04', ['c']]]],
      [2025, [['2025-12', ['d']]]],
    ]);
  });
  it('formats dates in UTC', () => {
    expect(formatDate(new Date('2026-04-24T23:30:00-05:00'))).toBe('April 25, 2026');
  });
});
