import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { articleSource, localDate } from '../../../src/lib/scaffold/article.ts';
import { authorSource } from '../../../src/lib/scaffold/author.ts';
import { menu, pickChoice, unknownChoice } from '../../../src/lib/scaffold/choices.ts';
import { fileSlug } from '../../../src/lib/scaffold/slug.ts';
import { draftQueue } from '../../../src/lib/content/drafts.ts';
import { appearanceStyle, footerText, preloadsFor } from '../../../src/lib/config/appearance.ts';

const front = (source: string) => yaml.load(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as Record<string, unknown>;

describe('file slugs', () => {
  it('fold accents, drop what has no ASCII form and cut long titles at a word', () => {
    expect(fileSlug('Ünïcode: Ça marche — 100% ready?')).toBe('unicode-ca-marche-100-ready');
    expect(fileSlug('Ωmega Straße naïve café')).toBe('mega-strasse-naive-cafe');
    expect(fileSlug('深度求索')).toBe('');
    const long = fileSlug('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
});

describe('templates', () => {
  it('write frontmatter that YAML reads back exactly, whatever the title', () => {
    const title = 'Quotes " and \\ backslash: a #hash, [brackets] & {braces}\n--- and a fence';
    const data = front(articleSource({ title, category: 'models', authors: ['a', 'b'], tags: ['KV Cache', 'kv-cache'], date: '2026-12-01' }));
    expect(data).toMatchObject({ title, category: 'models', author: ['a', 'b'], tags: ['kv-cache'], draft: true, sources: [] });
    expect(data['pubDate']).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(front(authorSource('jane', 'Jane "JD" Doe'))).toMatchObject({ name: 'Jane "JD" Doe', links: {} });
  });
  it('date a new article with the local calendar day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('choices', () => {
  const choices = [{ id: 'models', label: 'Models' }, { id: 'chips', label: 'Chips & Compute' }];
  it('take a number or an id, and explain a wrong answer', () => {
    expect(pickChoice('2', choices)).toBe('chips');
    expect(pickChoice(' models ', choices)).toBe('models');
    expect(pickChoice('3', choices)).toBeUndefined();
    expect(unknownChoice('category', 'chip', choices)).toBe('unknown category "chip" (did you mean "chips"?); valid categories: models (Models), chips (Chips & Compute)');
    expect(menu(choices)).toBe('   1) models  Models\n   2) chips   Chips & Compute');
  });
});

describe('drafts page order', () => {
  it('lists drafts newest first and scheduled articles soonest first, nothing published', () => {
    const a = (id: string, day: number, draft: boolean, scheduled: boolean) => ({ id, pubDate: new Date(Date.UTC(2026, 0, day)), draft, scheduled });
    const { drafts, scheduled } = draftQueue([a('old-draft', 1, true, false), a('new-draft', 9, true, true), a('later', 20, false, true), a('soon', 10, false, true), a('live', 5, false, false)]);
    expect(drafts.map((d) => d.id)).toEqual(['new-draft', 'old-draft']);
    expect(scheduled.map((d) => d.id)).toEqual(['soon', 'later']);
  });
});

describe('appearance', () => {
  it('sets font stacks beside the accent, and skips preloading a replaced family', () => {
    expect(appearanceStyle({ accentColor: '#b4232a', fonts: { sans: 'system-ui, sans-serif' } })).toMatch(/--accent-brand: #b4232a; .*; --font-sans: system-ui, sans-serif$/);
    const hrefs = ['/_astro/fonts/source-serif-4-normal.woff2', '/_astro/fonts/inter-normal.woff2'];
    expect(preloadsFor(hrefs, { serif: 'Georgia, serif' })).toEqual(['/_astro/fonts/inter-normal.woff2']);
    expect(preloadsFor(hrefs, {})).toEqual(hrefs);
    expect(footerText('© {year} {name}. {name}!', { year: 2026, name: 'B' })).toBe('© 2026 B. B!');
  });
});
