import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { all, page } from '../support/dom.ts';
import { ROOT } from '../support/build.ts';

const out = inject('siteOut');
const cards = (slug: string) => all(page(out, `articles/${slug}/index.html`), 'section.related article.card .title a').map((a) => a.getAttribute('href'));

function related(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/related.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BROADSHEET_NOW: '2026-11-30T00:00:00Z' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('related cards on the fixture site', () => {
  it('keep an older page to older articles (newer: exclude, the default), filling with labelled fallbacks', () => {
    // its topical neighbour full-feature is newer, so it is not suggested here (see related-cli.test.ts)
    expect(cards('plain-markdown')).toEqual(['/articles/hostile-article/', '/articles/chip-note-11/', '/articles/chip-note-10/']);
  });
  it('put frontmatter pins first', () => {
    expect(cards('full-feature')[0]).toBe('/articles/plain-markdown/');
  });
  it('show neighbours from the same topic for articles that have them', () => {
    const picks = cards('chip-note-05');
    expect(picks).toHaveLength(3);
    for (const href of picks) expect(href).toMatch(/^\/articles\/chip-note-\d+\/$/);
  });
  it('match what the command line prints for the same content', () => {
    const json = JSON.parse(related('--content', 'tests/fixtures/site/content', '--json').stdout) as Record<string, { id: string }[]>;
    for (const slug of ['plain-markdown', 'full-feature', 'chip-note-05', 'hostile-article']) {
      expect(cards(slug)).toEqual(json[slug]!.map((p) => `/articles/${p.id}/`));
    }
  });
});

describe('npm run related', () => {
  it('--json prints exactly { slug: [{ id, score, reasons }] } for every published article', () => {
    const result = related('--content', 'tests/fixtures/site/content', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, { id: string; score: number; reasons: { signal: string; value: number; detail: string }[] }[]>;
    expect(Object.keys(json)).toContain('full-feature');
    expect(Object.keys(json)).not.toContain('draft-article');
    expect(Object.keys(json)).not.toContain('scheduled-article');
    for (const picks of Object.values(json)) {
      expect(picks).toHaveLength(3);
      for (const pick of picks) {
        expect(Object.keys(pick)).toEqual(['id', 'score', 'reasons']);
        expect(typeof pick.score).toBe('number');
        expect(['draft-article', 'scheduled-article']).not.toContain(pick.id);
      }
    }
  });
  it('--k changes the number of picks and output is byte-identical across runs', () => {
    const a = related('--content', 'tests/fixtures/site/content', '--json', '--k', '2').stdout;
    const b = related('--content', 'tests/fixtures/site/content', '--json', '--k', '2').stdout;
    expect(a).toBe(b);
    expect(Object.values(JSON.parse(a) as Record<string, unknown[]>).every((p) => p.length === 2)).toBe(true);
  });
  it('--explain shows the picks with scores and the reasons', () => {
    const lines = related('--content', 'tests/fixtures/site/content', '--explain', 'chip-note-05').stdout.trim().split('\n');
    expect(lines[0]).toBe('related for "chip-note-05" (k=3)');
    expect(lines[1]).toMatch(/^top terms: chip \d\.\d{4}, note \d\.\d{4}/);
    expect(lines[2]).toMatch(/^1\. chip-note-04 {2}score 1\.\d{4}$/);
    expect(lines.slice(3, 7).map((l) => l.trim().split(' ')[1])).toEqual(['text', 'tags', 'category', 'recency']);
    expect(lines[4]).toContain('shared tag "chip-notes"');
    expect(lines[5]).toContain('same category "chips" (relevance x 1.10)');
  });
  it('reports invalid content with the same errors as the build', () => {
    const result = related('--content', 'tests/fixtures/broken/content');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Broadsheet found 17 content problems in 6 files:');
    expect(result.stderr).toContain('    - 3:1 descripton: expected a known field (did you mean "description"?), found an unknown field');
  });
  it('rejects an unknown slug and a bad --k', () => {
    expect(related('--content', 'tests/fixtures/site/content', '--explain', 'nope').stderr).toContain('no article "nope"');
    expect(related('--content', 'tests/fixtures/site/content', '--k', 'x').stderr).toContain('--k must be a whole number, found "x"');
  });
});
