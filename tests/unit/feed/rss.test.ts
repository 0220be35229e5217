import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rssDate } from '../../../src/lib/feed/dates.ts';
import { toFeedItems } from '../../../src/lib/feed/feed-items.ts';
import { rssChannel, toRssItems } from '../../../src/lib/feed/rss.ts';
import { prepareFeedHtml } from '../../../src/lib/feed/sanitize.ts';
import {
  NOW, allRecords, hostileArticle, mainArticle, olderArticle, oldestArticle, site,
} from '../../fixtures/feed/records.ts';
import type { ArticleRecord } from '../../../src/lib/feed/types.ts';

const FEED_URL = 'https://broadsheet.example.com/rss.xml';
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  ignorePiTags: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

type Node = Record<string, any>;

async function buildFeed(records: ArticleRecord[]): Promise<{ xml: string; doc: Node; channel: Node; items: Node[] }> {
  const xml = await getRssString(rssChannel(site, { items: toFeedItems(records, site, { now: NOW }), feedUrl: FEED_URL }));
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid)}\n${xml}`);
  const doc = parser.parse(xml) as Node;
  const channel = doc['rss']['channel'] as Node;
  return { xml, doc, channel, items: (channel['item'] ?? []) as Node[] };
}

describe('RSS document from getRssString', async () => {
  const { xml, doc, channel, items } = await buildFeed(allRecords);

  it('is RSS 2.0 with the stylesheet processing instruction', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc['?xml-stylesheet']).toEqual({ '@_href': '/rss.xsl', '@_type': 'text/xsl' });
    expect(doc['rss']['@_version']).toBe('2.0');
    expect(doc['rss']['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(doc['rss']['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(doc['rss']['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    expect(doc['rss']['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
  });

  it('has the required channel elements and channel metadata', () => {
    expect(channel['title']).toBe('Broadsheet');
    expect(channel['link']).toBe('https://broadsheet.example.com/');
    expect(channel['description']).toBe('AI and chips, reported plainly.');
    expect(channel['language']).toBe('en');
    expect(channel['atom:link']).toEqual({
      '@_href': FEED_URL, '@_rel': 'self', '@_type': 'application/rss+xml',
    });
    expect(channel['image']).toEqual({
      url: 'https://broadsheet.example.com/logo.png',
      title: 'Broadsheet',
      link: 'https://broadsheet.example.com/',
    });
    expect(channel['generator']).toBeTruthy();
  });

  it('sets lastBuildDate to the newest publish/update date, not the clock', () => {
    // mainArticle was updated after every other pubDate.
    expect(channel['lastBuildDate']).toBe(rssDate(mainArticle.updatedDate!));
    expect(channel['lastBuildDate']).toMatch(RFC822);
  });

  it('lists published items newest first, without drafts or scheduled posts', () => {
    expect(items.map((i) => i['link'])).toEqual([mainArticle.url, olderArticle.url, oldestArticle.url]);
  });

  it('gives each item a unique permalink guid equal to its absolute link', () => {
    const guids = items.map((i) => i['guid']['#text']);
    expect(new Set(guids).size).toBe(items.length);
    for (const item of items) {
      expect(item['guid']['@_isPermaLink']).toBe('true');
      expect(item['guid']['#text']).toBe(item['link']);
      expect(new URL(item['link']).protocol).toBe('https:');
      expect(item['pubDate']).toMatch(RFC822);
    }
  });

  it('carries the prepared article HTML in content:encoded', () => {
    const [main] = items;
    const expected = prepareFeedHtml(mainArticle.html, mainArticle.url, site.url);
    expect(main!['content:encoded']).toBe(expected);
    expect(main!['content:encoded']).toContain('<figcaption>The die, photographed at the launch event.</figcaption>');
    expect(main!['content:encoded']).toContain('href="https://broadsheet.example.com/news/2026/earlier-story/"');
  });

  it('has title, dek, pubDate, categories, creators, modified date and image', () => {
    const [main] = items;
    expect(main!['title']).toBe(mainArticle.title);
    expect(main!['description']).toBe(mainArticle.description);
    expect(main!['pubDate']).toBe('Mon, 09 Mar 2026 08:30:00 GMT');
    // Category first, tags after, case-insensitive duplicate dropped.
    expect(main!['category']).toEqual(['Chips & Compute', 'Nvidia', 'memory']);
    expect(main!['dc:creator']).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(main!['dcterms:modified']).toBe('2026-03-10T09:15:00.000Z');
    expect(main!['enclosure']).toEqual({
      '@_url': 'https://broadsheet.example.com/images/accelerator.jpg',
      '@_length': '123456',
      '@_type': 'image/jpeg',
    });
    expect(main!['media:content']).toEqual({
      '@_url': 'https://broadsheet.example.com/images/accelerator.jpg',
      '@_type': 'image/jpeg',
      '@_fileSize': '123456',
      '@_medium': 'image',
    });
  });

  it('omits dcterms:modified and enclosure when there is nothing to say', () => {
    expect(items[1]!['dcterms:modified']).toBeUndefined();
    expect(items[1]!['enclosure']).toBeUndefined();
  });
});

describe('RSS document with a hostile record', async () => {
  const { xml, items } = await buildFeed([hostileArticle, olderArticle]);
  const hostile = items[0]!;

  it('is well-formed and free of characters XML forbids', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(XML_INVALID);
  });

  it('never emits a raw <script in the document', () => {
    expect(xml).not.toMatch(/<script/i);
  });

  it('keeps the title as text: ampersand, angle brackets, emoji, RTL; controls gone', () => {
    expect(hostile['title']).toBe('Tom & Jerry <script>alert(1)</script> ]]> 😀 مرحبا שלום');
  });

  it('escapes the dek as HTML text so readers do not interpret it', () => {
    expect(hostile['description']).toBe('Why &lt;video&gt; &amp; &lt;script&gt; tags matter ]]&gt; — עברית');
  });

  it('has decoded content without executable markup but with the harmless text', () => {
    const content = hostile['content:encoded'] as string;
    expect(content).not.toMatch(/<script|<iframe|<style|javascript:|\son\w+=/i);
    expect(content).toContain('CDATA end ]]&gt; and &amp; ampersand');
    expect(content).toContain('emoji 😀');
    expect(content).toContain('مرحبا بالعالم');
    expect(content).toContain('שלום עולם');
    expect(content).toContain('src="https://broadsheet.example.com/x.png"');
  });

  it('escapes customData: author name and image URL survive the round trip', () => {
    expect(hostile['dc:creator']).toEqual(['Seán O\'Brien & "Sons" <x> &amp; &#39;']);
    expect(hostile['media:content']['@_url']).toBe('https://broadsheet.example.com/images/a&b.jpg?x=1&y=2');
    expect(hostile['enclosure']['@_url']).toBe('https://broadsheet.example.com/images/a&b.jpg?x=1&y=2');
    expect(hostile['category']).toEqual(['Policy & <Law>', 'C&C', ']]>', 'عربي']);
  });

  it('resolves a site-relative permalink to an absolute link and guid', () => {
    expect(hostile['link']).toBe('https://broadsheet.example.com/news/hostile/');
    expect(hostile['guid']['#text']).toBe('https://broadsheet.example.com/news/hostile/');
  });
});

describe('toRssItems', () => {
  it('applies the limit after sorting newest first', () => {
    const items = toRssItems(allRecords, site, { now: NOW, limit: 2 });
    expect(items.map((i) => i.link)).toEqual([mainArticle.url, olderArticle.url]);
  });

  it('defaults to 50 items', () => {
    const many: ArticleRecord[] = Array.from({ length: 60 }, (_, n) => ({
      ...olderArticle,
      slug: `s${n}`,
      url: `https://broadsheet.example.com/news/s${n}/`,
      pubDate: new Date(Date.UTC(2026, 0, 1, 0, n)),
    }));
    const items = toRssItems(many, site, { now: NOW });
    expect(items).toHaveLength(50);
    expect(items[0]!.link).toBe('https://broadsheet.example.com/news/s59/');
  });

  it('produces an empty but valid feed when nothing is published', async () => {
    const { channel, items } = await buildFeed([mainArticle].map((r) => ({ ...r, draft: true })));
    expect(items).toEqual([]);
    expect(channel['lastBuildDate']).toBeUndefined();
  });
});
