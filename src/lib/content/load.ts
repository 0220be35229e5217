/**
 * Reads and validates a whole content folder without Astro: the build's
 * pre-flight check and the command-line tools share it, so they report the
 * same problems in the same words.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { splitFrontmatter } from './frontmatter.ts';
import { ContentError, issuesToProblems, type ContentProblem } from './problems.ts';
import type { z } from 'astro/zod';
import { articleSchema, authorSchema, type ArticleData, type AuthorData } from './schema.ts';
import { slugFromEntryPath } from './slugs.ts';
import { crossCheck } from './cross-check.ts';

export interface LoadedArticle {
  id: string;
  /** Path shown in reports, relative to the working directory. */
  file: string;
  data: ArticleData;
  body: string;
}

export interface LoadedAuthor {
  id: string;
  file: string;
  data: AuthorData;
  body: string;
}

export interface LoadedContent {
  articles: LoadedArticle[];
  authors: LoadedAuthor[];
  problems: ContentProblem[];
}

export interface LoadOptions {
  /** Category slugs defined in the site config. */
  categories: readonly string[];
  /** Base for the file paths shown in reports. */
  cwd?: string;
}

/** Article files: `<slug>.md(x)` or `<slug>/index.md(x)`. */
export function listArticleFiles(articlesDir: string): string[] {
  if (!existsSync(articlesDir)) return [];
  const files: string[] = [];
  for (const name of readdirSync(articlesDir).sort()) {
    const full = path.join(articlesDir, name);
    if (statSync(full).isDirectory()) {
      for (const index of ['index.mdx', 'index.md']) if (existsSync(path.join(full, index))) files.push(path.join(name, index));
    } else if (/\.mdx?$/i.test(name)) files.push(name);
  }
  return files;
}

function listAuthorFiles(authorsDir: string): string[] {
  if (!existsSync(authorsDir)) return [];
  return readdirSync(authorsDir).filter((name) => /\.md$/i.test(name)).sort();
}

function readEntry<T>(
  fullPath: string,
  shownPath: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): { data: T | undefined; raw: unknown; body: string } {
  const split = splitFrontmatter(readFileSync(fullPath, 'utf8'));
  if (split.error) {
    problems.push({ file: shownPath, field: '(frontmatter)', expected: 'YAML frontmatter between --- lines', found: split.error });
    return { data: undefined, raw: split.data, body: split.body };
  }
  const result = schema.safeParse(split.data);
  if (!result.success) problems.push(...issuesToProblems(shownPath, split.data, result.error.issues, schema));
  return { data: result.success ? result.data : undefined, raw: split.data, body: split.body };
}

export function loadContent(contentDir: string, options: LoadOptions): LoadedContent {
  const cwd = options.cwd ?? process.cwd();
  const shown = (full: string) => path.relative(cwd, full).replace(/\\/g, '/');
  const problems: ContentProblem[] = [];
  const articlesDir = path.join(contentDir, 'articles');
  const authorsDir = path.join(contentDir, 'authors');
  // A mistyped CONTENT_DIR must fail loudly, never build an empty publication.
  for (const dir of [articlesDir, authorsDir]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push({ file: shown(dir), field: '(folder)', expected: 'a content folder with articles/ and authors/ inside', found: 'no such folder' });
    }
  }
  if (problems.length) return { articles: [], authors: [], problems };

  const authors: LoadedAuthor[] = [];
  const rawAuthors = [];
  for (const name of listAuthorFiles(authorsDir)) {
    const full = path.join(authorsDir, name);
    const entry = readEntry(full, shown(full), authorSchema, problems);
    const id = name.replace(/\.md$/i, '');
    rawAuthors.push({ id, file: shown(full), dir: path.dirname(full), raw: entry.raw });
    if (entry.data) authors.push({ id, file: shown(full), data: entry.data, body: entry.body });
  }

  const articles: LoadedArticle[] = [];
  const rawArticles = [];
  for (const relative of listArticleFiles(articlesDir)) {
    const full = path.join(articlesDir, relative);
    const entry = readEntry(full, shown(full), articleSchema, problems);
    const id = slugFromEntryPath(relative);
    rawArticles.push({ id, file: shown(full), dir: path.dirname(full), raw: entry.raw });
    if (entry.data) articles.push({ id, file: shown(full), data: entry.data, body: entry.body });
  }

  problems.push(...crossCheck({ articles: rawArticles, authors: rawAuthors, categories: options.categories, existingProblems: problems }));
  // One file's problems together, files in path order; within a file, discovery order.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, authors, problems };
}

/** Loads the folder and throws one ContentError listing every problem. */
export function loadValidContent(contentDir: string, options: LoadOptions): LoadedContent {
  const content = loadContent(contentDir, options);
  if (content.problems.length) throw new ContentError(content.problems);
  return content;
}
