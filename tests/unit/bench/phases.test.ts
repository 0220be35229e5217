import { describe, expect, it } from 'vitest';
import { duration, parsePhases, routeKind } from '../../../scripts/bench/phases.ts';

const log = (lines: [number, string][]) => lines.map(([at, text]) => ({ at, text }));

describe('bench phases from a build log', () => {
  it('reads Astro route times in all three formats', () => {
    expect(duration('12ms')).toBe(12);
    expect(duration('1.40s')).toBe(1400);
    expect(duration('2m 47s')).toBe(167_000);
    expect(duration('soon')).toBeNaN();
  });

  it('sorts routes into pages, cards and feeds', () => {
    expect(routeKind('/og/a.png')).toBe('cards');
    expect(routeKind('/tags/x/rss.xml')).toBe('feeds');
    expect(routeKind('/feed.json')).toBe('feeds');
    expect(routeKind('/articles/a/index.html')).toBe('pages');
    expect(routeKind('/robots.txt')).toBe('other');
  });

  it('derives phase times from line arrival and counts rendered and reused routes', () => {
    const phases = parsePhases(log([
      [100, '[content] Syncing content'],
      [900, '[build] Collecting build info...'],
      [1000, '[build] Building static entrypoints...'],
      [7000, ' generating static routes '],
      [7100, '  ├─ /articles/a/index.html (+80ms) '],
      [7200, '  ├─ /articles/b/index.html (restored)'],
      [7300, '  ├─ /og/a.png (+2m 1s) '],
      [7400, '  ├─ /og/b.png (cached)'],
      [7500, '  ├─ /rss.xml (+1.50s) '],
      [9000, '✓ Completed in 2s.'],
      [9500, '[broadsheet] wrote 3 pages to dist/'],
      [9900, '[broadsheet:fonts] subset to 100 characters'],
      [12000, '[broadsheet-pagefind] pagefind: indexed 2 pages in 1234 ms -> dist/pagefind/'],
    ]));
    expect(phases).toMatchObject({ content: 900, bundling: 6000, routes: 2000, fonts: 400, pagefind: 1234 });
    expect(phases.byKind.pages).toEqual({ ms: 80, rendered: 1, reused: 1 });
    expect(phases.byKind.cards).toEqual({ ms: 121_000, rendered: 1, reused: 1 });
    expect(phases.byKind.feeds).toEqual({ ms: 1500, rendered: 1, reused: 0 });
    expect(phases.images).toBeUndefined();
  });

  it('counts the cards a build copies after the routes', () => {
    const phases = parsePhases(log([
      [7000, ' generating static routes '],
      [9000, '✓ Completed in 2s.'],
      [9200, '07:39:56 [broadsheet:og] wrote 15 social cards to og/ in 42 ms'],
    ]));
    expect(phases.byKind.cards).toEqual({ ms: 42, rendered: 15, reused: 0 });
  });
});
