/**
 * Reads and validates a whole content folder without Astro: the build's
 * pre-flight check, Astro's collection loader and the command-line tools
 * share it, so they see the same entries and report the same problems.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { splitFrontmatter } from './frontmatter.ts';
import { ContentError, issuesToProblems, type ContentProblem } from './problems.ts';
import { makeAuthorSchema, makeArticleSchema, type ArticleData, type AuthorData } from './schema.ts';
import { slugFromEntryPath } from './slugs.ts';
import { crossCheck, type RawEntry } from './cross-check.ts';
import { insideFolder, listArticleFiles, listAuthorFiles } from './files.ts';
import { checkBody, checkLinks } from './body-checks.ts';
import { checkImage } from './images.ts';
import { contentWarnings } from './warnings.ts';
import type { BodyReport } from './body.ts';

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
  /**
   * An .mdx body that needs to be a module: why (src/lib/content/static-mdx.ts).
   * Undefined for a static .mdx body (rendered at load time) and for .md.
   */
  moduleReason?: string;
}

export type LoadedArticle = LoadedEntry<ArticleData>;
export type LoadedAuthor = LoadedEntry<AuthorData>;

export interface LoadedContent {
  articles: LoadedArticle[];
  authors: LoadedAuthor[];
  /** Errors: the build stops on any of them. */
  problems: ContentProblem[];
  /** Advice that does not stop the build (a long dek, no tags, no hero). */
  warnings: ContentProblem[];
  /** Every article file read, valid or not: `astro dev` answers a broken one's URL with its report. */
  articleFiles: { id: string; file: string }[];
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

interface ReadFile<T> extends RawEntry {
  path: string;
  moduleReason?: string;
  source: string;
  raw: Record<string, unknown>;
  body: string;
  bodyLine: number;
  data: T | undefined;
}

/** The line of a top-level frontmatter key, so a report can point at it. */
function fieldLine(source: string, field: string): number | undefined {
  const key = field.split(/[.[]/)[0];
  if (!key || key.startsWith('(')) return undefined;
  const lines = source.split('\n');
  const index = lines.findIndex((line, i) => i > 0 && new RegExp(`^['"]?${key.replace(/[$^]/g, '\\$&')}['"]?\\s*:`).test(line));
  return index < 0 ? undefined : index + 1;
}

function readEntry<T>(full: string, id: string, shown: string, schema: z.ZodType<T>, problems: ContentProblem[]): ReadFile<T> {
  const source = readFileSync(full, 'utf8');
  const split = splitFrontmatter(source);
  const raw = split.data as Record<string, unknown>;
  const entry = { id, file: shown, dir: path.dirname(full), path: full, source, raw, body: split.body, bodyLine: split.bodyLine, data: undefined as T | undefined };
  if (split.error) {
    problems.push({ file: shown, line: 1, field: '(frontmatter)', expected: 'YAML frontmatter between --- lines', found: split.error });
    return entry;
  }
  const result = schema.safeParse(raw);
  if (result.success) entry.data = result.data;
  else for (const p of issuesToProblems(shown, raw, result.error.issues, schema)) problems.push({ ...p, ...lineOf(source, p.field) });
  return entry;
}

const lineOf = (source: string, field: string) => {
  const line = fieldLine(source, field);
  return line ? { line } : {};
};

/** A file must stay inside the content folder after following symlinks. */
function containment(full: string, root: string, shown: string): ContentProblem | undefined {
  if (insideFolder(full, root)) return undefined;
  return { file: shown, field: '(file)', expected: 'a file inside the content folder', found: 'a symbolic link that resolves outside it' };
}

export async function loadContent(contentDir: string, options: LoadOptions): Promise<LoadedContent> {
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
  if (problems.length) return { articles: [], authors: [], problems, warnings: [], articleFiles: [] };

  const authorFiles = listAuthorFiles(authorsDir, shown);
  const articleFiles = listArticleFiles(articlesDir, shown);
  problems.push(...authorFiles.problems, ...articleFiles.problems);
  if (!articleFiles.articles.length) problems.push({ file: shown(articlesDir), field: '(folder)', expected: 'at least one article (<slug>.mdx or <slug>/index.mdx)', found: 'no articles' });

  const authorSchema = makeAuthorSchema<z.ZodString>();
  const authors: ReadFile<AuthorData>[] = [];
  for (const name of authorFiles.authors) {
    const full = path.join(authorsDir, name);
    const outside = containment(full, contentDir, shown(full));
    if (outside) problems.push(outside);
    else authors.push(readEntry(full, name.replace(/\.md$/, ''), shown(full), authorSchema, problems));
  }

  const articleSchema = makeArticleSchema<z.ZodString>(undefined, { timeZone: options.timeZone, now: options.now });
  const articles: ReadFile<ArticleData>[] = [];
  for (const relative of articleFiles.articles) {
    const full = path.join(articlesDir, relative);
    const outside = containment(full, contentDir, shown(full));
    if (outside) problems.push(outside);
    else articles.push(readEntry(full, slugFromEntryPath(relative), shown(full), articleSchema, problems));
  }

  const reports = new Map<ReadFile<ArticleData>, BodyReport>();
  const bodyWarnings: ContentProblem[] = [];
  for (const article of articles) {
    const report = await checkBody(article, contentDir, problems, bodyWarnings, true);
    reports.set(article, report);
    if (report.moduleReason !== undefined) article.moduleReason = report.moduleReason;
  }
  for (const author of authors) await checkBody(author, contentDir, problems, bodyWarnings, false);
  for (const [entry, key] of [...articles.map((a) => [a, 'heroImage'] as const), ...authors.map((a) => [a, 'avatar'] as const)]) {
    const value = entry.raw[key];
    if (typeof value !== 'string' || !value) continue;
    const finding = /^(https?:)?\/\//i.test(value)
      ? { expected: 'a local image file (remote images are not fetched at build time)', found: JSON.stringify(value) }
      : await checkImage(value, path.dirname(entry.path), contentDir);
    if (finding) problems.push({ file: entry.file, field: key, ...lineOf(entry.source, key), ...finding });
  }

  const headingsOf = new Map(articles.map((a) => [a.id, reports.get(a)?.headingIds ?? []]));
  for (const article of articles) problems.push(...checkLinks(article, reports.get(article)!, headingsOf));
  problems.push(...crossCheck({ articles, authors, categories: options.categories, timeZone: options.timeZone, existingProblems: problems }).map((p) => {
    const entry = [...articles, ...authors].find((e) => e.file === p.file);
    return entry ? { ...p, ...lineOf(entry.source, p.field) } : p;
  }));
  // One file's problems together, files in path order; within a file, discovery order.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const valid = <T>(list: ReadFile<T>[]) => list.filter((e): e is ReadFile<T> & { data: T } => e.data !== undefined).map(({ id, file, path: p, source, raw, data, body, moduleReason }) => ({ id, file, path: p, source, raw, data, body, ...(moduleReason === undefined ? {} : { moduleReason }) }));
  const loadedArticles = valid(articles);
  const warnings = [...bodyWarnings, ...contentWarnings(loadedArticles).map((w) => ({ ...w, ...lineOf(loadedArticles.find((a) => a.file === w.file)!.source, w.field) }))];
  warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles: loadedArticles, authors: valid(authors), problems, warnings, articleFiles: articles.map(({ id, file }) => ({ id, file })) };
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
export async function loadValidContent(contentDir: string, options: LoadOptions): Promise<LoadedContent> {
  const content = await loadContent(contentDir, options);
  if (content.problems.length) throw new ContentError(content.problems);
  return content;
}
