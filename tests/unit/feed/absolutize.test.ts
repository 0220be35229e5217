import { describe, expect, it } from 'vitest';
import { absolutizeHtml, absolutizeSrcset, absolutizeUrl } from '../../../src/lib/feed/absolutize.ts';

const ARTICLE = 'https://broadsheet.example.com/news/2026/story/';

describe('absolutizeUrl', () => {
  it.each([
    ['/images/a.png', 'https://broadsheet.example.com/images/a.png'],
    ['./diagram.svg', 'https://broadsheet.example.com/news/2026/story/diagram.svg'],
    ['diagram.svg', 'https://broadsheet.example.com/news/2026/story/diagram.svg'],
    ['../other/', 'https://broadsheet.example.com/news/2026/other/'],
    ['#section-2', 'https://broadsheet.example.com/news/2026/story/#section-2'],
    ['?page=2', 'https://broadsheet.example.com/news/2026/story/?page=2'],
    ['//cdn.example.net/x.js', 'https://cdn.example.net/x.js'],
  ])('%s resolves against the article', (input, expected) => {
    expect(absolutizeUrl(input, ARTICLE)).toBe(expected);
  });

  it.each(['https://example.org/A?b=1', 'HTTP://Example.org', 'mailto:tips@example.com', 'tel:+44 1234'])(
    'leaves %s exactly as written',
    (input) => {
      expect(absolutizeUrl(input, ARTICLE)).toBe(input);
    },
  );

  it('returns undefined for something that is not a URL', () => {
    expect(absolutizeUrl('http://[bad', ARTICLE)).toBe('http://[bad'); // has a scheme: untouched
    expect(absolutizeUrl('//[bad', ARTICLE)).toBeUndefined();
  });
});

describe('absolutizeSrcset', () => {
  it('rewrites every candidate and keeps descriptors', () => {
    expect(absolutizeSrcset('a.jpg 1x,/b.jpg 2x', ARTICLE)).toBe(
      'https://broadsheet.example.com/news/2026/story/a.jpg 1x, https://broadsheet.example.com/b.jpg 2x',
    );
  });

  it('keeps commas that are part of a URL', () => {
    expect(absolutizeSrcset('/img/w_400,h_200/x.jpg 400w, /img/w_800,h_400/x.jpg 800w', ARTICLE)).toBe(
      'https://broadsheet.example.com/img/w_400,h_200/x.jpg 400w, https://broadsheet.example.com/img/w_800,h_400/x.jpg 800w',
    );
  });

  it('handles a candidate without descriptor followed by a comma', () => {
    expect(absolutizeSrcset('a.jpg, b.jpg 2x', ARTICLE)).toBe(
      'https://broadsheet.example.com/news/2026/story/a.jpg, https://broadsheet.example.com/news/2026/story/b.jpg 2x',
    );
  });
});

describe('absolutizeHtml', () => {
  const html = [
    '<p><a href="/about/">root</a> <a href="./notes/">dot</a> <a href="notes.html">bare</a>',
    '<a href="#fn-1">fragment</a> <a href="mailto:a@example.com">mail</a> <a href="tel:+15551234">tel</a>',
    '<a href="https://example.org/x?a=1&amp;b=2">abs</a></p>',
    '<img src="/i/a.jpg" srcset="/i/a.jpg 1x, i/a@2x.jpg 2x" alt="A">',
    '<video poster="poster.jpg" src="/v/clip.mp4"></video>',
  ].join('');
  const out = absolutizeHtml(html, ARTICLE);

  it('makes href, src, srcset and poster absolute', () => {
    expect(out).toContain('href="https://broadsheet.example.com/about/"');
    expect(out).toContain('href="https://broadsheet.example.com/news/2026/story/notes/"');
    expect(out).toContain('href="https://broadsheet.example.com/news/2026/story/notes.html"');
    expect(out).toContain('src="https://broadsheet.example.com/i/a.jpg"');
    expect(out).toContain(
      'srcset="https://broadsheet.example.com/i/a.jpg 1x, https://broadsheet.example.com/news/2026/story/i/a@2x.jpg 2x"',
    );
    expect(out).toContain('poster="https://broadsheet.example.com/news/2026/story/poster.jpg"');
    expect(out).toContain('src="https://broadsheet.example.com/v/clip.mp4"');
  });

  it('points fragment-only links at the article', () => {
    expect(out).toContain('href="https://broadsheet.example.com/news/2026/story/#fn-1"');
  });

  it('leaves mailto:, tel: and absolute URLs unchanged', () => {
    expect(out).toContain('href="mailto:a@example.com"');
    expect(out).toContain('href="tel:+15551234"');
    expect(out).toContain('href="https://example.org/x?a=1&amp;b=2"');
  });

  it('leaves no relative URL-bearing attribute behind', () => {
    const urls = [...out.matchAll(/\s(?:href|src|poster)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBe(10);
    for (const url of urls) expect(url).toMatch(/^(https:\/\/|mailto:|tel:)/);
  });
});
