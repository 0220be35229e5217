// A labelled corpus: records built by the site's own record builder, plus the label (topic,
// genre, mailing list) of each record, known to the evaluator only.
import { toRelatedRecord, type ArticleSource } from '../../src/lib/related/records.ts';
import type { RelatedRecord } from '../../src/lib/related/index.ts';
import { mulberry32, type Rng } from '../../src/lib/seeded-random.ts';

export interface LabelledCorpus {
  name: string;
  records: RelatedRecord[];
  labelOf: Map<string, string>;
}

/** One real text with its label, before it becomes an article. */
export interface LabelledText {
  id: string;
  label: string;
  title: string;
  /** Markdown body (paragraphs separated by blank lines). */
  body: string;
}

export type TagMode = 'none' | 'noisy';

const TWO_YEARS_DAYS = 730;
const START = Date.UTC(2024, 0, 1);
const UBIQUITOUS = ['news', 'analysis'];

/**
 * Texts -> articles through toRelatedRecord (the builder the site uses): a seeded random date
 * over two years (dates say nothing about the label), one category for all, and either no tags
 * or noisy label-derived tags: the own label with p = 0.6, one random label with p = 0.25, and
 * ubiquitous tags with p = 0.5 each (tags that help but cannot be trusted alone).
 */
export function toLabelledCorpus(name: string, texts: readonly LabelledText[], tags: TagMode, seed = 11): LabelledCorpus {
  const rng: Rng = mulberry32(seed);
  const labels = [...new Set(texts.map((t) => t.label))].sort();
  const labelOf = new Map<string, string>();
  const records = texts.map((t) => {
    const day = Math.floor(rng() * TWO_YEARS_DAYS);
    const minute = Math.floor(rng() * 1440);
    const tagList: string[] = [];
    if (tags === 'noisy') {
      if (rng() < 0.6) tagList.push(t.label);
      if (rng() < 0.25) tagList.push(labels[Math.floor(rng() * labels.length)]!);
      for (const u of UBIQUITOUS) if (rng() < 0.5) tagList.push(u);
    }
    const source: ArticleSource = {
      id: t.id,
      body: t.body,
      data: {
        title: t.title,
        description: '',
        highlights: [],
        tags: [...new Set(tagList)],
        category: 'news',
        author: ['staff'],
        pubDate: new Date(START + day * 86_400_000 + minute * 60_000),
        draft: false,
        related: [],
      },
    };
    labelOf.set(t.id, t.label);
    return toRelatedRecord(source);
  });
  return { name: `${name}${tags === 'noisy' ? ' (noisy tags)' : ' (no tags)'}`, records, labelOf };
}

/** Seeded subsample of at most `perLabel` texts per label (all texts when perLabel is Infinity). */
export function capPerLabel(texts: readonly LabelledText[], perLabel: number, seed = 5): LabelledText[] {
  const rng = mulberry32(seed);
  const byLabel = new Map<string, LabelledText[]>();
  for (const t of [...texts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const list = byLabel.get(t.label) ?? [];
    list.push(t);
    byLabel.set(t.label, list);
  }
  const out: LabelledText[] = [];
  for (const [, list] of [...byLabel].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Fisher-Yates with the seeded generator, then keep the first perLabel
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    out.push(...list.slice(0, perLabel));
  }
  return out;
}
