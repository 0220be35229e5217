/**
 * Per-article social cards (1200×630 PNG), drawn by src/lib/og and cached by
 * content hash in node_modules/.astro/og/: a rebuild reuses every card whose
 * title, category, date, authors, hero bytes, accent or template is unchanged.
 */
import type { ImageMetadata } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cachedCard, cardKey } from '../lib/og/cache.ts';
import { loadCardFonts } from '../lib/og/fonts.ts';
import { renderCard } from '../lib/og/render.ts';
import { TEMPLATE_VERSION, type CardInput } from '../lib/og/template.ts';
import site from '../site.config.ts';
import type { ArticleView } from './articles.ts';

export const CARD_CACHE_DIR = path.join(process.cwd(), 'node_modules/.astro/og');

/** The hero's file on disk: Astro's image metadata carries it as a non-enumerable `fsPath`. */
function heroFile(article: ArticleView): string | undefined {
  const fsPath = (article.hero?.src as (ImageMetadata & { fsPath?: string }) | undefined)?.fsPath;
  return fsPath && existsSync(fsPath) ? fsPath : undefined;
}

export async function socialCard(article: ArticleView): Promise<Buffer> {
  const heroPath = heroFile(article);
  const hero = heroPath ? readFileSync(heroPath) : undefined;
  const input: CardInput = {
    siteName: site.name,
    accent: site.accentColor,
    category: article.categoryInfo.name,
    title: article.title,
    date: article.pubDate,
    authors: article.authors.map((a) => a.name),
    hero: hero !== undefined,
    language: site.language,
    timeZone: site.timeZone,
  };
  const key = cardKey({
    templateVersion: TEMPLATE_VERSION,
    siteName: input.siteName,
    accent: input.accent,
    language: site.language,
    title: input.title,
    category: input.category,
    date: input.date.toISOString(),
    timeZone: site.timeZone ?? 'UTC',
    authors: input.authors,
    hero,
  });
  const { png } = await cachedCard(CARD_CACHE_DIR, key, async () => renderCard(input, await loadCardFonts(), hero));
  return png;
}
