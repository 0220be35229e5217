/**
 * Related cards for an article page. The ranking engine lives in
 * src/lib/related; this adapter feeds it plain records once per build.
 */
import { getArticles, type ArticleView } from './articles.ts';

let cached: Promise<Map<string, ArticleView[]>> | undefined;

async function compute(): Promise<Map<string, ArticleView[]>> {
  const articles = await getArticles();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const picks = new Map<string, ArticleView[]>();
  for (const article of articles) {
    const pinned = article.pinned.map((id) => byId.get(id)).filter((a): a is ArticleView => !!a);
    const sameCategory = articles.filter((a) => a.category === article.category);
    const fill = [...pinned, ...sameCategory, ...articles].filter((a, i, all) => a.id !== article.id && all.indexOf(a) === i);
    picks.set(article.id, fill.slice(0, 3));
  }
  return picks;
}

export async function getRelated(id: string): Promise<ArticleView[]> {
  return (await (cached ??= compute())).get(id) ?? [];
}
