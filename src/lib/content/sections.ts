/** Pure selections behind the home page, section pages, tags and archive. */
import { calendarDay } from './dates.ts';

interface Listed {
  id: string;
  pubDate: Date;
  featured: boolean;
  category: string;
  tags: readonly string[];
  authorIds: readonly string[];
}

export interface HomeLayout<T> {
  lead: T | undefined;
  latest: T[];
  byCategory: { slug: string; items: T[] }[];
}

/**
 * Lead: newest featured, else newest. Latest: the next N, without the lead.
 * Category rows prefer stories not already shown above, so the front page
 * does not repeat itself; a thin category is topped up with its newest.
 */
export function homeLayout<T extends Listed>(newestFirst: readonly T[], categories: readonly string[], sizes: { latest: number; perCategory: number }): HomeLayout<T> {
  const lead = newestFirst.find((a) => a.featured) ?? newestFirst[0];
  const rest = newestFirst.filter((a) => a !== lead);
  const latest = rest.slice(0, sizes.latest);
  const shown = new Set<T>([...(lead ? [lead] : []), ...latest]);
  const rowFor = (slug: string) => {
    const inSection = newestFirst.filter((a) => a.category === slug);
    const fresh = inSection.filter((a) => !shown.has(a));
    const picked = [...fresh, ...inSection.filter((a) => shown.has(a))].slice(0, sizes.perCategory);
    return picked.sort((a, b) => newestFirst.indexOf(a) - newestFirst.indexOf(b));
  };
  return {
    lead,
    latest,
    byCategory: categories.map((slug) => ({ slug, items: rowFor(slug) })).filter((section) => section.items.length > 0),
  };
}

export const inCategory = <T extends Listed>(list: readonly T[], slug: string) => list.filter((a) => a.category === slug);
export const withTag = <T extends Listed>(list: readonly T[], tag: string) => list.filter((a) => a.tags.includes(tag));
export const byAuthor = <T extends Listed>(list: readonly T[], id: string) => list.filter((a) => a.authorIds.includes(id));

/** Every tag with its article count, most used first, then alphabetical. */
export function tagCounts(list: readonly Listed[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of list) for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export interface ArchiveYear<T> {
  year: number;
  months: { month: number; key: string; items: T[] }[];
}

/** Groups newest-first articles by year and month in the site's zone (never the build machine's). */
export function archiveGroups<T extends Listed>(newestFirst: readonly T[], timeZone?: string): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const article of newestFirst) {
    const { year, month } = calendarDay(article.pubDate, timeZone);
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { month, key: `${year}-${String(month).padStart(2, '0')}`, items: [] }));
    m.items.push(article);
  }
  return years;
}
