// One RSS feed per author (every author has a page, with or without articles).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, getAuthors, type AuthorView } from '../../../data/articles.ts';
import { feedsEnabled, planFeeds, rssResponse, sectionFeedTitle } from '../../../data/feeds.ts';
import { authorSubject, feedKey } from '../../../data/page-keys.ts';
import { byAuthor } from '../../../lib/content/sections.ts';
import { urls } from '../../../data/urls.ts';
import site from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  if (!feedsEnabled()) return [];
  const feeds = (await getAuthors()).map((author) => ({ author, listed: byAuthor(articles, author.id) }));
  await planFeeds(feeds.map((f) => f.listed));
  return feeds.map(({ author, listed }) => ({ params: { id: author.id }, props: { author }, cacheKey: feedKey(authorSubject(author), listed) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: AuthorView }> = async ({ props: { author } }) =>
  rssResponse(byAuthor(await getArticles(), author.id), {
    path: urls.feed(urls.author(author.id)),
    title: sectionFeedTitle(author.name),
    description: author.bio ?? `Articles by ${author.name} on ${site.name}.`,
  });
