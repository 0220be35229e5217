/**
 * BROADSHEET_FEEDS=off builds the same fixture without a single feed file
 * (the switch docs/feeds.md uses to measure what feeds cost).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from '../support/build.ts';
import { walk } from './feeds-helpers.ts';

let result: BuildResult;
let files: string[];

beforeAll(() => {
  // Own folder per run, so concurrent test runs never share an output folder.
  result = buildFixture(`site-feeds-off-${process.pid}`, 'tests/fixtures/site/content', { BROADSHEET_FEEDS: 'off' });
  if (result.status !== 0) throw new Error(`build failed (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  files = walk(result.outDir);
});

afterAll(() => {
  if (result?.outDir) rmSync(result.outDir, { recursive: true, force: true });
});

describe('BROADSHEET_FEEDS=off', () => {
  it('writes no RSS or JSON feed', () => {
    expect(files.filter((f) => /(^|\/)(rss\.xml|feed\.json)$/.test(f))).toEqual([]);
  });

  it('still builds every page', () => {
    for (const page of ['index.html', 'articles/full-feature/index.html', 'category/models/index.html', 'tags/kv-cache/index.html', 'authors/ada-quill/index.html']) {
      expect(existsSync(path.join(result.outDir, page)), page).toBe(true);
    }
  });
});
