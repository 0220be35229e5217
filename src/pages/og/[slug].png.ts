/**
 * /og/<slug>.png: the article's social card (see src/data/social-cards.ts).
 * A build plans every card here and writes none: the social-cards integration
 * copies them from the card cache once the pages are done (src/data/og/write-cards.ts).
 * `astro dev` serves each card from this route.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, type ArticleView } from '../../data/articles.ts';
import { planSocialCards, socialCard } from '../../data/social-cards.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  const keys = await planSocialCards(articles);
  if (!import.meta.env.DEV) return [];
  return articles.map((article) => ({ params: { slug: article.id }, props: { article }, cacheKey: keys.get(article.id)! }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ArticleView }> = async ({ props }) =>
  new Response(new Uint8Array(await socialCard(props.article)), { headers: { 'Content-Type': 'image/png' } });
