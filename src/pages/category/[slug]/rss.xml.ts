// One RSS feed per category (every configured category has a section page).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { feedsEnabled, planFeeds, rssResponse, sectionFeedTitle } from '../../../data/feeds.ts';
import { feedKey } from '../../../data/page-keys.ts';
import type { Category } from '../../../lib/config/schema.ts';
import { inCategory } from '../../../lib/content/sections.ts';
import { urls } from '../../../data/urls.ts';
import site from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  if (!feedsEnabled()) return [];
  const feeds = site.categories.map((category) => ({ category, listed: inCategory(articles, category.slug) }));
  await planFeeds(feeds.map((f) => f.listed));
  return feeds.map(({ category, listed }) => ({ params: { slug: category.slug }, props: { category }, cacheKey: feedKey(category, listed) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props: { category } }) =>
  rssResponse(inCategory(await getArticles(), category.slug), {
    path: urls.feed(urls.category(category.slug)),
    title: sectionFeedTitle(category.name),
    description: category.description,
  });
