// One RSS feed per category (every configured category has a section page).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { feedsEnabled, rssResponse, sectionFeedTitle } from '../../../data/feeds.ts';
import { feedKey } from '../../../data/page-keys.ts';
import type { Category } from '../../../lib/config/schema.ts';
import { inCategory } from '../../../lib/content/sections.ts';
import { urls } from '../../../data/urls.ts';
import site from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return feedsEnabled() ? site.categories.map((category) => ({ params: { slug: category.slug }, props: { category }, cacheKey: feedKey(category, inCategory(articles, category.slug)) })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props: { category } }) =>
  rssResponse(inCategory(await getArticles(), category.slug), {
    path: urls.feed(urls.category(category.slug)),
    title: sectionFeedTitle(category.name),
    description: category.description,
  });
