import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { selectFeedRecords } from '../../../src/lib/feed/feed-items.ts';
import { rssChannel } from '../../../src/lib/feed/rss.ts';
import { NOW, allRecords, olderArticle, site } from '../../fixtures/feed/records.ts';

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

  it('does not mutate the input array', () => {
    const input = [...allRecords];
    selectFeedRecords(input, { now: NOW });
    expect(input).toEqual(allRecords);
  });
});

describe('rssChannel', () => {
  it('leaves out <image> for an SVG logo (RSS allows GIF, JPEG, PNG only)', async () => {
    const xml = await getRssString(
      rssChannel({ ...site, logoUrl: '/logo.svg' }, { records: allRecords, now: NOW, feedUrl: '/rss.xml' }),
    );
    expect(xml).not.toContain('<image>');
    expect(xml).toContain('<atom:link href="https://broadsheet.example.com/rss.xml" rel="self"');
  });

  it('can drop the stylesheet and override title and description', async () => {
    const options = rssChannel(site, {
      records: allRecords, now: NOW, feedUrl: '/chips/rss.xml', stylesheet: false,
      title: 'Broadsheet: Chips & Compute', description: 'Only chips.',
    });
    expect(options.stylesheet).toBeUndefined();
    const xml = await getRssString(options);
    expect(xml).not.toContain('xml-stylesheet');
    expect(xml).toContain('<title>Broadsheet: Chips &amp; Compute</title>');
    expect(xml).toContain('<description>Only chips.</description>');
  });
});
