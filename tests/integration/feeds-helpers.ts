/**
 * Reading the feeds of a built site: file discovery, strict XML parsing and
 * an independent expectation of what each feed should list, computed from the
 * fixture's frontmatter with the pure content loader (not from Astro).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadValidContent } from '../../src/lib/content/load.ts';
import site from '../../src/site.config.ts';

export type Node = Record<string, any>;

export const SITE_ORIGIN = new URL(site.url).origin;
/** The clock tests/support/build.ts pins every fixture build to. */
export const FIXTURE_NOW = new Date('2026-11-30T00:00:00Z');
export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE, U+FFFF). */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export { walk } from '../support/files.ts';

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  ignorePiTags: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'dc:creator', 'media:content', 'enclosure'].includes(name),
});

export interface ParsedFeed {
  /** Relative to the output folder, e.g. `category/models/rss.xml`. */
  file: string;
  xml: string;
  doc: Node;
  channel: Node;
  items: Node[];
}

/** Validate strictly, then parse (entities decoded, text untrimmed). Throws on invalid XML. */
export function parseFeed(outDir: string, file: string): ParsedFeed {
  const xml = readFileSync(path.join(outDir, file), 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${file} is not well-formed XML: ${JSON.stringify(valid)}`);
  const doc = parser.parse(xml) as Node;
  const channel = doc['rss']?.['channel'] as Node | undefined;
  if (!channel) throw new Error(`${file} has no rss/channel`);
  return { file, xml, doc, channel, items: (channel['item'] ?? []) as Node[] };
}

/** Maps an absolute URL on the site to the file Astro wrote for it, or undefined. */
export function distFileFor(outDir: string, url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== SITE_ORIGIN) return undefined;
  const pathname = decodeURIComponent(parsed.pathname);
  const candidate = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const full = path.join(outDir, candidate);
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

export interface ExpectedArticle {
  id: string;
  url: string;
  pubDate: Date;
  category: string;
  tags: string[];
  authors: string[];
}

/** Published fixture articles, newest first (ties by id): what the feeds should hold. */
export async function expectedArticles(contentDir: string): Promise<ExpectedArticle[]> {
  const { articles } = await loadValidContent(contentDir, { categories: site.categories.map((c) => c.slug) });
  return articles
    .filter((a) => !a.data.draft && a.data.pubDate.getTime() <= FIXTURE_NOW.getTime())
    .map((a) => ({
      id: a.id,
      url: new URL(`/articles/${a.id}/`, site.url).href,
      pubDate: a.data.pubDate,
      category: a.data.category,
      tags: a.data.tags,
      authors: a.data.author,
    }))
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, site.feeds.limit);
}

/** Which articles the feed at `file` should list, by feed path. */
export function expectedFor(file: string, all: ExpectedArticle[]): ExpectedArticle[] {
  if (file === 'rss.xml') return all;
  const [kind, key] = file.split('/');
  if (kind === 'category') return all.filter((a) => a.category === key);
  if (kind === 'tags') return all.filter((a) => a.tags.includes(key!));
  if (kind === 'authors') return all.filter((a) => a.authors.includes(key!));
  throw new Error(`unexpected feed ${file}`);
}

/** Every URL in src, href, srcset and poster attributes of an HTML fragment. */
export function htmlUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/\s(src|href|poster|cite)\s*=\s*"([^"]*)"/gi)) urls.push(m[2]!);
  for (const m of html.matchAll(/\ssrcset\s*=\s*"([^"]*)"/gi)) {
    for (const candidate of m[1]!.split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) urls.push(url);
    }
  }
  return urls;
}

/** Executable or embedding markup that must never reach a feed reader. */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('<script');
  if (/<iframe/i.test(html)) found.push('<iframe');
  if (/<(object|embed|style|form)\b/i.test(html)) found.push('embed/style/form');
  if (/\son[a-z]+\s*=/i.test(html)) found.push('on* handler');
  if (/onerror/i.test(html)) found.push('onerror');
  if (/javascript:/i.test(html)) found.push('javascript:');
  return found;
}
