import { describe, expect, it } from 'vitest';
import { articleSchema, authorSchema, issuesToProblems, ARTICLE_KEYS } from '../../../src/lib/content/index.ts';

const valid = {
  title: 'A headline',
  description: 'A dek.',
  pubDate: '2026-04-24',
  author: 'maya-chen',
  category: 'models',
};

function problemsOf(data: Record<string, unknown>, schema: typeof articleSchema | typeof authorSchema = articleSchema) {
  const result = schema.safeParse(data);
  return result.success ? [] : issuesToProblems('a.mdx', data, result.error.issues, schema).map((p) => `${p.field}: expected ${p.expected}, found ${p.found}`);
}

describe('article schema', () => {
  it('accepts a minimal article and fills defaults', () => {
    const parsed = articleSchema.parse(valid);
    expect(parsed).toMatchObject({ author: ['maya-chen'], tags: [], highlights: [], sources: [], draft: false, featured: false, related: [] });
  });

  it('accepts the full set of fields, co-authors and ISO date strings', () => {
    const parsed = articleSchema.parse({
      ...valid,
      pubDate: '2026-04-24T08:00:00Z',
      updatedDate: '2026-04-25',
      author: ['maya-chen', 'daniel-okafor'],
      tags: ['MoE', ' moe ', 'KV Cache', 'Open Weights'],
      heroImage: './hero.jpg',
      heroAlt: 'A chip',
      highlights: ['One', 'Two'],
      sources: [{ title: 'Report', url: 'https://arxiv.org/abs/2412.19437', publisher: 'arXiv' }],
      draft: true,
      featured: true,
      canonicalUrl: 'https://example.com/original',
      related: ['other-article'],
    });
    expect(parsed.tags).toEqual(['moe', 'kv-cache', 'open-weights']);
    expect(parsed.pubDate.toISOString()).toBe('2026-04-24T08:00:00.000Z');
    expect(parsed.author).toEqual(['maya-chen', 'daniel-okafor']);
  });

  it('reports a missing title and an over-long dek with what was found', () => {
    expect(problemsOf({ ...valid, title: undefined, description: 'x'.repeat(301) })).toEqual([
      'title: expected a title of 1–140 characters, found nothing',
      'description: expected a dek (description) of 1–300 characters, found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." (301 characters)',
    ]);
  });

  it('rejects an empty title and a title over 140 characters', () => {
    expect(problemsOf({ ...valid, title: '' })).toEqual(['title: expected a title of 1–140 characters, found "" (0 characters)']);
    expect(problemsOf({ ...valid, title: 't'.repeat(141) })).toHaveLength(1);
    expect(problemsOf({ ...valid, title: 't'.repeat(140) })).toEqual([]);
  });

  it('suggests the closest known key for an unknown one', () => {
    expect(problemsOf({ ...valid, descripton: 'typo' })).toEqual(['descripton: expected a known field (did you mean "description"?), found an unknown field']);
    expect(problemsOf({ ...valid, heroimage: './x.jpg' })).toEqual(['heroimage: expected a known field (did you mean "heroImage"?), found an unknown field']);
  });

  it('lists the known keys when nothing is close', () => {
    const [problem] = problemsOf({ ...valid, zzzzzzzz: 1 });
    expect(problem).toBe(`zzzzzzzz: expected one of the known fields: ${ARTICLE_KEYS.join(', ')}, found an unknown field`);
  });

  it('rejects invalid dates and an update before publication', () => {
    expect(problemsOf({ ...valid, pubDate: 'last tuesday' })).toEqual([
      'pubDate: expected the publication date as YYYY-MM-DD or a date-time with a zone, such as 2026-03-05T09:30:00Z or 2026-03-05T09:30:00+01:00, found "last tuesday"',
    ]);
    expect(problemsOf({ ...valid, updatedDate: '2026-01-01' })).toEqual(['updatedDate: expected an update date on or after pubDate, found "2026-01-01"']);
  });

  it('requires heroAlt when heroImage is set', () => {
    expect(problemsOf({ ...valid, heroImage: './hero.jpg' })).toEqual(['heroAlt: expected alt text for the hero image (required when heroImage is set), found nothing']);
  });

  it('requires absolute http(s) source URLs and names the list position', () => {
    expect(problemsOf({ ...valid, sources: [{ title: 'Paper', url: '/relative' }, { title: 'FTP', url: 'ftp://x.org/a' }] })).toEqual([
      'sources[0].url: expected the source link as an absolute http(s) URL, found "/relative"',
      'sources[1].url: expected the source link as an absolute http(s) URL, found "ftp://x.org/a"',
    ]);
    expect(problemsOf({ ...valid, sources: [{ title: 'Paper', url: 'https://x.org', pubisher: 'X' }] })).toEqual([
      'sources[0].pubisher: expected a known field (did you mean "publisher"?), found an unknown field',
    ]);
  });

  it('rejects a non-boolean draft, a wrong author type and a bad canonical URL', () => {
    expect(problemsOf({ ...valid, draft: 'yes', author: 42, canonicalUrl: 'example.com' })).toEqual([
      'author: expected an author id or a list of author ids, found number 42',
      'draft: expected true or false, found "yes"',
      'canonicalUrl: expected the canonical URL as an absolute http(s) URL, found "example.com"',
    ]);
  });

  it('rejects blank titles and empty tags, and names a co-author once', () => {
    expect(problemsOf({ ...valid, title: '   ', tags: ['moe', ' ', '!!!'] })).toEqual([
      'title: expected a title of 1–140 characters, found "   " (3 characters)',
      'tags[1]: expected a tag with at least one letter or digit, found " "',
      'tags[2]: expected a tag with at least one letter or digit, found "!!!"',
    ]);
    expect(articleSchema.parse({ ...valid, author: ['maya-chen', 'maya-chen', 'daniel-okafor'] }).author).toEqual(['maya-chen', 'daniel-okafor']);
    expect(problemsOf({ ...valid, author: [] })).toEqual(['author: expected an author id or a list of author ids, found a list of 0']);
  });

  it('strips control characters from titles and deks', () => {
    const parsed = articleSchema.parse({ ...valid, title: 'Bad\u0001 title\u000B', description: 'Dek\u0007' });
    expect(parsed.title).toBe('Bad title');
    expect(parsed.description).toBe('Dek');
  });
});

describe('author schema', () => {
  it('accepts a full author', () => {
    const parsed = authorSchema.parse({ name: 'Maya Chen', role: 'Reporter', bio: 'Short.', avatar: './m.jpg', links: { website: 'https://example.com', email: 'm@example.com' } });
    expect(parsed.links.email).toBe('m@example.com');
  });

  it('requires a name and validates links', () => {
    expect(problemsOf({ links: { x: 'not a url', email: 'nope', myspace: 'https://x.com' } }, authorSchema)).toEqual([
      'name: expected a name (text), found nothing',
      'links.x: expected an X profile as an absolute http(s) URL, found "not a url"',
      'links.email: expected an email address, found "nope"',
      'links.myspace: expected one of the known fields: website, x, github, linkedin, mastodon, email, found an unknown field',
    ]);
  });
});
