/** /og/<slug>.png: the article's social card (see src/data/social-cards.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, type ArticleView } from '../../data/articles.ts';
import { socialCard } from '../../data/social-cards.ts';

export const getStaticPaths = (async () => (await getArticles()).map((article) => ({ params: { slug: article.id }, props: { article } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ArticleView }> = async ({ props }) =>
  new Response(new Uint8Array(await socialCard(props.article)), { headers: { 'Content-Type': 'image/png' } });
