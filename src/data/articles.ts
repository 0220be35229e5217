/**
 * The only bridge from Astro's content layer to src/lib: collection entries
 * become plain, resolved records once per build (memoised) and every page,
 * feed and index reads them from here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { buildClock, isScheduled, readingMinutes, visibleArticles } from '../lib/content/index.ts';
import { urls } from './urls.ts';
import type { Category } from '../lib/config/schema.ts';
import { bodyTextCache, type BodyTextCache } from './body-text-cache.ts';
import path from 'node:path';
import site from '../site.config.ts';

export interface AuthorView {
  id: string;
  url: string;
  name: string;
  role: string | undefined;
  bio: string | undefined;
  avatar: ImageMetadata | undefined;
  links: CollectionEntry<'authors'>['data']['links'];
  entry: CollectionEntry<'authors'>;
}

export interface ArticleView {
  id: string;
  url: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate: Date | undefined;
  authors: AuthorView[];
  authorIds: string[];
  category: string;
  categoryInfo: Category;
  tags: string[];
  hero: { src: ImageMetadata; alt: string; caption: string | undefined; credit: string | undefined } | undefined;
  highlights: string[];
  sources: CollectionEntry<'articles'>['data']['sources'];
  draft: boolean;
  scheduled: boolean;
  featured: boolean;
  canonicalUrl: string | undefined;
  readingMinutes: number;
  bodyText: string;
  entry: CollectionEntry<'articles'>;
}

/** Production builds hide drafts and scheduled articles; `astro dev` shows them with a badge. */
const includeUnpublished = import.meta.env.BROADSHEET_SHOW_UNPUBLISHED === true;
/** The build's one clock: pages, feeds and related cards all decide "published" against it. */
export const now = buildClock();

function toAuthor(entry: CollectionEntry<'authors'>): AuthorView {
  const { name, role, bio, avatar, links } = entry.data;
  return { id: entry.id, url: urls.author(entry.id), name, role, bio, avatar, links, entry };
}

function toArticle(entry: CollectionEntry<'articles'>, authorsById: Map<string, AuthorView>, texts: BodyTextCache): ArticleView {
  const d = entry.data;
  const bodyText = texts.textOf(entry);
  const categoryInfo = site.categories.find((c) => c.slug === d.category);
  // The pre-flight check guarantees these exist; failing loudly beats a silently missing page.
  if (!categoryInfo) throw new Error(`${entry.filePath}: category: unknown category "${d.category}"`);
  const authors = d.author.map((id) => {
    const author = authorsById.get(id);
    if (!author) throw new Error(`${entry.filePath}: author: unknown author "${id}"`);
    return author;
  });
  return {
    id: entry.id,
    url: urls.article(entry.id),
    title: d.title,
    description: d.description,
    pubDate: d.pubDate,
    updatedDate: d.updatedDate,
    authors,
    authorIds: d.author,
    category: d.category,
    categoryInfo,
    tags: d.tags,
    hero: d.heroImage ? { src: d.heroImage, alt: d.heroAlt ?? '', caption: d.heroCaption, credit: d.heroCredit } : undefined,
    highlights: d.highlights,
    sources: d.sources,
    draft: d.draft,
    scheduled: isScheduled({ id: entry.id, pubDate: d.pubDate, draft: d.draft }, now),
    featured: d.featured,
    canonicalUrl: d.canonicalUrl,
    readingMinutes: readingMinutes(bodyText),
    bodyText,
    entry,
  };
}

interface SiteData {
  articles: ArticleView[];
  authors: AuthorView[];
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const authorEntries = await getCollection('authors');
  const authors = authorEntries.map(toAuthor).sort((a, b) => a.name.localeCompare(b.name));
  const authorsById = new Map(authors.map((a) => [a.id, a]));
  // Astro's cache folder, set by src/integrations/broadsheet.ts (absent in unit tests: no cache).
  const cacheDir = import.meta.env.BROADSHEET_CACHE_DIR;
  const texts = bodyTextCache(cacheDir ? path.join(cacheDir, 'body-text') : undefined);
  const all = (await getCollection('articles')).map((entry) => toArticle(entry, authorsById, texts));
  texts.save();
  const articles = visibleArticles(all, { now, includeUnpublished });
  return { articles, authors };
}

/** Visible articles, newest first. */
export async function getArticles(): Promise<ArticleView[]> {
  return (await (cached ??= load())).articles;
}

export async function getAuthors(): Promise<AuthorView[]> {
  return (await (cached ??= load())).authors;
}


let onRendered: ((article: ArticleView) => void) | undefined;

/**
 * An article page calls articleRendered as it renders; src/data/feeds.ts hooks in to start the
 * article's feed item then (a module both already import, so pages import no feed code).
 */
export function onArticleRendered(hook: (article: ArticleView) => void): void {
  onRendered = hook;
}

export function articleRendered(article: ArticleView): void {
  onRendered?.(article);
}
