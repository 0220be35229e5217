import { getRssString } from '@astrojs/rss';
import { describe, expect, it, vi } from 'vitest';
import { feedItemCache, selectFeedRecords, toFeedItem, toFeedItems } from '../../../src/lib/feed/feed-items.ts';
import { toJsonFeed } from '../../../src/lib/feed/json-feed.ts';
import { rssChannel } from '../../../src/lib/feed/rss.ts';
import type { ArticleRecord } from '../../../src/lib/feed/types.ts';
import { NOW, allRecords, mainArticle, olderArticle, site } from '../../fixtures/feed/records.ts';

describe('selectFeedRecords', () => {
  it('excludes drafts and future posts but keeps one published exactly now', () => {
    const atNow = { ...olderArticle, slug: 'at-now', pubDate: new Date(NOW) };
    const slugs = selectFeedRecords([...allRecords, atNow], { now: NOW }).map((r) => r.slug);
    expect(slugs).toEqual(['at-now', 'accelerator', 'older', 'oldest']);
  });

  it('orders ties by slug whatever the input order', () => {
    const a = { ...olderArticle, slug: 'a' };
    const b = { ...olderArticle, slug: 'b' };
    expect(selectFeedRecords([b, a], { now: NOW }).map((r) => r.slug)).toEqual(['a', 'b']);
    expect(selectFeedRecords([a, b], { now: NOW }).map((r) => r.slug)).toEqual(['a', 'b']);
  });

  it('drops records with an invalid pubDate instead of failing the feed', () => {
    const broken = { ...olderArticle, slug: 'broken', pubDate: new Date('not a date') };
    expect(selectFeedRecords([broken, olderArticle], { now: NOW }).map((r) => r.slug)).toEqual(['older']);
  });

  it('rejects an invalid clock', () => {
    expect(() => selectFeedRecords(allRecords, { now: new Date('nope') })).toThrow(TypeError);
  });

  it('does not mutate the input array', () => {
    const input = [...allRecords];
    selectFeedRecords(input, { now: NOW });
    expect(input).toEqual(allRecords);
  });
});

describe('rssChannel and toJsonFeed', () => {
  it('list the items they are given, in the given order, without selecting again', () => {
    // Oldest first and one dated after NOW: a second selection would reorder or drop.
    const future = { ...olderArticle, slug: 'future', url: 'https://broadsheet.example.com/news/future/', pubDate: new Date('2099-01-01T00:00:00Z') };
    const items = [olderArticle, mainArticle, future].map((r) => toFeedItem(r, site));
    const given = items.map((i) => i.url);
    expect(rssChannel(site, { items, feedUrl: '/rss.xml' }).items.map((i) => i.link)).toEqual(given);
    expect(toJsonFeed(items, site, { feedUrl: '/feed.json' }).items.map((i) => i.url)).toEqual(given);
  });
});

describe('rssChannel', () => {
  const items = toFeedItems(allRecords, site, { now: NOW });

  it('leaves out <image> for an SVG logo (RSS allows GIF, JPEG, PNG only)', async () => {
    const xml = await getRssString(rssChannel({ ...site, logoUrl: '/logo.svg' }, { items, feedUrl: '/rss.xml' }));
    expect(xml).not.toContain('<image>');
    expect(xml).toContain('<atom:link href="https://broadsheet.example.com/rss.xml" rel="self"');
  });

  it('can drop the stylesheet and override title and description', async () => {
    const options = rssChannel(site, {
      items, feedUrl: '/chips/rss.xml', stylesheet: false,
      title: 'Broadsheet: Chips & Compute', description: 'Only chips.',
    });
    expect(options.stylesheet).toBeUndefined();
    const xml = await getRssString(options);
    expect(xml).not.toContain('xml-stylesheet');
    expect(xml).toContain('<title>Broadsheet: Chips &amp; Compute</title>');
    expect(xml).toContain('<description>Only chips.</description>');
  });
});

describe('feedItemCache', () => {
  const source = (id: string) => ({ id });
  const recordFor = (id: string): ArticleRecord => ({
    ...mainArticle, slug: id, url: `https://broadsheet.example.com/news/${id}/`, html: `<p>Body of ${id}</p><a href="./x">x</a>`,
  });

  it('loads and prepares each article once, however many feeds ask for it', async () => {
    const load = vi.fn(async ({ id }: { id: string }) => recordFor(id));
    const item = feedItemCache(site, load);
    const [a1, b, a2] = await Promise.all([item(source('a')), item(source('b')), item(source('a'))]);
    const a3 = await item(source('a'));
    expect(load).toHaveBeenCalledTimes(2);
    expect(a2).toBe(a1);
    expect(a3).toBe(a1);
    expect(b).not.toBe(a1);
    expect(a1).toEqual(toFeedItem(recordFor('a'), site));
    expect(a1.contentHtml).toContain('href="https://broadsheet.example.com/news/a/x"');
  });

  it('forgets a failed load so a later call tries again', async () => {
    const load = vi.fn()
      .mockRejectedValueOnce(new Error('render failed'))
      .mockImplementation(async ({ id }: { id: string }) => recordFor(id));
    const item = feedItemCache(site, load);
    await expect(item(source('a'))).rejects.toThrow('render failed');
    await expect(item(source('a'))).resolves.toEqual(toFeedItem(recordFor('a'), site));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('drops an announced item after the last feed listing it, and loads it again if asked later', async () => {
    const load = vi.fn(async ({ id }: { id: string }) => recordFor(id));
    const item = feedItemCache(site, load);
    item.expect(['a', 'b']);
    item.expect(['a']);
    const first = await item(source('a'));
    await item(source('b'));
    item.done(['a', 'b']);
    // 'a' is still announced by a second feed: kept; 'b' had one feed: dropped.
    expect(await item(source('a'))).toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
    item.done(['a']);
    await item(source('a'));
    await item(source('b'));
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('keeps items nobody announced, whatever is marked done', async () => {
    const load = vi.fn(async ({ id }: { id: string }) => recordFor(id));
    const item = feedItemCache(site, load);
    const first = await item(source('a'));
    item.done(['a']);
    expect(await item(source('a'))).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps separate caches apart', async () => {
    const load = vi.fn(async ({ id }: { id: string }) => recordFor(id));
    await feedItemCache(site, load)(source('a'));
    await feedItemCache(site, load)(source('a'));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
