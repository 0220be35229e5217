import { describe, expect, it } from 'vitest';
import { absoluteUrl, basePath, resolveUrl, siteUrls, urlScheme } from '../../../src/lib/content/urls.ts';
import { robotsTxt } from '../../../src/lib/seo/robots.ts';
import { lastmodByPath } from '../../../src/lib/seo/lastmod.ts';
import { rssChannel } from '../../../src/lib/feed/rss.ts';
import { toFeedItem } from '../../../src/lib/feed/feed-items.ts';
import { toJsonFeed } from '../../../src/lib/feed/json-feed.ts';
import type { ArticleRecord, FeedSite } from '../../../src/lib/feed/types.ts';

describe('base path', () => {
  it('is read from the site URL, with or without a trailing slash', () => {
    expect(basePath('https://example.com')).toBe('/');
    expect(basePath('https://example.com/blog')).toBe('/blog/');
    expect(basePath('https://example.com/blog/')).toBe('/blog/');
    expect(basePath('https://example.com/a/b')).toBe('/a/b/');
  });

  it('is part of every link the scheme builds', () => {
    const urls = urlScheme('/blog/');
    expect(urls.home()).toBe('/blog/');
    expect(urls.article('x')).toBe('/blog/articles/x/');
    expect(urls.category('chips', 2)).toBe('/blog/category/chips/2/');
    expect(urls.feed()).toBe('/blog/rss.xml');
    expect(urls.feed(urls.tag('moe'))).toBe('/blog/tags/moe/rss.xml');
    expect(urls.jsonFeed()).toBe('/blog/feed.json');
    expect(urls.og('x')).toBe('/blog/og/x.png');
    expect(urls.pagefind()).toBe('/blog/pagefind/');
    expect(urls.sitemap()).toBe('/blog/sitemap-index.xml');
  });

  it('turns site paths from the config into links, and leaves other references alone', () => {
    const urls = urlScheme('/blog/');
    expect(urls.link('/logo.svg')).toBe('/blog/logo.svg');
    expect(urls.link('/archive/')).toBe('/blog/archive/');
    for (const ref of ['https://elsewhere.org/x', '//cdn.example/x.js', '#main', 'mailto:a@b.c']) expect(urls.link(ref)).toBe(ref);
    // Linking a link again keeps one base.
    expect(urls.link(urls.link('/feed.json'))).toBe('/blog/feed.json');
    expect(urls.link('/blog-posts/')).toBe('/blog/blog-posts/');
  });
});

describe('absolute URLs', () => {
  const urls = siteUrls('https://example.com/blog');
  it('keep the base path for links and for site paths alike', () => {
    expect(urls.absolute(urls.article('x'))).toBe('https://example.com/blog/articles/x/');
    expect(urls.absolute('/logo.svg')).toBe('https://example.com/blog/logo.svg');
    expect(urls.absolute('/')).toBe('https://example.com/blog/');
    expect(absoluteUrl('https://example.com/blog', '/blog/feed.json')).toBe('https://example.com/blog/feed.json');
    expect(absoluteUrl('https://example.com/blog', 'articles/x/')).toBe('https://example.com/blog/articles/x/');
  });
  it('leave absolute URLs as written', () => {
    expect(urls.absolute('https://other.org/a?b#c')).toBe('https://other.org/a?b#c');
  });
  it('resolve like a browser, keeping schemes and refusing the unparseable', () => {
    expect(resolveUrl('../x.png', 'https://example.com/blog/articles/a/')).toBe('https://example.com/blog/articles/x.png');
    expect(resolveUrl('javascript:alert(1)', 'https://example.com/')).toBe('javascript:alert(1)');
    expect(resolveUrl('//[bad', 'https://example.com/')).toBeUndefined();
  });
});

describe('outputs under a base path', () => {
  const site: FeedSite = { name: 'B', description: 'd', url: 'https://example.com/blog', language: 'en', logoUrl: '/logo.png' };
  const record: ArticleRecord = {
    slug: 'x', url: urlScheme('/blog/').article('x'), title: 'X', description: 'D', pubDate: new Date('2026-01-01T00:00:00Z'),
    authors: [{ id: 'a', name: 'A' }], category: { slug: 'c', name: 'C' }, tags: [],
    html: '<p><a href="../y/">sibling</a> <img src="/blog/_astro/i.jpg" alt=""></p>',
  };

  it('robots.txt disallows the search page and announces the sitemap under the base', () => {
    expect(robotsTxt('https://example.com/blog')).toBe('User-agent: *\nAllow: /\nDisallow: /blog/search/\n\nSitemap: https://example.com/blog/sitemap-index.xml\n');
  });
  it('sitemap lastmod keys carry the base', () => {
    const map = lastmodByPath([{ id: 'x', data: { pubDate: new Date('2026-01-01'), draft: false } }], new Date('2026-02-01'), '/blog/');
    expect([...map.keys()]).toEqual(['/blog/articles/x/', '/blog/']);
  });
  it('feed items, channel, logo and stylesheet keep the base', () => {
    const item = toFeedItem(record, site);
    expect(item.url).toBe('https://example.com/blog/articles/x/');
    expect(item.contentHtml).toContain('href="https://example.com/blog/articles/y/"');
    expect(item.contentHtml).toContain('src="https://example.com/blog/_astro/i.jpg"');
    const channel = rssChannel(site, { items: [item], feedUrl: '/blog/rss.xml' });
    expect(channel.site).toBe('https://example.com/blog');
    expect(channel.stylesheet).toBe('/blog/rss.xsl');
    expect(channel.customData).toContain('<atom:link href="https://example.com/blog/rss.xml"');
    expect(channel.customData).toContain('<url>https://example.com/blog/logo.png</url>');
    const json = toJsonFeed([item], site, { feedUrl: '/blog/feed.json', homePageUrl: '/blog/' });
    expect([json.home_page_url, json.feed_url, json.icon]).toEqual(['https://example.com/blog/', 'https://example.com/blog/feed.json', 'https://example.com/blog/logo.png']);
  });
});
