/** /og/<slug>.png: the article's social card (see src/data/social-cards.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, type ArticleView } from '../../data/articles.ts';
import { planSocialCards, socialCard } from '../../data/social-cards.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  const keys = await planSocialCards(articles);
  // The card's key hashes everything drawn on it, so it is also the page's incremental-build key.
  return articles.map((article) => ({ params: { slug: article.id }, props: { article }, cacheKey: keys.get(article.id)! }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ArticleView }> = async ({ props }) =>
  new Response(new Uint8Array(await socialCard(props.article)), { headers: { 'Content-Type': 'image/png' } });
