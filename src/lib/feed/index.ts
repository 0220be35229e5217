// Public surface of the feed library. Pure: no astro:* imports, safe in tests.
export type {
  ArticleRecord, FeedAuthor, FeedCategory, FeedImage, FeedItem, FeedSelection, FeedSite,
} from './types.ts';
export { stripXmlInvalidChars, cleanText, escapeXml, escapeHtmlText } from './xml-text.ts';
export { rssDate, rfc3339, newestDate } from './dates.ts';
// absolutizeHtml is left out on purpose: it does not sanitise (see absolutize.ts).
export { absolutizeUrl, absolutizeSrcset } from './absolutize.ts';
export { sanitizeFeedHtml, prepareFeedHtml } from './sanitize.ts';
export {
  DEFAULT_FEED_LIMIT, feedItemCache, selectFeedRecords, toFeedItem, toFeedItems,
} from './feed-items.ts';
export {
  RSS_NAMESPACES, RSS_STYLESHEET, channelLink, rssChannel, toRssItem, toRssItems,
  type RssFeedOptions,
} from './rss.ts';
export {
  JSON_FEED_VERSION, toJsonFeed,
  type JsonFeed, type JsonFeedAuthor, type JsonFeedItem, type JsonFeedOptions,
} from './json-feed.ts';
