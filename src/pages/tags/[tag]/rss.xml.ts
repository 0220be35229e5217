// One RSS feed per tag that has a tag page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { feedsEnabled, planFeeds, rssResponse, sectionFeedTitle } from '../../../data/feeds.ts';
import { feedKey } from '../../../data/page-keys.ts';
import { tagCounts, withTag } from '../../../lib/content/sections.ts';
import { urls } from '../../../data/urls.ts';
import site from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  if (!feedsEnabled()) return [];
  const feeds = tagCounts(articles).map(({ tag }) => ({ tag, listed: withTag(articles, tag) }));
  await planFeeds(feeds.map((f) => f.listed));
  return feeds.map(({ tag, listed }) => ({ params: { tag }, props: { tag }, cacheKey: feedKey(tag, listed) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string }> = async ({ props: { tag } }) =>
  rssResponse(withTag(await getArticles(), tag), {
    path: urls.feed(urls.tag(tag)),
    title: sectionFeedTitle(`#${tag}`),
    description: `Articles tagged “${tag}” on ${site.name}.`,
  });
