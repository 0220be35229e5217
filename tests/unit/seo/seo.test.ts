import { describe, expect, it } from 'vitest';
import { breadcrumbList, newsArticle, serializeJsonLd } from '../../../src/lib/seo/json-ld.ts';
import { shareLinks } from '../../../src/lib/seo/share.ts';
import { robotsTxt } from '../../../src/lib/seo/robots.ts';
import { lastmodByPath } from '../../../src/lib/seo/lastmod.ts';

describe('JSON-LD', () => {
  it('serialises so no string can close the script element', () => {
    const hostile = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const out = serializeJsonLd(hostile);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(hostile);
  });
  it('builds a NewsArticle with authors, publisher, dates and images', () => {
    const data = newsArticle(
      { url: 'https://e.com/a/', title: 'T', description: 'D', pubDate: new Date('2026-01-01T00:00:00Z'), imageUrls: ['https://e.com/i.jpg'], authors: [{ name: 'A', url: 'https://e.com/authors/a/' }], section: 'Models', keywords: ['moe'] },
      { name: 'Site', url: 'https://e.com/', logoUrl: 'https://e.com/logo.png' },
    );
    expect(data).toMatchObject({ '@type': 'NewsArticle', dateModified: '2026-01-01T00:00:00.000Z', author: [{ '@type': 'Person', name: 'A' }], publisher: { '@type': 'Organization', logo: { url: 'https://e.com/logo.png' } } });
    expect(breadcrumbList([{ name: 'Home', url: 'https://e.com/' }]).itemListElement).toEqual([{ '@type': 'ListItem', position: 1, name: 'Home', item: 'https://e.com/' }]);
  });
});

describe('share links and robots', () => {
  it('encodes the URL and title for every network', () => {
    const links = shareLinks('https://e.com/a b/', 'Q&A: "MoE"');
    expect(links.map((l) => l.network)).toEqual(['x', 'linkedin', 'facebook', 'reddit', 'hackernews', 'email']);
    for (const link of links) expect(link.href).toContain('https%3A%2F%2Fe.com%2Fa%20b%2F');
    expect(links[0]!.href).toContain('Q%26A%3A%20%22MoE%22');
  });
  it('announces the sitemap in robots.txt', () => {
    expect(robotsTxt('https://e.com')).toContain('Sitemap: https://e.com/sitemap-index.xml');
  });
});

describe('sitemap lastmod', () => {
  it('uses the update date, skips drafts and scheduled articles, and dates the home page by the newest change', () => {
    const d = (iso: string) => new Date(iso);
    const map = lastmodByPath(
      [
        { id: 'a', data: { pubDate: d('2026-01-01'), updatedDate: d('2026-02-01'), draft: false } },
        { id: 'b', data: { pubDate: d('2026-01-15'), draft: false } },
        { id: 'draft', data: { pubDate: d('2026-03-01'), draft: true } },
        { id: 'later', data: { pubDate: d('2099-01-01'), draft: false } },
      ],
      d('2026-06-01'),
    );
    expect([...map]).toEqual([
      ['/articles/a/', '2026-02-01T00:00:00.000Z'],
      ['/articles/b/', '2026-01-15T00:00:00.000Z'],
      ['/', '2026-02-01T00:00:00.000Z'],
    ]);
  });
});
