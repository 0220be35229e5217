/**
 * The feeds of the built fixture site (tests/fixtures/site/content, built once
 * by tests/support/global-setup.ts with BROADSHEET_NOW pinned), read from the
 * real files in its dist/.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/build.ts';
import site from '../../src/site.config.ts';
import {
  RFC3339, RFC822, SITE_ORIGIN, XML_FORBIDDEN, distFileFor, expectedArticles, expectedFor, htmlUrls, parseFeed,
  unsafeMarkup, walk, type ExpectedArticle, type Node, type ParsedFeed,
} from './feeds-helpers.ts';

const out = inject('siteOut');
const CONTENT = path.join(ROOT, 'tests/fixtures/site/content');
const FULL = `${SITE_ORIGIN}/articles/full-feature/`;
const HOSTILE = `${SITE_ORIGIN}/articles/hostile-article/`;
const PLAIN = `${SITE_ORIGIN}/articles/plain-markdown/`;

let files: string[];
let feeds: ParsedFeed[];
let expected: ExpectedArticle[];

const feed = (file: string) => {
  const found = feeds.find((f) => f.file === file);
  if (!found) throw new Error(`no feed ${file}`);
  return found;
};
const item = (f: ParsedFeed, link: string) => {
  const found = f.items.find((i) => i['link'] === link);
  if (!found) throw new Error(`${f.file} has no item ${link}`);
  return found;
};
const links = (f: ParsedFeed) => f.items.map((i) => i['link'] as string);
const attr = (node: Node | undefined, name: string) => node?.[`@_${name}`] as string | undefined;

beforeAll(async () => {
  files = walk(out);
  expected = await expectedArticles(CONTENT);
  feeds = files.filter((f) => f === 'rss.xml' || f.endsWith('/rss.xml')).map((f) => parseFeed(out, f));
});

describe('which feeds are built', () => {
  it('builds the site feed, the JSON Feed and one feed beside every category, tag and author page', () => {
    const sectionPages = files
      .filter((f) => /^(category|tags|authors)\/[^/]+\/index\.html$/.test(f))
      .map((f) => f.replace(/index\.html$/, 'rss.xml'));
    expect(files).toContain('rss.xml');
    expect(files).toContain('feed.json');
    expect(feeds.map((f) => f.file).sort()).toEqual(['rss.xml', ...sectionPages].sort());
    for (const category of site.categories) expect(files).toContain(`category/${category.slug}/rss.xml`);
    for (const author of ['ada-quill', 'bo-lindgren', 'cy-okoye']) expect(files).toContain(`authors/${author}/rss.xml`);
    for (const tag of ['chip-notes', 'kv-cache', 'moe', 'open-weights', 'r-and-d']) expect(files).toContain(`tags/${tag}/rss.xml`);
  });

  it('builds no feed for tags that only drafts or scheduled articles use', () => {
    expect(files).not.toContain('tags/draft-only-tag/rss.xml');
    expect(files).not.toContain('tags/scheduled-only-tag/rss.xml');
  });
});

describe('every RSS feed', () => {
  it('is well-formed XML without forbidden characters, and without an XSLT stylesheet (browsers are dropping XSLT; /feeds/ is the page for people)', () => {
    expect(feeds.length).toBe(15); // site + 5 categories + 6 tags + 3 authors
    for (const f of feeds) {
      expect(XML_FORBIDDEN.test(f.xml), f.file).toBe(false);
      expect(f.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), f.file).toBe(true);
      expect(f.doc['?xml-stylesheet'], f.file).toBeUndefined();
      // No markup anywhere in the document escapes its text node.
      expect(/<script|<iframe/i.test(f.xml), f.file).toBe(false);
    }
    expect(files).not.toContain('rss.xsl');
    expect(files).toContain('feeds/index.html');
  });

  it('is RSS 2.0 with the required channel elements, atom:link self, generator, language and logo', () => {
    for (const f of feeds) {
      const c = f.channel;
      expect(f.doc['rss']['@_version'], f.file).toBe('2.0');
      expect(c['title'], f.file).toMatch(/^Broadsheet/);
      expect(c['link'], f.file).toBe(`${SITE_ORIGIN}/`);
      expect(typeof c['description'] === 'string' && c['description'].length > 0, f.file).toBe(true);
      expect(c['language'], f.file).toBe(site.language);
      expect(c['generator'], f.file).toMatch(/\S/);
      expect(c['atom:link'], f.file).toEqual({
        '@_href': `${SITE_ORIGIN}/${f.file}`, '@_rel': 'self', '@_type': 'application/rss+xml',
      });
      expect(c['image']?.['url'], f.file).toBe(`${SITE_ORIGIN}/logo.png`);
      expect(c['image']?.['link'], f.file).toBe(c['link']);
      expect(c['image']?.['title'], f.file).toBe(c['title']);
    }
  });

  it('points its logo at a real PNG of at most 144 pixels wide', () => {
    const logo = readFileSync(path.join(out, 'logo.png'));
    expect(logo.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(logo.readUInt32BE(16)).toBeLessThanOrEqual(144);
  });

  it('names section feeds after their section', () => {
    expect(feed('category/models/rss.xml').channel['title']).toBe('Broadsheet — Models');
    expect(feed('category/models/rss.xml').channel['description']).toBe(site.categories.find((c) => c.slug === 'models')!.description);
    expect(feed('tags/kv-cache/rss.xml').channel['title']).toBe('Broadsheet — #kv-cache');
    expect(feed('authors/ada-quill/rss.xml').channel['title']).toBe('Broadsheet — Ada Quill');
    expect(feed('rss.xml').channel['title']).toBe('Broadsheet');
  });

  it('has items with title, absolute link, unique permalink guid, RFC 822 pubDate and description', () => {
    for (const f of feeds) {
      const guids = new Set<string>();
      for (const i of f.items) {
        const link = i['link'] as string;
        expect(link.startsWith(`${SITE_ORIGIN}/articles/`), `${f.file} ${link}`).toBe(true);
        expect(distFileFor(out, link), `${f.file}: ${link} is not a built page`).toBeDefined();
        expect(typeof i['title'] === 'string' && i['title'].length > 0, link).toBe(true);
        expect(i['guid']['#text'], link).toBe(link);
        expect(i['guid']['@_isPermaLink'], link).toBe('true');
        expect(guids.has(link), `${f.file}: duplicate guid ${link}`).toBe(false);
        guids.add(link);
        expect(i['pubDate'], link).toMatch(RFC822);
        expect(new Date(i['pubDate']).toUTCString(), link).toBe(i['pubDate']);
        expect(typeof i['description'] === 'string' && i['description'].length > 0, link).toBe(true);
        expect(typeof i['content:encoded'] === 'string' && i['content:encoded'].length > 0, link).toBe(true);
        expect(i['dc:creator']?.length, link).toBeGreaterThan(0);
      }
    }
  });

  it('lists its items newest first, and its lastBuildDate is the newest item date', () => {
    for (const f of feeds) {
      const times = f.items.map((i) => new Date(i['pubDate']).getTime());
      expect(times, f.file).toEqual([...times].sort((a, b) => b - a));
      if (f.items.length === 0) {
        expect(f.channel['lastBuildDate'], f.file).toBeUndefined();
        continue;
      }
      expect(f.channel['lastBuildDate'], f.file).toMatch(RFC822);
      const modified = f.items.flatMap((i) => (i['dcterms:modified'] ? [new Date(i['dcterms:modified']).getTime()] : []));
      expect(new Date(f.channel['lastBuildDate']).getTime(), f.file).toBe(Math.max(...times, ...modified));
    }
  });

  it('lists exactly the published articles of its section, in order', () => {
    expect(expected.length).toBe(16);
    for (const f of feeds) {
      expect(links(f), f.file).toEqual(expectedFor(f.file, expected).map((a) => a.url));
    }
    // Section feeds are not just copies of the site feed.
    expect(links(feed('category/chips/rss.xml')).length).toBe(13);
    expect(links(feed('category/policy/rss.xml'))).toEqual([HOSTILE]);
    expect(links(feed('category/business/rss.xml'))).toEqual([]);
    expect(links(feed('authors/ada-quill/rss.xml'))).toEqual([FULL]);
    expect(links(feed('tags/kv-cache/rss.xml'))).toEqual([FULL, PLAIN]);
  });

  it('never lists a draft or a scheduled article', () => {
    for (const f of feeds) {
      expect(f.xml, f.file).not.toMatch(/draft-article|scheduled-article|must never ship|far future/);
    }
  });

  it('keeps item categories to the section name first, then tags', () => {
    expect(item(feed('rss.xml'), FULL)['category']).toEqual(['Models', 'moe', 'kv-cache', 'open-weights']);
  });
});

describe('full article content', () => {
  let html: string;
  beforeAll(() => {
    html = item(feed('rss.xml'), FULL)['content:encoded'] as string;
  });

  it('holds the rendered MDX components, not their source', () => {
    expect(html).toMatch(/<aside class="callout callout--warning">\s*<p>Routing caveat<\/p>/);
    expect(html).toContain('Load balancing matters: an unbalanced router wastes most of the experts.');
    expect(html).toMatch(/<figure>[\s\S]*<img [^>]*alt="Bar chart of parameter counts"[\s\S]*<figcaption>Parameters by model generation<span class="credit"> Fixture chart<\/span><\/figcaption><\/figure>/);
    expect(html).toMatch(/<table>[\s\S]*<th>Total parameters<\/th>[\s\S]*<td>671B<\/td>[\s\S]*<\/table>/);
    expect(html).toMatch(/<figure><blockquote>Sparse models trade memory for compute\.<\/blockquote><figcaption>— A fixture engineer<\/figcaption><\/figure>/);
    expect(html).toMatch(/<aside class="highlights"><p>In-body highlights<\/p><ul>\s*<li>An in-body highlight written in Markdown<\/li>/);
    expect(html).toMatch(/<pre><code>[\s\S]*route[\s\S]*<\/code><\/pre>/);
    expect(html).toContain('<h3>A smaller variant</h3>');
    expect(html).not.toMatch(/<(Callout|Figure|PullQuote|KeyHighlights)\b/);
    expect(html).not.toContain('![');
  });

  it('uses only absolute URLs, and every image on the site exists in dist/', () => {
    const urls = htmlUrls(html);
    const images = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const url of urls) expect(url, url).toMatch(/^(https?:|mailto:|tel:)/);
    for (const url of images) {
      expect(url.startsWith(`${SITE_ORIGIN}/`), url).toBe(true);
      expect(distFileFor(out, url), `${url} is not in dist/`).toBeDefined();
    }
  });

  it('is the same HTML in every feed that lists the article', () => {
    for (const f of feeds) {
      const i = f.items.find((x) => x['link'] === FULL);
      if (i) expect(i['content:encoded'], f.file).toBe(html);
    }
  });
});

describe('hero image enclosure', () => {
  it('is an optimised JPEG in dist/ whose type and length match the real file', () => {
    const i = item(feed('rss.xml'), FULL);
    const [enclosure] = i['enclosure'] as Node[];
    const url = attr(enclosure, 'url')!;
    expect(url).toMatch(new RegExp(`^${SITE_ORIGIN}/_astro/.+\\.jpe?g$`));
    const file = distFileFor(out, url);
    expect(file, `${url} is not in dist/`).toBeDefined();
    const bytes = readFileSync(file!);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(attr(enclosure, 'type')).toBe('image/jpeg');
    expect(Number(attr(enclosure, 'length'))).toBe(statSync(file!).size);
    // Optimised: not the original hero file.
    const original = readFileSync(path.join(CONTENT, 'articles/full-feature/hero.jpg'));
    expect(bytes.equals(original)).toBe(false);
    const [media] = i['media:content'] as Node[];
    expect(attr(media, 'url')).toBe(url);
    expect(attr(media, 'type')).toBe('image/jpeg');
    expect(Number(attr(media, 'fileSize'))).toBe(statSync(file!).size);
    expect(attr(media, 'medium')).toBe('image');
  });

  it('matches the real file in every feed, and is absent for articles without a hero', () => {
    let checked = 0;
    for (const f of feeds) {
      for (const i of f.items) {
        for (const enclosure of (i['enclosure'] ?? []) as Node[]) {
          const file = distFileFor(out, attr(enclosure, 'url')!);
          expect(file, `${f.file}: ${attr(enclosure, 'url')}`).toBeDefined();
          expect(Number(attr(enclosure, 'length')), f.file).toBe(statSync(file!).size);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(item(feed('rss.xml'), PLAIN)['enclosure']).toBeUndefined();
    expect(item(feed('rss.xml'), PLAIN)['media:content']).toBeUndefined();
  });
});

describe('the hostile article', () => {
  it('appears, parsed, with no executable markup in its content', () => {
    let seen = 0;
    for (const f of feeds) {
      const i = f.items.find((x) => x['link'] === HOSTILE);
      if (!i) continue;
      seen++;
      const content = i['content:encoded'] as string;
      expect(unsafeMarkup(content), f.file).toEqual([]);
      expect(content, f.file).toContain('a javascript link');
      // The dek is HTML to readers: its markup must arrive as text.
      expect(i['description'], f.file).not.toMatch(/<[a-z]/i);
    }
    expect(seen).toBe(5); // site, policy, bo-lindgren, b-bold-b and r-d feeds
  });

  it('keeps the ampersand, emoji and right-to-left text, and drops the control characters', () => {
    const i = item(feed('rss.xml'), HOSTILE);
    const title = i['title'] as string;
    expect(title.startsWith('Ampersands & </script><script>')).toBe(true);
    expect(title).toContain('🚀');
    expect(title).toContain('עברית');
    expect(title).toContain(']]>');
    expect(title).not.toMatch(XML_FORBIDDEN);
    expect(i['description']).toContain('العربية');
    const content = i['content:encoded'] as string;
    expect(content).toContain('Hostile body with an ampersand &amp; a CDATA end ]]&gt;');
    expect(content).toContain('🚀');
    expect(content).toContain('שלום עולם');
    expect(content).toContain('مرحبا بالعالم');
  });
});

describe('JSON Feed', () => {
  let json: Node;
  beforeAll(() => {
    json = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as Node;
  });

  it('has the JSON Feed 1.1 top-level fields', () => {
    expect(json['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(json['title']).toBe('Broadsheet');
    expect(json['home_page_url']).toBe(`${SITE_ORIGIN}/`);
    expect(json['feed_url']).toBe(`${SITE_ORIGIN}/feed.json`);
    expect(json['icon']).toBe(`${SITE_ORIGIN}/logo.png`);
    expect(json['language']).toBe(site.language);
    expect(Array.isArray(json['items'])).toBe(true);
  });

  it('lists the same items in the same order as /rss.xml', () => {
    const ids = (json['items'] as Node[]).map((i) => i['id']);
    expect(ids).toEqual(links(feed('rss.xml')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(16);
  });

  it('has id, url, content and RFC 3339 dates on every item, with working author links', () => {
    for (const i of json['items'] as Node[]) {
      expect(i['url'], i['id']).toBe(i['id']);
      expect(distFileFor(out, i['url']), i['id']).toBeDefined();
      expect(typeof i['title'] === 'string' && i['title'].length > 0).toBe(true);
      expect(typeof i['content_html'] === 'string' && i['content_html'].length > 0).toBe(true);
      expect(i['date_published'], i['id']).toMatch(RFC3339);
      if (i['date_modified'] !== undefined) expect(i['date_modified']).toMatch(RFC3339);
      for (const a of i['authors'] ?? []) expect(distFileFor(out, a['url']), a['url']).toBeDefined();
      expect(XML_FORBIDDEN.test(JSON.stringify(i)), i['id']).toBe(false);
    }
  });

  it('carries the same content and hero image as the RSS item', () => {
    const full = (json['items'] as Node[]).find((i) => i['id'] === FULL)!;
    const rssItem = item(feed('rss.xml'), FULL);
    expect(full['content_html']).toBe(rssItem['content:encoded']);
    expect(full['image']).toBe(attr((rssItem['enclosure'] as Node[])[0], 'url'));
    expect(full['date_modified']).toBe('2026-03-12T09:30:00.000Z');
  });

  it('has no executable markup in the hostile article and keeps its text', () => {
    const hostile = (json['items'] as Node[]).find((i) => i['id'] === HOSTILE)!;
    expect(unsafeMarkup(hostile['content_html'])).toEqual([]);
    expect(hostile['title']).toContain('Ampersands & ');
    expect(hostile['title']).toContain('🚀');
    expect(hostile['content_html']).toContain('שלום עולם');
  });
});

describe('autodiscovery and subscribe links in the built HTML', () => {
  let pages: { file: string; document: Document }[];
  beforeAll(() => {
    pages = files.filter((f) => f.endsWith('.html')).map((file) => ({
      file,
      document: parseHTML(readFileSync(path.join(out, file), 'utf8')).document as unknown as Document,
    }));
  });
  const rssLinks = (d: Document) =>
    [...d.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((l) => l.getAttribute('href')!);

  it('every page advertises /rss.xml and /feed.json, and every advertised feed exists', () => {
    expect(pages.length).toBeGreaterThan(30);
    for (const { file, document } of pages) {
      const hrefs = rssLinks(document);
      expect(hrefs, file).toContain(`${SITE_ORIGIN}/rss.xml`);
      const json = document.querySelector('link[rel="alternate"][type="application/feed+json"]');
      expect(json?.getAttribute('href'), file).toBe(`${SITE_ORIGIN}/feed.json`);
      for (const href of hrefs) expect(distFileFor(out, href), `${file}: ${href}`).toBeDefined();
    }
  });

  it('section pages list their own feed first', () => {
    const sections = pages.filter((p) => /^(category|tags|authors)\/[^/]+\/(\d+\/)?index\.html$/.test(p.file));
    expect(sections.length).toBeGreaterThan(10);
    for (const { file, document } of sections) {
      const section = file.split('/').slice(0, 2).join('/');
      expect(rssLinks(document)[0], file).toBe(`${SITE_ORIGIN}/${section}/rss.xml`);
    }
    expect(rssLinks(pages.find((p) => p.file === 'category/models/index.html')!.document)[0]).toBe(`${SITE_ORIGIN}/category/models/rss.xml`);
  });

  it('every "Subscribe" or feed link on a page leads to a built feed', () => {
    let count = 0;
    for (const { file, document } of pages) {
      for (const a of document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        const url = new URL(href, `${SITE_ORIGIN}/${file}`);
        // Reader links on /feeds/ ("follow in Feedly") point elsewhere, with a feed URL inside.
        if (!/(rss\.xml|feed\.json)$/.test(url.pathname) || url.origin !== SITE_ORIGIN) continue;
        count++;
        expect(distFileFor(out, url.href), `${file}: ${href}`).toBeDefined();
      }
    }
    expect(count).toBeGreaterThan(pages.length);
  });
});
