// One RSS feed per tag that has a tag page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { feedsEnabled, rssResponse, sectionFeedTitle } from '../../../data/feeds.ts';
import { tagCounts, withTag } from '../../../lib/content/sections.ts';
import { urls } from '../../../data/urls.ts';
import site from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  feedsEnabled() ? tagCounts(await getArticles()).map(({ tag }) => ({ params: { tag }, props: { tag } })) : []
) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string }> = async ({ props: { tag } }) =>
  rssResponse(withTag(await getArticles(), tag), {
    path: urls.feed(urls.tag(tag)),
    title: sectionFeedTitle(`#${tag}`),
    description: `Articles tagged “${tag}” on ${site.name}.`,
  });
