// `npm run new -- "Article title" [--category C] [--author A[,B]] [--tags a,b] [--folder] [--slug S]`
// Creates content/articles/<slug>.mdx (or <slug>/index.mdx with --folder): valid
// frontmatter with today's date and draft: true, and a body skeleton. Without
// --category or --author it asks (in a terminal, or from answers piped in).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleSource, localDate } from '../src/lib/scaffold/article.ts';
import { unknownChoice } from '../src/lib/scaffold/choices.ts';
import { fileSlug, isSlug } from '../src/lib/scaffold/slug.ts';
import { siteUrls } from '../src/lib/content/urls.ts';
import { contentDir } from '../src/data/content-loader.ts';
import site from '../src/site.config.ts';
import { askChoice, authorChoices, fail, questioner, shown } from './scaffold-io.ts';

const USAGE = 'usage: npm run new -- "Article title" [--category C] [--author A[,B]] [--tags a,b] [--folder] [--slug S]';
const die = (message: string): never => fail('new', message);

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        category: { type: 'string' }, author: { type: 'string' }, tags: { type: 'string' }, slug: { type: 'string' },
        folder: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return die(`${(error as Error).message.split('. ')[0]} (${USAGE})`);
  }
}

const { values, positionals } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const title = positionals.join(' ').trim();
if (!title) die(`give the article's title (${USAGE})`);
if (title.length > 140) die(`the title has ${title.length} characters; the limit is 140`);

const root = contentDir();
const categories = site.categories.map((c) => ({ id: c.slug, label: c.name }));
const authors = authorChoices(path.join(root, 'authors'));
if (!authors.length) die(`no authors in ${shown(path.join(root, 'authors'))}; create one first with npm run new:author -- <id> "Name"`);

const slug = values.slug ?? fileSlug(title);
if (!isSlug(slug)) die(values.slug ? `--slug must be lower-case letters, digits and hyphens, found "${slug}"` : `"${title}" gives no usable file name (only letters with no ASCII form?); pass --slug, e.g. --slug my-article`);

let category = values.category;
if (category !== undefined && !categories.some((c) => c.id === category)) die(unknownChoice('category', category, categories));
const authorIds = values.author?.split(',').map((a) => a.trim()).filter(Boolean);
for (const id of authorIds ?? []) if (!authors.some((a) => a.id === id)) die(unknownChoice('author', id, authors));

const articlesDir = path.join(root, 'articles');
const target = values.folder ? path.join(articlesDir, slug, 'index.mdx') : path.join(articlesDir, `${slug}.mdx`);
const taken = [`${slug}.md`, `${slug}.mdx`, slug].map((name) => path.join(articlesDir, name)).find((p) => existsSync(p));
if (taken) die(`${shown(taken)} already exists; nothing was written. Pick another title or pass --slug`);

let byline = authorIds;
if (category === undefined || byline === undefined) {
  const q = questioner();
  category ??= (await askChoice(q, 'category', categories)) ?? die(`no category given; pass --category (${categories.map((c) => c.id).join(', ')})`);
  byline ??= [(await askChoice(q, 'author', authors)) ?? die(`no author given; pass --author (${authors.map((a) => a.id).join(', ')})`)];
  q.close();
}
write(category, byline);

function write(categoryId: string, byline: string[]) {
  const tags = values.tags?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, articleSource({ title, category: categoryId, authors: byline, tags, date: localDate(new Date()) }), { flag: 'wx' });
  console.log(`Created ${shown(target)} (draft: true)`);
  console.log(`Next: write it, then run "npm run dev" and open http://localhost:4321${siteUrls(site.url).article(slug)}`);
  console.log(`      (drafts show only in dev, listed at /drafts/). Set draft: false to publish; "npm run build" checks every field.`);
}
