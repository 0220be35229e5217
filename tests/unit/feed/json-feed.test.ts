import { describe, expect, it } from 'vitest';
import { toFeedItems } from '../../../src/lib/feed/feed-items.ts';
import { toJsonFeed } from '../../../src/lib/feed/json-feed.ts';
import { toRssItems } from '../../../src/lib/feed/rss.ts';
import { prepareFeedHtml } from '../../../src/lib/feed/sanitize.ts';
import { NOW, allRecords, hostileArticle, mainArticle, site } from '../../fixtures/feed/records.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const records = [...allRecords, hostileArticle];
const options = { feedUrl: '/feed.json' };

describe('toJsonFeed', () => {
  const feed = toJsonFeed(toFeedItems(records, site, { now: NOW }), site, options);
  const roundTripped = JSON.parse(JSON.stringify(feed));

  it('survives JSON serialisation unchanged', () => {
    expect(roundTripped).toEqual(feed);
  });

  it('has the JSON Feed 1.1 top-level fields', () => {
    expect(roundTripped.version).toBe('https://jsonfeed.org/version/1.1');
    expect(roundTripped.title).toBe('Broadsheet');
    expect(roundTripped.home_page_url).toBe('https://broadsheet.example.com/');
    expect(roundTripped.feed_url).toBe('https://broadsheet.example.com/feed.json');
    expect(roundTripped.description).toBe(site.description);
    expect(roundTripped.icon).toBe('https://broadsheet.example.com/logo.png');
    expect(roundTripped.favicon).toBe('https://broadsheet.example.com/logo.png');
    expect(roundTripped.language).toBe('en');
    expect(roundTripped.authors).toEqual([{ name: 'Broadsheet', url: 'https://broadsheet.example.com/' }]);
  });

  it('gives every item an id, url, content_html and RFC 3339 dates', () => {
    expect(roundTripped.items.length).toBeGreaterThan(0);
    for (const item of roundTripped.items) {
      expect(typeof item.id).toBe('string');
      expect(item.id).toBe(item.url);
      expect(new URL(item.url).protocol).toBe('https:');
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC3339);
    }
  });

  it('lists the same items in the same order as the RSS feed', () => {
    const rssLinks = toRssItems(records, site, { now: NOW }).map((i) => i.link);
    expect(roundTripped.items.map((i: { id: string }) => i.id)).toEqual(rssLinks);
    expect(rssLinks).toHaveLength(4);
  });

  it('maps the main article fully', () => {
    const main = roundTripped.items[0];
    expect(main).toEqual({
      id: mainArticle.url,
      url: mainArticle.url,
      title: mainArticle.title,
      summary: mainArticle.description,
      content_html: prepareFeedHtml(mainArticle.html, mainArticle.url, site.url),
      date_published: '2026-03-09T08:30:00.000Z',
      date_modified: '2026-03-10T09:15:00.000Z',
      authors: [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }],
      tags: ['Chips & Compute', 'Nvidia', 'memory'],
      image: 'https://broadsheet.example.com/images/accelerator.jpg',
    });
  });

  it('keeps hostile text as plain text and sanitises its HTML', () => {
    const hostile = roundTripped.items.find((i: { id: string }) => i.id.endsWith('/news/hostile/'));
    expect(hostile.title).toBe('Tom & Jerry <script>alert(1)</script> ]]> 😀 مرحبا שלום');
    expect(hostile.summary).toBe('Why <video> & <script> tags matter ]]> — עברית');
    expect(hostile.content_html).not.toMatch(/<script|javascript:|\son\w+=/i);
  });

  it('adds author URLs when the site provides a resolver, and honours title', () => {
    const small = toJsonFeed(toFeedItems(records, site, { now: NOW, limit: 1 }), site, {
      ...options,
      title: 'Broadsheet: Chips',
      authorUrl: (a) => `/authors/${a.id}/`,
    });
    expect(small.title).toBe('Broadsheet: Chips');
    expect(small.items).toHaveLength(1);
    expect(small.items[0]!.authors).toEqual([
      { name: 'Ada Lovelace', url: 'https://broadsheet.example.com/authors/ada/' },
      { name: 'Grace Hopper', url: 'https://broadsheet.example.com/authors/grace/' },
    ]);
  });
});
