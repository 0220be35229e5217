/**
 * Cards rendered ahead of the pages (src/integrations/social-cards.ts) must be
 * the cards the og route would render itself: build the fixture from a cold
 * card cache with the early pass and without it, and compare every card byte
 * for byte. A card that cannot be rendered fails the build with its article's file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildFixture, OUTPUT, ROOT, type BuildResult } from '../support/build.ts';
import { cacheDirFor } from '../../src/data/content-loader.ts';

const base = path.join(OUTPUT, `cards-ahead-${process.pid}`);
const content = path.join(base, 'content');
const cache = path.resolve(ROOT, cacheDirFor(content));
const summary = (log: string) => /\[broadsheet:og\] (\d+) social cards: (\d+) rendered ahead of the pages, (\d+) from the cache, (\d+) rendered now/.exec(log)?.slice(1).map(Number);

let ahead: BuildResult;
let inRoute: BuildResult;
let broken: BuildResult;

beforeAll(() => {
  rmSync(base, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'tests/fixtures/site/content'), content, { recursive: true });
  rmSync(cache, { recursive: true, force: true });
  ahead = buildFixture(`cards-ahead-${process.pid}/ahead`, content);
  rmSync(cache, { recursive: true, force: true });
  inRoute = buildFixture(`cards-ahead-${process.pid}/in-route`, content, { BROADSHEET_CARDS_AHEAD: '0' });
  // Half a JPEG: its header passes the content check, decoding it fails.
  const hero = path.join(content, 'articles/full-feature/hero.jpg');
  const bytes = readFileSync(hero);
  writeFileSync(hero, bytes.subarray(0, bytes.length >> 1));
  rmSync(cache, { recursive: true, force: true });
  broken = buildFixture(`cards-ahead-${process.pid}/broken`, content);
}, 900_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe('social cards rendered ahead of the pages', () => {
  it('renders every card ahead when the cache is cold, and none in the og route', () => {
    expect(ahead.status, ahead.stderr.slice(-2000)).toBe(0);
    expect(ahead.stdout).toMatch(/\[broadsheet:og\] 16 social cards planned in \d+ ms: 16 to render ahead of the pages, 0 cached/);
    expect(summary(ahead.stdout)).toEqual([16, 16, 0, 0]);
  });

  it('writes the same PNG files, byte for byte, as a build that renders them in the og route', () => {
    expect(inRoute.status, inRoute.stderr.slice(-2000)).toBe(0);
    expect(inRoute.stdout).not.toContain('to render ahead of the pages');
    expect(summary(inRoute.stdout)).toEqual([16, 0, 0, 16]);
    const cards = (out: string) => readdirSync(path.join(out, 'og')).sort();
    expect(cards(ahead.outDir)).toHaveLength(16);
    expect(cards(inRoute.outDir)).toEqual(cards(ahead.outDir));
    const differing = cards(ahead.outDir).filter((f) => !readFileSync(path.join(ahead.outDir, 'og', f)).equals(readFileSync(path.join(inRoute.outDir, 'og', f))));
    expect(differing).toEqual([]);
  });

  it('fails the build, naming the article, when a card cannot be rendered', () => {
    const output = broken.stdout + broken.stderr;
    expect(broken.status).toBe(1);
    // The build's closing report (after Astro's own log of the failed route) names the file and the reason.
    expect(output).toMatch(/\nError: tests\/\.output\/cards-ahead-\d+\/content\/articles\/full-feature\/index\.mdx: its social card could not be rendered: the hero image \/\S+\/articles\/full-feature\/hero\.jpg could not be decoded \(.+\)\n/);
  });
});
