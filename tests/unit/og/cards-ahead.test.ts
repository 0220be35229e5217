/**
 * The parts that let cards render before Vite: the sources the early pass
 * fingerprints from disk are the ones the bundled og route embeds, the early
 * pass plans exactly the articles a production build shows, and the worker
 * pool reports a card that fails without stopping the others.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadContent } from '../../../src/lib/content/index.ts';
import site from '../../../src/site.config.ts';
import { BUNDLED_CARD_SOURCES } from '../../../src/data/og/bundled-sources.ts';
import { CARD_SOURCE_FILES, rendererFingerprint, sourcesOnDisk } from '../../../src/data/og/fingerprint.ts';
import { planCard } from '../../../src/data/og/plan.ts';
import { createCardPool } from '../../../src/data/og/pool.ts';
import { visibleCardSources } from '../../../src/integrations/social-cards.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/site/content');
const NOW = new Date('2026-11-30T00:00:00Z');

describe('the renderer fingerprint', () => {
  it('reads from disk the same sources, in the same order, that the og route embeds', () => {
    expect(BUNDLED_CARD_SOURCES).toHaveLength(CARD_SOURCE_FILES.length);
    expect(sourcesOnDisk(ROOT)).toEqual(BUNDLED_CARD_SOURCES);
    expect(rendererFingerprint(sourcesOnDisk(ROOT), ROOT)).toBe(rendererFingerprint(BUNDLED_CARD_SOURCES, ROOT));
  });

  it('covers every source of the card drawing code: all of src/lib/og and what render.ts imports from src/lib', () => {
    const og = readdirSync(path.join(ROOT, 'src/lib/og')).filter((f) => f.endsWith('.ts')).map((f) => `src/lib/og/${f}`);
    const render = readFileSync(path.join(ROOT, 'src/data/og/render.ts'), 'utf8');
    const imported = [...render.matchAll(/from '\.\.\/\.\.\/(lib\/[^']+\.ts)'/g)].map((m) => `src/${m[1]}`);
    expect(imported.length).toBeGreaterThan(3);
    for (const file of [...og, ...imported, 'src/data/og/render.ts']) expect(CARD_SOURCE_FILES, file).toContain(file);
  });

  it('changes when a source changes', () => {
    const edited = [...BUNDLED_CARD_SOURCES.slice(0, -1), `${BUNDLED_CARD_SOURCES.at(-1)}\n// edited`];
    expect(rendererFingerprint(edited, ROOT)).not.toBe(rendererFingerprint(BUNDLED_CARD_SOURCES, ROOT));
  });
});

describe('the cards planned before Vite', () => {
  it('covers the visible articles only, with the names and hero the pages show', async () => {
    const content = await loadContent(FIXTURE, { categories: site.categories.map((c) => c.slug), now: NOW, timeZone: site.timeZone });
    expect(content.problems).toEqual([]);
    const sources = visibleCardSources(content, NOW);
    const ids = sources.map((s) => s.id);
    expect(ids).not.toContain('draft-article');
    expect(ids).not.toContain('scheduled-article');
    expect(ids).toContain('plain-markdown');
    // Every article except the draft and the scheduled one, newest first.
    expect(ids).toHaveLength(content.articles.length - 2);
    expect(sources.map((s) => s.pubDate.getTime())).toEqual([...sources.map((s) => s.pubDate.getTime())].sort((a, b) => b - a));
    const full = sources.find((s) => s.id === 'full-feature')!;
    expect(full.title).toBe('Sparse experts reach a trillion parameters');
    expect(full.category).toBe('Models');
    expect(full.authors).toEqual(['Ada Quill', 'Bo Lindgren']);
    expect(full.heroPath).toBe(path.join(FIXTURE, 'articles/full-feature/hero.jpg'));
    expect(sources.find((s) => s.id === 'plain-markdown')!.heroPath).toBeUndefined();
  });
});

describe('the card worker pool', () => {
  it('writes each card into the cache, and fails only the card whose hero cannot be decoded', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pool-'));
    try {
      const hero = path.join(FIXTURE, 'articles/full-feature/hero.jpg');
      const broken = path.join(dir, 'broken.jpg');
      const bytes = readFileSync(hero);
      writeFileSync(broken, bytes.subarray(0, bytes.length >> 1));
      const base = { id: 'a', file: 'a.md', title: 'A card', category: 'Models', pubDate: NOW, authors: ['Ada Quill'] };
      const renderer = rendererFingerprint(sourcesOnDisk(ROOT), ROOT);
      const plans = await Promise.all([
        planCard({ ...base, heroPath: undefined }, renderer, dir),
        planCard({ ...base, id: 'b', heroPath: broken }, renderer, dir),
        planCard({ ...base, id: 'c', heroPath: hero }, renderer, dir),
      ]);
      const pool = createCardPool(ROOT, 2);
      const results = await Promise.allSettled(plans.map((p) => pool.render(p.job)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((results[1] as PromiseRejectedResult).reason)).toContain(`the hero image ${broken} could not be decoded (`);
      for (const plan of [plans[0]!, plans[2]!]) {
        expect(await sharp(plan.job.file).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
      }
      expect(existsSync(plans[1]!.job.file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
