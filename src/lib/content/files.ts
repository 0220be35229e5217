/**
 * Which files in the content folder are articles and authors. Every other
 * file is either an image beside them, ignored by name (a leading `_` or `.`),
 * or reported: nothing is skipped without a word.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './problems.ts';

/** Names starting with `_` (drafts of drafts, notes) or `.` (editor and OS files) are never content. */
export const isIgnoredName = (name: string) => name.startsWith('_') || name.startsWith('.');
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg'];
const isImageName = (name: string) => IMAGE_EXTENSIONS.includes(path.extname(name).toLowerCase());
const MARKDOWN_LIKE = /\.(md|mdx|markdown|mdown|mkd)$/i;

export interface ContentFiles {
  /** Article files relative to the articles folder: `<slug>.md(x)` or `<slug>/index.md(x)`. */
  articles: string[];
  /** Author files relative to the authors folder: `<id>.md`. */
  authors: string[];
  problems: ContentProblem[];
}

type Shown = (full: string) => string;
const problem = (file: string, expected: string, found: string): ContentProblem => ({ file, field: '(file)', expected, found });

function wrongName(name: string, allowed: string): string | undefined {
  if (!MARKDOWN_LIKE.test(name)) return undefined;
  const stem = name.replace(MARKDOWN_LIKE, '');
  return `${allowed} (rename it to "${stem}${path.extname(name).toLowerCase() === '.mdx' ? '.mdx' : '.md'}")`;
}

/** Files of an article folder other than its index: images are fine, anything else is reported. */
function checkFolderRest(dir: string, relative: string, shown: Shown, problems: ContentProblem[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (isIgnoredName(name)) continue;
    const full = path.join(dir, name);
    const rel = `${relative}/${name}`;
    if (statSync(full).isDirectory()) {
      if (['index.md', 'index.mdx'].some((index) => existsSync(path.join(full, index)))) {
        problems.push(problem(shown(full), 'articles one level deep: <slug>.mdx or <slug>/index.mdx', 'a nested article folder (it would never be published)'));
      } else checkFolderRest(full, rel, shown, problems);
    } else if (relative.split('/').length === 1 && /^index\.(md|mdx)$/i.test(name)) {
      // The folder's index (or a mis-cased one, reported by listArticleFiles).
      continue;
    } else if (MARKDOWN_LIKE.test(name)) {
      problems.push(problem(shown(full), 'one article per folder, in index.md or index.mdx', 'another Markdown file in an article folder (it would never be published)'));
    } else if (!isImageName(name)) {
      problems.push(problem(shown(full), `articles and their images (${IMAGE_EXTENSIONS.join(' ')}), or a name starting with "_" to keep a file out of the build`, 'a stray file'));
    }
  }
}

export function listArticleFiles(articlesDir: string, shown: Shown): Pick<ContentFiles, 'articles' | 'problems'> {
  const articles: string[] = [];
  const problems: ContentProblem[] = [];
  for (const name of readdirSync(articlesDir).sort()) {
    if (isIgnoredName(name)) continue;
    const full = path.join(articlesDir, name);
    if (statSync(full).isDirectory()) {
      const names = readdirSync(full);
      const indexes = names.filter((n) => /^index\.(md|mdx)$/.test(n));
      const miscased = names.filter((n) => /^index\.[a-z]+$/i.test(n) && MARKDOWN_LIKE.test(n) && !indexes.includes(n));
      for (const n of miscased) problems.push(problem(shown(path.join(full, n)), 'an article folder with its text in index.md or index.mdx (lower case)', `"${n}" (it would never be published)`));
      if (indexes.length > 1) problems.push(problem(shown(full), 'one of index.md or index.mdx', 'both'));
      else if (indexes.length === 1) articles.push(`${name}/${indexes[0]}`);
      else if (!miscased.length) problems.push(problem(shown(full), 'an article folder with index.md or index.mdx inside', 'a folder without one'));
      checkFolderRest(full, name, shown, problems);
    } else if (/^[^.]+\.(md|mdx)$/.test(name) || /\.(md|mdx)$/.test(name)) {
      articles.push(name);
    } else {
      const rename = wrongName(name, 'an article file ending in .md or .mdx, in lower case');
      if (rename) problems.push(problem(shown(full), rename, 'a file that would never be published'));
      else if (!isImageName(name)) problems.push(problem(shown(full), `articles and their images, or a name starting with "_" to keep a file out of the build`, 'a stray file'));
    }
  }
  return { articles, problems };
}

export function listAuthorFiles(authorsDir: string, shown: Shown): Pick<ContentFiles, 'authors' | 'problems'> {
  const authors: string[] = [];
  const problems: ContentProblem[] = [];
  for (const name of readdirSync(authorsDir).sort()) {
    if (isIgnoredName(name)) continue;
    const full = path.join(authorsDir, name);
    if (/\.md$/.test(name) && !statSync(full).isDirectory()) authors.push(name);
    else if (isImageName(name)) continue;
    else {
      const rename = wrongName(name, 'an author file ending in .md, in lower case');
      problems.push(problem(shown(full), rename ?? 'author files (<id>.md) and their images, or a name starting with "_"', rename ? 'a file that would never be read' : 'a stray file'));
    }
  }
  return { authors, problems };
}

/** Whether a path, after following every symlink, is inside the content folder. */
export function insideFolder(full: string, folder: string): boolean {
  try {
    const real = realpathSync(full);
    const root = realpathSync(folder);
    return real === root || real.startsWith(root + path.sep);
  } catch {
    return false;
  }
}
