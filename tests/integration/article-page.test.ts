import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { all, jsonLd, page, text } from '../support/dom.ts';

const out = inject('siteOut');
let doc: Document;
beforeAll(() => {
  doc = page(out, 'articles/full-feature/index.html');
});

describe('article page', () => {
  it('has the category kicker, headline and dek', () => {
    const kicker = doc.querySelector('.article-header a.kicker');
    expect(kicker?.getAttribute('href')).toBe('/category/models/');
    expect(text(kicker)).toBe('Models');
    expect(all(doc, 'h1').map(text)).toEqual(['Sparse experts reach a trillion parameters']);
    expect(text(doc.querySelector('.article-header .dek'))).toMatch(/^A fixture article that exercises/);
  });

  it('has a byline with both authors linked, dates and reading time', () => {
    const byline = doc.querySelector('.byline')!;
    expect(all(byline, 'a[rel="author"]').map((a) => [text(a), a.getAttribute('href')])).toEqual([
      ['Ada Quill', '/authors/ada-quill/'],
      ['Bo Lindgren', '/authors/bo-lindgren/'],
    ]);
    const times = all(byline, 'time').map((t) => t.getAttribute('datetime'));
    expect(times).toEqual(['2026-03-10T00:00:00.000Z', '2026-03-12T09:30:00.000Z']);
    expect(text(byline)).toContain('Updated March 12, 2026');
    expect(text(byline)).toMatch(/\d+ min read/);
  });

  it('serves the hero as AVIF and WebP with srcset, sizes, dimensions and high priority', () => {
    const picture = doc.querySelector('figure.hero picture')!;
    const types = all(picture, 'source').map((s) => s.getAttribute('type'));
    expect(types).toEqual(['image/avif', 'image/webp']);
    for (const source of all(picture, 'source')) {
      expect(source.getAttribute('srcset')!.split(',').length).toBeGreaterThanOrEqual(3);
      expect(source.getAttribute('sizes')).toBeTruthy();
    }
    const img = picture.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('Fixture hero: a grid of coloured squares');
    expect(img.getAttribute('width')).toBe('1600');
    expect(img.getAttribute('height')).toBe('900');
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    for (const src of [img.getAttribute('src')!, ...all(picture, 'source').flatMap((s) => s.getAttribute('srcset')!.split(',').map((c) => c.trim().split(' ')[0]!))]) {
      expect(existsSync(path.join(out, src)), `${src} exists in dist`).toBe(true);
    }
  });

  it('shows the key highlights box and a table of contents for 3+ sections', () => {
    const box = doc.querySelector('aside.highlights[aria-label="Key highlights"]');
    expect(all(box!, 'li').map(text)).toEqual(['First highlight about routing experts', 'Second highlight about the KV cache', 'Third highlight about licensing']);
    expect(doc.querySelectorAll('nav.toc')).toHaveLength(1);
    const toc = doc.querySelector('.toc-slot nav.toc')!;
    expect(all(toc, 'a').map((a) => a.getAttribute('href'))).toEqual(['#how-routing-works', '#the-memory-bill', '#what-comes-next', '#a-smaller-variant']);
    for (const id of ['how-routing-works', 'the-memory-bill', 'what-comes-next']) expect(doc.getElementById(id)?.tagName).toBe('H2');
  });

  it('renders MDX components without imports: Callout, Figure, KeyHighlights, PullQuote, scrollable tables, code', () => {
    const prose = doc.querySelector('.prose')!;
    const callout = prose.querySelector('aside.callout.callout--warning')!;
    expect(text(callout.querySelector('.title'))).toBe('Routing caveat');
    expect(text(callout)).toContain('Load balancing matters');
    const figure = prose.querySelector('figure.figure')!;
    expect(text(figure.querySelector('figcaption'))).toMatch(/^Parameters by model generation Fixture chart ?Full-size image/);
    expect(figure.querySelector('img')?.getAttribute('alt')).toBe('Bar chart of parameter counts');
    expect(text(prose.querySelector('aside.highlights[aria-label="In-body highlights"]'))).toContain('An in-body highlight');
    expect(text(prose.querySelector('figure.pull-quote blockquote'))).toBe('Sparse models trade memory for compute.');
    const wrapper = prose.querySelector('.table-scroll')!;
    expect(wrapper.getAttribute('tabindex')).toBe('0');
    expect(all(wrapper, 'thead th').map(text)).toEqual(['Model', 'Total parameters', 'Active per token', 'Context']);
    expect(prose.querySelector('pre[data-language="python"]')).not.toBeNull();
  });

  it('lists numbered sources with publisher, title and external link', () => {
    const items = all(doc, 'section.sources ol > li');
    expect(items).toHaveLength(3);
    expect(text(items[0])).toBe('arXiv: DeepSeek-V3 Technical Report (opens in a new tab)');
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('https://arxiv.org/abs/2412.19437');
    expect(items[2]!.querySelector('.publisher')).toBeNull();
  });

  it('links normalised tags and has share links for every network plus copy link', () => {
    expect(all(doc, 'nav.tags a').map((a) => a.getAttribute('href'))).toEqual(['/tags/moe/', '/tags/kv-cache/', '/tags/open-weights/']);
    const share = doc.querySelector('.share-bar')!;
    const networks = all(share, 'a[data-network]').map((a) => a.getAttribute('data-network'));
    expect(networks).toEqual(['x', 'linkedin', 'facebook', 'reddit', 'hackernews', 'email']);
    const encoded = encodeURIComponent('https://broadsheet.example.com/articles/full-feature/');
    for (const a of all(share, 'a[data-network]')) expect(a.getAttribute('href')).toContain(encoded);
    expect(share.querySelector('button[data-copy-link]')?.getAttribute('data-url')).toBe('https://broadsheet.example.com/articles/full-feature/');
    expect(all(doc, 'script[src]').map((s) => s.getAttribute('src')).every((src) => src!.startsWith('/_astro/'))).toBe(true);
  });

  it('has an author box per author with avatar, role, bio and "View all posts"', () => {
    const boxes = all(doc, '.author-box');
    expect(boxes).toHaveLength(2);
    const ada = boxes[0]!;
    expect(ada.querySelector('img.avatar')?.getAttribute('alt')).toBe('Portrait of Ada Quill');
    expect(text(ada.querySelector('.role'))).toBe('Models Editor');
    expect(text(ada.querySelector('.bio'))).toContain('sparse architectures');
    const viewAll = all(ada, 'a').find((a) => text(a).startsWith('View all posts'));
    expect(viewAll?.getAttribute('href')).toBe('/authors/ada-quill/');
  });

  it('shows related-article cards with image, category, title, dek and date, pinned first', () => {
    const related = doc.querySelector('section.related')!;
    expect(related.getAttribute('data-pagefind-ignore')).toBe('all');
    const cards = all(related, 'article.card');
    expect(cards.length).toBe(3);
    expect(cards[0]!.querySelector('.title a')?.getAttribute('href')).toBe('/articles/plain-markdown/');
    for (const card of cards) {
      expect(card.querySelector('.kicker')).not.toBeNull();
      expect(card.querySelector('.dek')).not.toBeNull();
      expect(card.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(all(related, 'a').map((a) => a.getAttribute('href'))).not.toContain('/articles/full-feature/');
  });

  it('has head metadata: title, description, canonical, Open Graph and Twitter', () => {
    const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
    expect(text(doc.querySelector('title'))).toBe('Sparse experts reach a trillion parameters | Broadsheet');
    expect(meta('meta[name="description"]')).toMatch(/^A fixture article/);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://broadsheet.example.com/articles/full-feature/');
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:image"]')).toBe('https://broadsheet.example.com/og/full-feature.png');
    const ogImage = new URL(meta('meta[property="og:image"]')!).pathname;
    expect(existsSync(path.join(out, ogImage))).toBe(true);
    expect(meta('meta[property="article:published_time"]')).toBe('2026-03-10T00:00:00.000Z');
    expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(meta('meta[name="twitter:title"]')).toBe('Sparse experts reach a trillion parameters');
  });

  it('has NewsArticle and BreadcrumbList JSON-LD with the right fields', () => {
    const [article, crumbs] = jsonLd(doc);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Sparse experts reach a trillion parameters',
      datePublished: '2026-03-10T00:00:00.000Z',
      dateModified: '2026-03-12T09:30:00.000Z',
      author: [
        { '@type': 'Person', name: 'Ada Quill', url: 'https://broadsheet.example.com/authors/ada-quill/' },
        { '@type': 'Person', name: 'Bo Lindgren', url: 'https://broadsheet.example.com/authors/bo-lindgren/' },
      ],
      publisher: { '@type': 'Organization', name: 'Broadsheet' },
      articleSection: 'Models',
    });
    expect(article!['image'][0]).toBe('https://broadsheet.example.com/og/full-feature.png');
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });
    expect(crumbs!['itemListElement'].map((c: any) => c.item)).toEqual([
      'https://broadsheet.example.com/',
      'https://broadsheet.example.com/category/models/',
      'https://broadsheet.example.com/articles/full-feature/',
    ]);
  });

  it('has landmarks, a skip link and only tiny scripts', () => {
    expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(doc.querySelectorAll('main#main')).toHaveLength(1);
    expect(doc.querySelector('header.site-header')).not.toBeNull();
    expect(doc.querySelector('footer.site-footer')).not.toBeNull();
    expect(doc.querySelector('nav[aria-label="Sections"]')).not.toBeNull();
    expect(doc.querySelector('[data-search-trigger]')?.getAttribute('href')).toBe('/search/');
    expect(doc.querySelector('[data-theme-toggle]')).not.toBeNull();
  });
});

describe('hostile article page', () => {
  it('escapes author text in HTML and JSON-LD so nothing breaks out of its element', () => {
    const hostile = page(out, 'articles/hostile-article/index.html');
    expect(text(hostile.querySelector('h1'))).toContain("</script><script>alert('title')</script>");
    const blocks = jsonLd(hostile);
    expect(blocks[0]!['headline']).toContain("</script><script>alert('title')</script>");
    const raw = hostile.documentElement.outerHTML;
    const ldSource = [...raw.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
    expect(ldSource).not.toMatch(/<\/?script/i);
    expect(ldSource).toContain('\\u003c/script\\u003e');
  });
});

describe('an article first published elsewhere', () => {
  it('points canonical, og:url and JSON-LD at its canonicalUrl', () => {
    const doc = page(out, 'articles/plain-markdown/index.html');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/original/kv-cache/');
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe('https://example.org/original/kv-cache/');
    expect(jsonLd(doc)[0]!['url']).toBe('https://example.org/original/kv-cache/');
  });
});
