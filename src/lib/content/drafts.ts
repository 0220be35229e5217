/** What is not published yet, for the dev-only /drafts/ page. */
import { byNewest } from './publishing.ts';

interface Unpublished { id: string; pubDate: Date; draft: boolean; scheduled: boolean }

/** Drafts (newest first) and scheduled articles (soonest first); published ones are left out. */
export function draftQueue<T extends Unpublished>(articles: readonly T[]): { drafts: T[]; scheduled: T[] } {
  const drafts = articles.filter((a) => a.draft).sort(byNewest);
  const scheduled = articles.filter((a) => !a.draft && a.scheduled).sort((a, b) => a.pubDate.getTime() - b.pubDate.getTime() || a.id.localeCompare(b.id));
  return { drafts, scheduled };
}
