/**
 * <lastmod> for the sitemap: each article's update (or publication) date, and
 * the home page's newest article date. Built from the pre-flight content load,
 * so the sitemap needs no second read of the content folder.
 */
import { isVisible } from '../content/publishing.ts';
import { urlScheme } from '../content/urls.ts';

interface Dated {
  id: string;
  data: { pubDate: Date; updatedDate?: Date | undefined; draft: boolean };
}

/** Keyed by link (base path included), as the sitemap's URLs have it. */
export function lastmodByPath(articles: readonly Dated[], now: Date, base = '/'): Map<string, string> {
  const urls = urlScheme(base);
  const map = new Map<string, string>();
  let newest = 0;
  for (const { id, data } of articles) {
    if (!isVisible({ id, pubDate: data.pubDate, draft: data.draft }, { now, includeUnpublished: false })) continue;
    const changed = (data.updatedDate ?? data.pubDate).getTime();
    map.set(urls.article(id), new Date(changed).toISOString());
    newest = Math.max(newest, changed);
  }
  if (newest) map.set(urls.home(), new Date(newest).toISOString());
  return map;
}
