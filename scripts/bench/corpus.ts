/**
 * A generated tech-news corpus for the build benchmark: N MDX articles of about
 * 1,100 words with tags, categories and co-authors, deterministic for a seed.
 * Plain Markdown inside .mdx (no components), so the baseline site, which has
 * none of Broadsheet's components, renders exactly the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../src/lib/seeded-random.ts';
import { ADJ, COMPANIES, NOUNS, THINGS, TOPICS, VERBS, newsText } from './news-text.ts';

export interface CorpusOptions {
  n: number;
  seed?: number;
  /** Category slugs of the site under test. */
  categories: readonly string[];
  /** File type of the articles (default mdx): `md` measures what plain Markdown saves. */
  format?: 'md' | 'mdx';
}

const REGIONS = ['', '-us', '-eu', '-china', '-india', '-japan'];
/** 120 tags: with categories and authors, well over 150 section feeds, as on a real news site. */
export const TAGS = TOPICS.flatMap((t) => REGIONS.map((r) => `${t}${r}`));
const FIRST = ['Maya', 'Daniel', 'Sofia', 'Arjun', 'Lena', 'Tomás', 'Aiko', 'Kwame', 'Ines', 'Pavel', 'Noor', 'Grace'];
const LAST = ['Chen', 'Okafor', 'Lindqvist', 'Rao'];
export const AUTHORS = FIRST.flatMap((f, i) => (i < 6 ? LAST : LAST.slice(0, 2)).map((l) => ({ id: `${f}-${l}`.toLowerCase().normalize('NFD').replace(/[^a-z-]/g, ''), name: `${f} ${l}` })));

export function articleFile(i: number, format: 'md' | 'mdx' = 'mdx'): string {
  return `bench-${String(i).padStart(5, '0')}.${format}`;
}

export function createCorpus(options: CorpusOptions) {
  const rng = mulberry32(options.seed ?? 42);
  const { pick, some, sentence } = newsText(rng);
  const paragraph = () => Array.from({ length: 4 + Math.floor(rng() * 4) }, sentence).join(' ');
  const yaml = (s: string) => JSON.stringify(s);
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;

  /** About 1,100 words: 12 paragraphs under four headings, a list and a table. */
  const body = () => {
    const out: string[] = [];
    for (let section = 0; section < 4; section++) {
      out.push(`## ${pick(ADJ)} ${pick(NOUNS)} at ${pick(COMPANIES)}`, paragraph(), paragraph(), paragraph());
      if (section === 1) out.push(`- ${sentence()}\n- ${sentence()}\n- ${sentence()}`);
      if (section === 2) out.push(`| ${pick(COMPANIES)} | ${pick(NOUNS)} | ${pick(NOUNS)} |\n| --- | --- | --- |\n| ${pick(ADJ)} | ${Math.floor(rng() * 900)} | ${Math.floor(rng() * 90)}% |`);
    }
    return out.join('\n\n');
  };

  const article = (i: number, date?: string) => {
    const title = `${pick(COMPANIES)} ${pick(VERBS)} ${pick(ADJ)} ${pick(THINGS)} (${i})`;
    const pubDate = date ?? new Date(start + Math.floor(rng() * span)).toISOString().slice(0, 10);
    return [
      '---',
      `title: ${yaml(title)}`,
      `description: ${yaml(sentence())}`,
      `pubDate: ${pubDate}`,
      `author: ${rng() < 0.15 ? `[${some(AUTHORS, 2).map((a) => a.id).join(', ')}]` : pick(AUTHORS).id}`,
      `category: ${pick(options.categories)}`,
      `tags: [${some(TAGS, 2 + Math.floor(rng() * 3)).join(', ')}]`,
      `highlights: [${yaml(sentence())}, ${yaml(sentence())}]`,
      '---',
      '',
      body(),
      '',
    ].join('\n');
  };

  return {
    /** Writes articles/ and authors/ under `dir`. */
    write(dir: string): void {
      mkdirSync(path.join(dir, 'articles'), { recursive: true });
      mkdirSync(path.join(dir, 'authors'), { recursive: true });
      for (const a of AUTHORS) writeFileSync(path.join(dir, 'authors', `${a.id}.md`), `---\nname: ${a.name}\nrole: Reporter\nbio: ${a.name} covers AI and chips.\n---\n\n${a.name} writes for the benchmark desk.\n`);
      for (let i = 1; i <= options.n; i++) writeFileSync(path.join(dir, 'articles', articleFile(i, options.format)), article(i));
    },
    /** A new article, dated the newest, as the "add" scenario writes it. */
    newArticle: (i: number) => article(i, '2026-01-02'),
    /** One more paragraph, as the "edit" scenario appends it. */
    paragraph,
  };
}
