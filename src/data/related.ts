/**
 * Related cards for every article page, computed once per build by the
 * engine in src/lib/related from the same records the CLI uses.
 */
import path from 'node:path';
import { computeAllRelatedInParallel } from '../lib/related/index.ts';
import { toRelatedRecord } from '../lib/related/records.ts';
import { sectionNeighbours } from '../lib/content/sections.ts';
import site from '../site.config.ts';
import { getArticles, now, type ArticleView } from './articles.ts';
import { cachedPicks, picksKey } from './related-cache.ts';

// Astro's cache folder, set by src/integrations/broadsheet.ts (absent in unit tests: no cache).
const CACHE_DIR: string | undefined = import.meta.env.BROADSHEET_CACHE_DIR ? path.join(import.meta.env.BROADSHEET_CACHE_DIR, 'related') : undefined;

let cached: Promise<Map<string, ArticleView[]>> | undefined;

// Vite bundles this module, so the worker file cannot be found beside the bundled code: it is
// named from the project root (as the social-card workers are). Without it (a bundled theme),
// the engine computes every article on this thread, with the same result.
const ROOT: string = import.meta.env.BROADSHEET_ROOT ?? process.cwd();
const RELATED_WORKER = path.join(ROOT, 'src/lib/related/worker.ts');

async function compute(): Promise<Map<string, ArticleView[]>> {
  const articles = await getArticles();
  const byId = new Map(articles.map((a) => [a.id, a]));
  // bodyText was extracted once when the article was loaded; reuse it.
  const records = articles.map((a) => toRelatedRecord({ id: a.id, body: a.entry.body ?? '', data: a.entry.data }, a.bodyText));
  const options = { ...site.related, now };
  const picks = await cachedPicks(CACHE_DIR, picksKey(records, options, now), () => computeAllRelatedInParallel(records, options, { workerFile: RELATED_WORKER }));
  // Every pick is a visible article (the engine only sees visible ones), so the lookup cannot miss.
  return new Map(Object.entries(picks).map(([id, list]) => [id, list.map((pick) => byId.get(pick.id)!)]));
}

/** The k related articles for one article (pins first, then ranked, then fallbacks). */
export async function getRelated(id: string): Promise<ArticleView[]> {
  return (await (cached ??= compute())).get(id) ?? [];
}

let sections: Promise<Map<string, ArticleView[]>> | undefined;

/** Each category's articles, newest first, grouped once per build (every article page asks). */
async function bySection(): Promise<Map<string, ArticleView[]>> {
  const map = new Map<string, ArticleView[]>();
  for (const a of await getArticles()) {
    const list = map.get(a.category);
    if (list) list.push(a);
    else map.set(a.category, [a]);
  }
  return map;
}

/** What an article page shows after the body: related cards, then more from its section and its neighbours there. */
export async function getArticleEnd(article: ArticleView) {
  const related = await getRelated(article.id);
  const section = (await (sections ??= bySection())).get(article.category) ?? [];
  return { related, ...sectionNeighbours(section, article, related.map((a) => a.id), 4) };
}

export type ArticleEnd = Awaited<ReturnType<typeof getArticleEnd>>;
