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
import { authorSchema, makeArticleSchema, type ArticleData, type AuthorData } from './schema.ts';
import { slugFromEntryPath } from './slugs.ts';
import { crossCheck } from './cross-check.ts';

/** One file, read and parsed once: the build's loader and every CLI use this record. */
export interface LoadedEntry<Data> {
  id: string;
  /** Path shown in reports, relative to the working directory. */
  file: string;
  /** Absolute path of the file. */
  path: string;
  /** The file's text as read: Astro's cache digest is computed from it. */
  source: string;
  /** The frontmatter as parsed, before validation: what Astro's schema receives. */
  raw: Record<string, unknown>;
  data: Data;
  body: string;
}

export type LoadedArticle = LoadedEntry<ArticleData>;
export type LoadedAuthor = LoadedEntry<AuthorData>;

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
  /** The site's IANA time zone for date-times written without one. */
  timeZone?: string | undefined;
  /** The build clock: updates dated after it are errors. */
  now?: Date | undefined;
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
): { data: T | undefined; raw: Record<string, unknown>; body: string; source: string } {
  const source = readFileSync(fullPath, 'utf8');
  const split = splitFrontmatter(source);
  const raw = split.data as Record<string, unknown>;
  if (split.error) {
    problems.push({ file: shownPath, field: '(frontmatter)', expected: 'YAML frontmatter between --- lines', found: split.error });
    return { data: undefined, raw, body: split.body, source };
  }
  const result = schema.safeParse(raw);
  if (!result.success) problems.push(...issuesToProblems(shownPath, raw, result.error.issues, schema));
  return { data: result.success ? result.data : undefined, raw, body: split.body, source };
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
    if (entry.data) authors.push({ id, file: shown(full), path: full, source: entry.source, raw: entry.raw, data: entry.data, body: entry.body });
  }

  const articles: LoadedArticle[] = [];
  const rawArticles = [];
  const articleSchema = makeArticleSchema<z.ZodString>(undefined, { timeZone: options.timeZone, now: options.now });
  for (const relative of listArticleFiles(articlesDir)) {
    const full = path.join(articlesDir, relative);
    const entry = readEntry(full, shown(full), articleSchema, problems);
    const id = slugFromEntryPath(relative);
    rawArticles.push({ id, file: shown(full), dir: path.dirname(full), raw: entry.raw });
    if (entry.data) articles.push({ id, file: shown(full), path: full, source: entry.source, raw: entry.raw, data: entry.data, body: entry.body });
  }

  problems.push(...crossCheck({ articles: rawArticles, authors: rawAuthors, categories: options.categories, timeZone: options.timeZone, existingProblems: problems }));
  // One file's problems together, files in path order; within a file, discovery order.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, authors, problems };
}

/**
 * The entries that can be served while some files are broken (`astro dev`):
 * files without problems, and articles whose authors all loaded.
 */
export function usableContent(content: LoadedContent): Pick<LoadedContent, 'articles' | 'authors'> {
  const broken = new Set(content.problems.map((p) => p.file));
  const authors = content.authors.filter((a) => !broken.has(a.file));
  const authorIds = new Set(authors.map((a) => a.id));
  const articles = content.articles.filter((a) => !broken.has(a.file) && a.data.author.every((id) => authorIds.has(id)));
  return { articles, authors };
}

/** Loads the folder and throws one ContentError listing every problem. */
export function loadValidContent(contentDir: string, options: LoadOptions): LoadedContent {
  const content = loadContent(contentDir, options);
  if (content.problems.length) throw new ContentError(content.problems);
  return content;
}
