// One RSS feed per tag that has a tag page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { feedsEnabled, rssResponse, sectionFeedTitle } from '../../../data/feeds.ts';
import { feedKey } from '../../../data/page-keys.ts';
import { tagCounts, withTag } from '../../../lib/content/sections.ts';
import { urls } from '../../../data/urls.ts';
import site from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return feedsEnabled() ? tagCounts(articles).map(({ tag }) => ({ params: { tag }, props: { tag }, cacheKey: feedKey(tag, withTag(articles, tag)) })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string }> = async ({ props: { tag } }) =>
  rssResponse(withTag(await getArticles(), tag), {
    path: urls.feed(urls.tag(tag)),
    title: sectionFeedTitle(`#${tag}`),
    description: `Articles tagged “${tag}” on ${site.name}.`,
  });
