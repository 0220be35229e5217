// The site-wide JSON Feed 1.1: the same items, in the same order, as /rss.xml.
import type { APIRoute } from 'astro';
import { getArticles } from '../data/articles.ts';
import { feedsEnabled, jsonFeedResponse, noFeed } from '../data/feeds.ts';
import { urls } from '../data/urls.ts';

export const GET: APIRoute = async () =>
  feedsEnabled() ? jsonFeedResponse(await getArticles(), { path: urls.jsonFeed() }) : noFeed();
