/**
 * The reader's side of the built fixture site (issue 13): what the pages,
 * feeds and /feeds/ page contain, read from the real files in dist/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { all, jsonLd, page, text } from '../support/dom.ts';
import { parseFeed, SITE_ORIGIN, type Node } from './feeds-helpers.ts';

const out = inject('siteOut');
const cardIds = (root: Document | Element) => all(root, 'article.card .title a').map((a) => a.getAttribute('href'));

describe('home page', () => {
  it('shows every story at most once (lead, side, Latest and section rows)', () => {
    const ids = cardIds(page(out, 'index.html'));
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not repeat the section name as a kicker in section rows', () => {
    const home = page(out, 'index.html');
    const rows = all(home, 'section[aria-labelledby^="section-"]');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(all(row, '.kicker')).toEqual([]);
  });
});

describe('cards', () => {
  it('name the authors and mark updated stories', () => {
    const home = page(out, 'index.html');
    const lead = home.querySelector('.card--lead')!;
    expect(text(lead.querySelector('.by'))).toBe('Ada Quill and Bo Lindgren');
    expect(text(lead.querySelector('.updated'))).toBe('Updated');
    expect(lead.querySelector('.updated time')?.getAttribute('datetime')).toBe('2026-03-12T09:30:00.000Z');
    // A story without updatedDate has no mark.
    const plain = all(home, 'article.card').find((c) => c.querySelector('.title a')?.getAttribute('href') === '/articles/plain-markdown/')!;
    expect(plain.querySelector('.updated')).toBeNull();
  });

  it('in the archive list too: authors, and Updated with its date', () => {
    const archive = page(out, 'archive/index.html');
    const item = all(archive, 'li').find((li) => li.querySelector('a')?.getAttribute('href') === '/articles/full-feature/')!;
    expect(text(item.querySelector('.by'))).toBe('Ada Quill, Bo Lindgren · Updated March 12, 2026');
    const plain = all(archive, 'li').find((li) => li.querySelector('a')?.getAttribute('href') === '/articles/plain-markdown/')!;
    expect(plain.querySelector('.updated')).toBeNull();
  });

  it('give a story without a hero a typeset panel of the same shape', () => {
    const home = page(out, 'index.html');
    const plain = all(home, 'article.card').find((c) => c.querySelector('.title a')?.getAttribute('href') === '/articles/plain-markdown/')!;
    expect(plain.classList.contains('card--text')).toBe(true);
    expect(text(plain.querySelector('.media--text'))).toBe('Explainers');
    expect(plain.querySelector('.media--text')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('section front', () => {
  it('opens page 1 of a category with a lead story and a secondary row, then the rest', () => {
    const chips = page(out, 'category/chips/index.html');
    const front = chips.querySelector('section.front')!;
    expect(front.querySelectorAll('.card--lead').length).toBe(1);
    expect(front.querySelectorAll('.secondary > .card').length).toBe(3);
    expect(text(chips.querySelector('#more-title'))).toBe('More in Chips & Compute');
    const ids = cardIds(chips);
    expect(ids.length).toBe(12);
    expect(new Set(ids).size).toBe(12);
    // Page 2 stays a plain grid.
    expect(page(out, 'category/chips/2/index.html').querySelector('section.front')).toBeNull();
  });
});

describe('article end', () => {
  const doc = page(out, 'articles/chip-note-05/index.html');

  it('lists More in <section>: four newest in the category, without itself or the related picks', () => {
    const more = doc.querySelector('section.more')!;
    expect(text(more.querySelector('h2'))).toBe('More in Chips & Compute');
    const ids = cardIds(more);
    expect(ids.length).toBe(4);
    const related = cardIds(doc.querySelector('section.related') ?? doc.createElement('div'));
    expect(ids).not.toContain('/articles/chip-note-05/');
    for (const id of ids) expect(related).not.toContain(id);
  });

  it('links the previous (older) and next (newer) stories in the section', () => {
    expect(doc.querySelector('.pager a[rel="prev"]')?.getAttribute('href')).toBe('/articles/chip-note-04/');
    expect(doc.querySelector('.pager a[rel="next"]')?.getAttribute('href')).toBe('/articles/chip-note-06/');
  });

  it('offers the feeds as "Subscribe" while the newsletter is off (the default)', () => {
    const block = doc.querySelector('section.subscribe')!;
    expect(text(block.querySelector('h2'))).toBe('Subscribe');
    expect(block.querySelector('form')).toBeNull();
    expect(all(block, 'a').map((a) => a.getAttribute('href'))).toEqual(['/feeds/', '/rss.xml', '/feed.json']);
  });
});

describe('hero caption and credit', () => {
  const doc = page(out, 'articles/full-feature/index.html');

  it('shows both under the hero', () => {
    const caption = doc.querySelector('figure.hero figcaption')!;
    expect(text(caption.querySelector('.caption'))).toBe('Fixture caption: squares in a grid');
    expect(text(caption.querySelector('.credit'))).toBe('Photo: Fixture Studio');
  });

  it('puts them on the hero ImageObject in JSON-LD', () => {
    const article = jsonLd(doc).find((d) => d['@type'] === 'NewsArticle')!;
    const hero = (article['image'] as unknown[]).at(-1) as Record<string, string>;
    expect(hero).toMatchObject({ '@type': 'ImageObject', caption: 'Fixture caption: squares in a grid', creditText: 'Photo: Fixture Studio' });
    expect(hero['url']).toMatch(/^https:\/\//);
  });

  it('sizes the hero for the 64rem column it renders in', () => {
    const sources = all(doc, 'figure.hero source');
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.getAttribute('sizes')).toBe('(min-width: 68rem) 64rem, 100vw');
  });
});

describe('figures', () => {
  const doc = page(out, 'articles/full-feature/index.html');
  const figure = doc.querySelector('figure.figure--themed')!;

  it('serve responsive light and dark sources and link the full-size file', () => {
    const light = figure.querySelector('picture.figure-light')!;
    const dark = figure.querySelector('picture.figure-dark')!;
    for (const picture of [light, dark]) {
      const srcset = picture.querySelector('source')!.getAttribute('srcset')!;
      expect(srcset.split(',').length).toBeGreaterThan(1);
      expect(picture.querySelector('img')!.getAttribute('alt')).toBe('Bar chart of parameter counts');
      expect(picture.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    }
    const full = figure.querySelector('figcaption a.figure-light')!.getAttribute('href')!;
    expect(full).toMatch(/^\/_astro\/chart\..*\.png$/);
    expect(text(figure.querySelector('.dims'))).toBe('(800 × 400)');
  });
});

describe('tables', () => {
  it('mark numeric cells only, so text cells keep proportional figures', () => {
    const doc = page(out, 'articles/full-feature/index.html');
    const [first, wide] = all(doc, '.table-scroll');
    const numeric = (table: Element) => all(table, 'tbody tr').map((tr) => all(tr, 'td').map((td) => td.classList.contains('num')));
    expect(numeric(first!)).toEqual([[false, true, true, true], [false, true, true, true]]);
    // "128K tokens" is text; "DeepSeek-V3 (published)" is a header, never numeric.
    expect(numeric(wide!)).toEqual([[false, true, true, true, true], [false, true, true, true, true], [false, false, false, false, false]]);
  });
});

describe('full-content feeds carry the attribution', () => {
  const FULL = `${SITE_ORIGIN}/articles/full-feature/`;
  const item = parseFeed(out, 'rss.xml').items.find((i: Node) => i['link'] === FULL)!;
  const json = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as { items: { url: string; content_html: string }[] };

  for (const [format, html] of [['RSS content:encoded', String(item['content:encoded'])], ['JSON Feed content_html', json.items.find((i) => i.url === FULL)!.content_html]] as const) {
    it(`${format}: Key highlights, the hero credit, and Sources with their links`, () => {
      const doc = parseHTML(`<!doctype html><body>${html}</body>`).document;
      expect(all(doc.querySelector('aside')!, 'li').map(text)).toEqual(['First highlight about routing experts', 'Second highlight about the KV cache', 'Third highlight about licensing']);
      expect(text(doc.querySelector('figure figcaption small'))).toBe('Photo: Fixture Studio');
      const sources = all(doc, 'h2 + ol a').map((a) => a.getAttribute('href'));
      expect(sources).toEqual(['https://arxiv.org/abs/2412.19437', 'https://arxiv.org/abs/2101.03961', 'https://www.apache.org/licenses/LICENSE-2.0']);
      // Sources come after the body, highlights before it.
      expect(html.indexOf('Key highlights')).toBeLessThan(html.indexOf('How routing works'));
      expect(html.lastIndexOf('Sources')).toBeGreaterThan(html.indexOf('What comes next'));
    });
  }
});

describe('/feeds/', () => {
  const doc = page(out, 'feeds/index.html');

  it('lists every feed with its absolute address, a copy button and reader links', () => {
    const addresses = all(doc, '.feed input[readonly]').map((i) => i.getAttribute('value'));
    expect(addresses).toContain(`${SITE_ORIGIN}/rss.xml`);
    expect(addresses).toContain(`${SITE_ORIGIN}/feed.json`);
    expect(addresses).toContain(`${SITE_ORIGIN}/category/models/rss.xml`);
    expect(addresses).toContain(`${SITE_ORIGIN}/authors/ada-quill/rss.xml`);
    expect(addresses).toContain(`${SITE_ORIGIN}/tags/moe/rss.xml`);
    expect(addresses.length).toBe(2 + 5 + 3 + 6);
    const first = doc.querySelector('.feed')!;
    expect(first.querySelector('button[data-copy]')?.hasAttribute('hidden')).toBe(true);
    expect(all(first, '.readers a').map((a) => a.getAttribute('href'))).toContain(`https://feedly.com/i/subscription/feed/${encodeURIComponent(`${SITE_ORIGIN}/rss.xml`)}`);
    for (const input of all(doc, '.feed input')) expect(doc.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
  });

  it('is linked from the footer, and no feed needs XSLT', () => {
    expect(page(out, 'index.html').querySelector('.site-footer a[href="/feeds/"]')).not.toBeNull();
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).not.toContain('xml-stylesheet');
  });
});
