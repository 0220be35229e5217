/**
 * One card's plan: its input, its cache key and the job that renders it. The
 * og route plans from Astro's collection entries, the early renderer from the
 * content folder as read before Vite starts; both describe an article with
 * the same plain record, so they reach the same key and the same cache file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cardKey } from '../../lib/og/cache.ts';
import site from '../../site.config.ts';
import type { CardJob } from './jobs.ts';

/** What a card shows of an article. */
export interface CardSource {
  id: string;
  /** The article's file, for error messages. */
  file: string;
  title: string;
  /** The category's display name. */
  category: string;
  pubDate: Date;
  /** Author display names, in byline order. */
  authors: string[];
  /** The hero photo's file, when the article has one. */
  heroPath: string | undefined;
}

export interface CardPlan {
  source: CardSource;
  key: string;
  job: CardJob;
}

/** `renderer` is the fingerprint (fingerprint.ts); `dir` the card cache folder. */
export async function planCard(source: CardSource, renderer: string, dir: string): Promise<CardPlan> {
  const hero = source.heroPath ? await readFile(source.heroPath) : undefined;
  const input = {
    siteName: site.name,
    accent: site.accentColor,
    category: source.category,
    title: source.title,
    date: source.pubDate.toISOString(),
    authors: source.authors,
    hero: hero !== undefined,
    language: site.language,
    timeZone: site.timeZone,
  };
  const { hero: _, date, ...rest } = input;
  const key = cardKey({ renderer, ...rest, date, hero });
  return { source, key, job: { input, heroPath: source.heroPath, file: path.join(dir, `${key}.png`) } };
}
