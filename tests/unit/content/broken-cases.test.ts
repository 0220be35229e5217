/**
 * One broken-content fixture per case the pre-flight check must catch
 * (tests/fixtures/broken-cases): the exact report is pinned, so a changed
 * word is a deliberate change. The symlink cases point at tests/fixtures/outside.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { formatProblems, loadContent } from '../../../src/lib/content/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const categories = ['models', 'chips', 'business', 'policy', 'explainers'];
const now = new Date('2026-11-30T00:00:00Z');
const load = (fixture: string) => loadContent(path.join(ROOT, 'tests/fixtures', fixture, 'content'), { categories, cwd: ROOT, now });

describe('the pre-flight report over every broken case', () => {
  it('names each file, line, field, what was expected and what was found', async () => {
    const { problems } = await load('broken-cases');
    expect(formatProblems(problems).split('\n')).toEqual([
      'Broadsheet found 26 content problems in 24 files:',
      '',
      '  tests/fixtures/broken-cases/content/articles/absolute-hero.mdx',
      '    - 8:1 heroImage: expected an image file inside the content folder, as a path relative to this file, found "/etc/hostname.png" (an absolute path)',
      '',
      '  tests/fixtures/broken-cases/content/articles/body-image.md',
      '    - 12:1 (body image): expected an image file that exists, relative to this file, found "./nope.png" (no such file)',
      '',
      '  tests/fixtures/broken-cases/content/articles/broken-links.mdx',
      '    - 10:5 (body link): expected a link to an existing article, found "/articles/missing/" (no article "missing")',
      '    - 10:49 (body link): expected an anchor that exists, found "/articles/feb-30/#nowhere"',
      '    - 10:100 (body link): expected an anchor that exists (headings: #a-real-heading), found "#also-nowhere"',
      '',
      '  tests/fixtures/broken-cases/content/articles/capital-index/Index.mdx',
      '    - (file): expected an article folder with its text in index.md or index.mdx (lower case), found "Index.mdx" (it would never be published)',
      '',
      '  tests/fixtures/broken-cases/content/articles/empty-body.mdx',
      '    - 10:1 (body): expected article text below the frontmatter, found an empty body',
      '',
      '  tests/fixtures/broken-cases/content/articles/feb-30.md',
      '    - 4:1 pubDate: expected the publication date as a date and time that exist (month 01–12, a day in that month, time 00:00–23:59:59), found "2026-02-30T10:00:00Z"',
      '',
      '  tests/fixtures/broken-cases/content/articles/future-update.md',
      '    - 8:1 updatedDate: expected an update date not after the build clock (2026-11-30T00:00:00.000Z), found "2099-12-31"',
      '',
      '  tests/fixtures/broken-cases/content/articles/hero-folder/index.mdx',
      '    - 8:1 heroImage: expected an image file, found "./images" (a folder)',
      '',
      '  tests/fixtures/broken-cases/content/articles/hero-text/index.mdx',
      '    - 8:1 heroImage: expected an image of a supported type (.jpg .jpeg .png .webp .avif .gif .svg), found "./fake.jpg" (not a readable image)',
      '',
      '  tests/fixtures/broken-cases/content/articles/hour-24.md',
      '    - 4:1 pubDate: expected the publication date as a date and time that exist (month 01–12, a day in that month, time 00:00–23:59:59), found "2026-03-05T24:00"',
      '',
      '  tests/fixtures/broken-cases/content/articles/huge-hero/index.mdx',
      '    - 8:1 heroImage: expected an image of at most 50 megapixels, found "./huge.png" (8000×7000, 56.0 megapixels)',
      '',
      '  tests/fixtures/broken-cases/content/articles/linked-article.mdx',
      '    - (file): expected a file inside the content folder, found a symbolic link that resolves outside it',
      '',
      '  tests/fixtures/broken-cases/content/articles/linked-hero/index.mdx',
      '    - 8:1 heroImage: expected an image file inside the content folder, as a path relative to this file, found "./photo.png" (a symbolic link to a file outside the content folder)',
      '',
      '  tests/fixtures/broken-cases/content/articles/long-tag.mdx',
      '    - 7:1 tags[0]: expected a tag of at most 60 characters (it becomes a URL and a file name), found "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttt..."',
      '',
      '  tests/fixtures/broken-cases/content/articles/missing-import.mdx',
      '    - 12:1 (body): expected a component that is imported or built in (Callout, Figure, PullQuote, KeyHighlights), found <Chart>, which is neither',
      '',
      '  tests/fixtures/broken-cases/content/articles/nested/sub',
      '    - (file): expected articles one level deep: <slug>.mdx or <slug>/index.mdx, found a nested article folder (it would never be published)',
      '',
      '  tests/fixtures/broken-cases/content/articles/no-zone.md',
      '    - 4:1 pubDate: expected the publication date as a date-time with a zone (Z or an offset such as +01:00), as the site config sets no timeZone, found "2026-03-05T23:30:00"',
      '',
      '  tests/fixtures/broken-cases/content/articles/notes.txt',
      '    - (file): expected articles and their images, or a name starting with "_" to keep a file out of the build, found a stray file',
      '',
      '  tests/fixtures/broken-cases/content/articles/old-extension.markdown',
      '    - (file): expected an article file ending in .md or .mdx, in lower case (rename it to "old-extension.md"), found a file that would never be published',
      '',
      '  tests/fixtures/broken-cases/content/articles/script-in-prose.mdx',
      '    - 10:42 (body): expected valid MDX (escape < and { in prose as \\< and \\{), found Unexpected closing tag `</script>`, expected an open tag first',
      '',
      '  tests/fixtures/broken-cases/content/articles/ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss.mdx',
      '    - (file name): expected a slug of at most 80 characters (it becomes a URL and a file name), found 100 characters',
      '',
      '  tests/fixtures/broken-cases/content/articles/traversal-hero.mdx',
      '    - 8:1 heroImage: expected an image file inside the content folder, as a path relative to this file, found "../../../x.png" (it points outside the content folder)',
      '',
      '  tests/fixtures/broken-cases/content/articles/wrong-case.MD',
      '    - (file): expected an article file ending in .md or .mdx, in lower case (rename it to "wrong-case.md"), found a file that would never be published',
      '',
      '  tests/fixtures/broken-cases/content/articles/zero-width-title.mdx',
      '    - 2:1 title: expected a title of 1–140 visible characters, found "\\u200B"',

    ]);
  });

  it('publishes only what it could check, and keeps text that looks like a date as text', async () => {
    const { articles } = await load('broken-cases');
    const valid = articles.filter((a) => a.id.startsWith('valid-'));
    expect(valid.map((a) => a.id)).toEqual(['valid-date-like-title', 'valid-merge-and-control']);
    expect(valid[0]!.data.title).toBe('2026-03-01');
    // The YAML merge key fills the second source from the first.
    expect(valid[1]!.data.sources).toEqual([
      { title: 'First source', url: 'https://example.com/a', publisher: 'Example' },
      { title: 'Second source', url: 'https://example.com/a', publisher: 'Example' },
    ]);
    expect(articles.map((a) => a.id)).not.toContain('linked-article');
  });

  it('warns, without failing, about control characters in a body and missing tags or heroes', async () => {
    const { warnings } = await load('broken-cases');
    expect(formatProblems(warnings.filter((w) => w.file.endsWith('valid-merge-and-control.mdx')), 'warning')).toBe(
      [
        'Broadsheet found 2 warnings in 1 file:',
        '',
        '  tests/fixtures/broken-cases/content/articles/valid-merge-and-control.mdx',
        '    - 17:18 (body): expected text without control characters (they are removed from pages and feeds), found a control character',
        '    - heroImage: expected a hero image (cards and the social card look bare without one), found none',
      ].join('\n'),
    );
  });

  it('calls an articles folder with nothing but ignored files an empty publication', async () => {
    const { problems } = await load('empty');
    expect(formatProblems(problems)).toBe(
      [
        'Broadsheet found 1 content problem in 1 file:',
        '',
        '  tests/fixtures/empty/content/articles',
        '    - (folder): expected at least one article (<slug>.mdx or <slug>/index.mdx), found no articles',
      ].join('\n'),
    );
  });
});
