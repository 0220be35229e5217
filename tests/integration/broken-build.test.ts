import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildFixture } from '../support/build.ts';

describe('a build over broken content', () => {
  const result = buildFixture(`broken-${process.pid}`, 'tests/fixtures/broken/content');
  const output = result.stdout + result.stderr;

  it('fails and writes no site', () => {
    expect(result.status).toBe(1);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });

  it('names every file and field with expected and found, in one report', () => {
    expect(output).toContain('Broadsheet found 17 content problems in 6 files:');
    expect(output).toContain(
      '  tests/fixtures/broken/content/articles/typo-fields.mdx\n' +
        '    - 2:1 title: expected a title of 1–140 visible characters, found ""\n' +
        '    - description: expected a dek (description) of 1–300 visible characters, found nothing\n',
    );
    expect(output).toContain('    - 3:1 descripton: expected a known field (did you mean "description"?), found an unknown field\n');
    expect(output).toContain('    - 5:1 author: expected an author defined in content/authors (did you mean "real-author"?), found "real-autor"\n');
    expect(output).toContain('  tests/fixtures/broken/content/articles/missing-image/index.mdx\n');
    expect(output).toContain('    - 8:1 heroImage: expected an image file that exists, relative to this file, found "./nope.jpg" (no such file)\n');
    expect(output).toContain('    - (slug): expected a slug used by one article only, found "good-article", also used by tests/fixtures/broken/content/articles/good-article.md\n');
  });

  it('shows the report, not a stack trace', () => {
    expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  });
});
