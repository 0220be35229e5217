// The site-wide RSS feed: every published article, newest first.
import type { APIRoute } from 'astro';
import { getArticles } from '../data/articles.ts';
import { feedsEnabled, noFeed, rssResponse } from '../data/feeds.ts';
import { urls } from '../data/urls.ts';

export const GET: APIRoute = async () =>
  feedsEnabled() ? rssResponse(await getArticles(), { path: urls.feed() }) : noFeed();
