/** Which articles a build shows, and in what order. */

export interface Publishable {
  id: string;
  pubDate: Date;
  draft: boolean;
}

export interface VisibilityOptions {
  /** The build's clock: articles dated after it are scheduled. */
  now: Date;
  /** Development shows drafts and scheduled articles (with a badge); production never does. */
  includeUnpublished: boolean;
}

export function isScheduled(article: Publishable, now: Date): boolean {
  return article.pubDate.getTime() > now.getTime();
}

export function isVisible(article: Publishable, options: VisibilityOptions): boolean {
  if (options.includeUnpublished) return true;
  return !article.draft && !isScheduled(article, options.now);
}

/** Newest first; ties break by id so output is deterministic. */
export function byNewest<T extends { id: string; pubDate: Date }>(a: T, b: T): number {
  return b.pubDate.getTime() - a.pubDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function visibleArticles<T extends Publishable>(articles: readonly T[], options: VisibilityOptions): T[] {
  return articles.filter((article) => isVisible(article, options)).sort(byNewest);
}

/** Reads BROADSHEET_NOW (ISO date) so tests and previews can pin the clock. */
export function buildClock(env: Record<string, string | undefined> = process.env): Date {
  const pinned = env['BROADSHEET_NOW'];
  if (!pinned) return new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime())) throw new Error(`BROADSHEET_NOW must be an ISO date, found "${pinned}"`);
  return date;
}
