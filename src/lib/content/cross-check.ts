/**
 * Rules that span files: references to authors, categories and other
 * articles, duplicate slugs, and local images that must exist.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './problems.ts';
import { closest, isSlug } from './slugs.ts';
import { HERO_ALT_REQUIRED, UPDATE_NOT_BEFORE_PUB } from './schema.ts';
import { parseContentDate } from './dates.ts';

export interface RawEntry {
  id: string;
  file: string;
  /** Folder of the file, for resolving relative image paths. */
  dir: string;
  raw: unknown;
}

interface CrossCheckInput {
  articles: readonly RawEntry[];
  authors: readonly RawEntry[];
  categories: readonly string[];
  timeZone?: string | undefined;
  /** Problems already found, so a field is never reported twice. */
  existingProblems: readonly ContentProblem[];
}

const field = (raw: unknown, key: string): unknown => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined);
const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const suggest = (word: string, known: readonly string[]) => {
  const near = closest(word, known);
  return near ? ` (did you mean "${near}"?)` : '';
};

function imageProblem(entry: RawEntry, key: string): ContentProblem | undefined {
  const value = field(entry.raw, key);
  if (typeof value !== 'string' || !value) return undefined;
  if (/^(https?:)?\/\//i.test(value)) return { file: entry.file, field: key, expected: 'a local image file (remote images are not fetched at build time)', found: JSON.stringify(value) };
  if (existsSync(path.resolve(entry.dir, value))) return undefined;
  return { file: entry.file, field: key, expected: 'an image file that exists, relative to this file', found: `${JSON.stringify(value)} (no such file)` };
}

export function crossCheck({ articles, authors, categories, timeZone, existingProblems }: CrossCheckInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const reported = new Set(existingProblems.map((p) => `${p.file}\u0000${p.field.split(/[.[]/)[0]}`));
  const add = (problem: ContentProblem | undefined) => {
    if (problem && !reported.has(`${problem.file}\u0000${problem.field.split(/[.[]/)[0]}`)) problems.push(problem);
  };
  const authorIds = authors.map((a) => a.id).sort();
  const articleIds = [...new Set(articles.map((a) => a.id))].sort();

  for (const entry of [...articles, ...authors]) {
    if (!isSlug(entry.id)) {
      add({ file: entry.file, field: '(file name)', expected: 'a lower-case slug of letters, digits and hyphens, such as "deepseek-v4-launch" (it becomes the URL)', found: JSON.stringify(entry.id) });
    }
  }

  const firstFileOf = new Map<string, string>();
  for (const article of articles) {
    const earlier = firstFileOf.get(article.id);
    if (earlier) add({ file: article.file, field: '(slug)', expected: `a slug used by one article only`, found: `"${article.id}", also used by ${earlier}` });
    else firstFileOf.set(article.id, article.file);
  }

  for (const article of articles) {
    const raw = article.raw;
    for (const id of strings(field(raw, 'author'))) {
      if (!authorIds.includes(id)) add({ file: article.file, field: 'author', expected: `an author defined in content/authors${suggest(id, authorIds)}`, found: `"${id}"` });
    }
    const category = field(raw, 'category');
    if (typeof category === 'string' && category && !categories.includes(category)) {
      add({ file: article.file, field: 'category', expected: `one of the site's categories: ${categories.join(', ')}${suggest(category, categories)}`, found: `"${category}"` });
    }
    for (const slug of strings(field(raw, 'related'))) {
      if (slug === article.id) add({ file: article.file, field: 'related', expected: 'slugs of other articles', found: `"${slug}" (the article itself)` });
      else if (!articleIds.includes(slug)) add({ file: article.file, field: 'related', expected: `slugs of existing articles${suggest(slug, articleIds)}`, found: `"${slug}"` });
    }
    add(imageProblem(article, 'heroImage'));
    if (typeof field(raw, 'heroImage') === 'string' && !field(raw, 'heroAlt')) {
      add({ file: article.file, field: 'heroAlt', expected: HERO_ALT_REQUIRED, found: 'nothing' });
    }
    const dateOf = (key: string) => {
      const result = parseContentDate(field(raw, key), timeZone);
      return 'date' in result ? result.date : undefined;
    };
    const pub = dateOf('pubDate');
    const updated = dateOf('updatedDate');
    if (pub && updated && updated.getTime() < pub.getTime()) {
      add({ file: article.file, field: 'updatedDate', expected: UPDATE_NOT_BEFORE_PUB, found: updated.toISOString().slice(0, 10) });
    }
  }
  for (const author of authors) add(imageProblem(author, 'avatar'));
  return problems;
}
