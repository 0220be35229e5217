import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ContentError, formatProblems, loadContent, loadValidContent } from '../../../src/lib/content/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const categories = ['models', 'chips', 'business', 'policy', 'explainers'];
const broken = () => loadContent(path.join(ROOT, 'tests/fixtures/broken/content'), { categories, cwd: ROOT });

describe('loadContent on the broken fixture', () => {
  it('reports every problem of every file at once, with file and field', () => {
    const lines = broken().problems.map((p) => `${p.file} | ${p.field}: expected ${p.expected}, found ${p.found}`);
    const dir = 'tests/fixtures/broken/content';
    expect(lines).toEqual([
      `${dir}/articles/Bad Name.md | tags[1]: expected a tag with at least one letter or digit, found "  "`,
      `${dir}/articles/Bad Name.md | (file name): expected a lower-case slug of letters, digits and hyphens, such as "deepseek-v4-launch" (it becomes the URL), found "Bad Name"`,
      `${dir}/articles/bad-yaml.md | (frontmatter): expected YAML frontmatter between --- lines, found invalid YAML at line 4: unexpected end of the stream within a double quoted scalar`,
      `${dir}/articles/good-article.mdx | (slug): expected a slug used by one article only, found "good-article", also used by ${dir}/articles/good-article.md`,
      `${dir}/articles/missing-image/index.mdx | heroAlt: expected alt text for the hero image (required when heroImage is set), found nothing`,
      `${dir}/articles/missing-image/index.mdx | updatedDate: expected an update date on or after pubDate, found "2026-01-01"`,
      `${dir}/articles/missing-image/index.mdx | heroImage: expected an image file that exists, relative to this file, found "./nope.jpg" (no such file)`,
      `${dir}/articles/typo-fields.mdx | title: expected a title of 1–140 characters, found "" (0 characters)`,
      `${dir}/articles/typo-fields.mdx | description: expected a dek (description) of 1–300 characters, found nothing`,
      `${dir}/articles/typo-fields.mdx | pubDate: expected the publication date as a date and time that exist (month 01–12, a day in that month, time 00:00–23:59:59), found "2026-13-45"`,
      `${dir}/articles/typo-fields.mdx | sources[0].url: expected the source link as an absolute http(s) URL, found "/not/absolute"`,
      `${dir}/articles/typo-fields.mdx | descripton: expected a known field (did you mean "description"?), found an unknown field`,
      `${dir}/articles/typo-fields.mdx | author: expected an author defined in content/authors (did you mean "real-author"?), found "real-autor"`,
      `${dir}/articles/typo-fields.mdx | category: expected one of the site's categories: models, chips, business, policy, explainers (did you mean "models"?), found "modles"`,
      `${dir}/articles/typo-fields.mdx | related: expected slugs of existing articles (did you mean "good-article"?), found "good-artcle"`,
      `${dir}/authors/real-author.md | avatar: expected an image file that exists, relative to this file, found "./no-such-avatar.jpg" (no such file)`,
    ]);
  });

  it('keeps the valid articles it could read', () => {
    expect(broken().articles.map((a) => a.id)).toEqual(['good-article', 'good-article']);
  });

  it('fails loudly on a content folder that does not exist', () => {
    const content = loadContent(path.join(ROOT, 'tests/fixtures/no-such-folder'), { categories, cwd: ROOT });
    expect(content.problems.map((p) => `${p.file} | ${p.field}: expected ${p.expected}, found ${p.found}`)).toEqual([
      'tests/fixtures/no-such-folder/articles | (folder): expected a content folder with articles/ and authors/ inside, found no such folder',
      'tests/fixtures/no-such-folder/authors | (folder): expected a content folder with articles/ and authors/ inside, found no such folder',
    ]);
  });

  it('formats one report grouped by file', () => {
    const report = formatProblems(broken().problems);
    expect(report.split('\n')[0]).toBe('Broadsheet found 16 content problems in 6 files:');
    expect(report).toContain('\n  tests/fixtures/broken/content/articles/typo-fields.mdx\n    - title: expected a title of 1–140 characters, found "" (0 characters)');
  });

  it('loadValidContent throws a ContentError carrying the problems', () => {
    expect(() => loadValidContent(path.join(ROOT, 'tests/fixtures/broken/content'), { categories, cwd: ROOT })).toThrow(ContentError);
  });
});

describe('loadContent on the valid fixture', () => {
  it('loads folder and flat articles with slugs from their names', () => {
    const content = loadContent(path.join(ROOT, 'tests/fixtures/site/content'), { categories, cwd: ROOT });
    expect(content.problems).toEqual([]);
    const ids = content.articles.map((a) => a.id);
    expect(ids).toContain('full-feature');
    expect(ids).toContain('plain-markdown');
    expect(content.authors.map((a) => a.id)).toEqual(['ada-quill', 'bo-lindgren', 'cy-okoye']);
  });
});
