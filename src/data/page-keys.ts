/**
 * Incremental-build keys for every dynamic route (see src/lib/incremental/keys.ts).
 * Each key hashes:
 * - the site: the site config, and the build clock's year (the footer shows it);
 *   which articles the clock lets through is covered by the lists below;
 * - each article shown, by its source digest (frontmatter and body) and its
 *   authors' digests, plus its published/scheduled state: everything an
 *   article page, an article card or a feed item draws comes from these;
 * - for an article page, every card after the body: related picks, more in
 *   the section, previous and next in the section;
 * - for a listing, its page number, page count and the articles on it.
 * The code of pages and components is covered by Astro's own module-graph hash.
 */
import { entryDigest, keyOf } from '../lib/incremental/keys.ts';
import type { PageOf } from '../lib/content/pagination.ts';
import site from '../site.config.ts';
import { now, type ArticleView, type AuthorView } from './articles.ts';
import type { ArticleEnd } from './related.ts';
import { calendarDay } from '../lib/content/dates.ts';

// The footer prints the year in the site's zone.
const siteKey = keyOf(site, calendarDay(now, site.timeZone).year);
const digests = new WeakMap<ArticleView, string>();

/** Everything about one article that any page may draw: its entry, its authors' entries, its state. */
export function articleDigest(article: ArticleView): string {
  let digest = digests.get(article);
  if (!digest) {
    digest = keyOf(entryDigest(article.entry), article.authors.map((a) => entryDigest(a.entry)), article.draft, article.scheduled);
    digests.set(article, digest);
  }
  return digest;
}

/** An article page: the article, and every card after its body (related, more in section, previous and next). */
export function articlePageKey(article: ArticleView, end: ArticleEnd): string {
  const digest = (a: ArticleView | undefined) => (a ? articleDigest(a) : null);
  return keyOf('article', siteKey, articleDigest(article), end.related.map(articleDigest), end.more.map(articleDigest), digest(end.previous), digest(end.next));
}

/** A section, tag or author listing page: `subject` is what the header shows (category, tag and count, author). */
export function listingKey(subject: unknown, page: PageOf<ArticleView>): string {
  return keyOf('listing', siteKey, subject, page.number, page.total, page.items.map(articleDigest));
}

export function authorSubject(author: AuthorView): string {
  return entryDigest(author.entry);
}

/** A section feed: over-covers (every article the feed could select), so a change below the newest N re-renders it too. */
export function feedKey(subject: unknown, articles: readonly ArticleView[]): string {
  return keyOf('feed', siteKey, subject, articles.map(articleDigest));
}
