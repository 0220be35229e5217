import { parseRelatedOptions, type RelatedOptions, type RelatedOptionsInput } from './options.ts';
import { idf, impactPostings, packRows } from './sparse.ts';
import { countTerms, type TermCounts } from './term-counts.ts';
import { buildTextVectors, type WeighedRows } from './text-vectors.ts';
import type { RelatedRecord, SparseRows } from './types.ts';

/**
 * What a query reads: typed arrays (the big ones on SharedArrayBuffers, so worker threads read
 * them without a copy, see parallel.ts), labels, and of each record only its id and pins.
 */
export interface QueryIndex {
  options: RelatedOptions;
  /** Non-draft records sorted by id; a doc number is a position in this list. */
  records: ReadonlyArray<Pick<RelatedRecord, 'id' | 'pinned'>>;
  docOf: Map<string, number>;
  time: Float64Array;
  /** 1 when the doc may be suggested (published: pubDate <= now). */
  eligible: Uint8Array;
  category: Int32Array;
  categoryNames: string[];
  /** Per doc: its top maxTermsPerDoc terms (exact scoring). */
  text: SparseRows;
  /** Per doc: its top candidateTermsPerDoc terms; the postings hold these only. */
  textCandidates: SparseRows;
  textPostings: SparseRows;
  termLabels: string[];
  numTerms: number;
  tags: SparseRows;
  tagPostings: SparseRows;
  tagNames: string[];
  /** Eligible docs newest first (ties: id asc), overall and per category, for fallbacks. */
  newest: Int32Array;
  newestByCategory: Int32Array[];
}

export interface RelatedIndex extends QueryIndex {
  records: RelatedRecord[];
  /** Ids of draft records: they exist but get no output and are never suggested. */
  draftIds: Set<string>;
  /** truncatedTerms / truncatedTags: posting lists cut to their maxPostingsPerTerm best entries. */
  stats: { docs: number; eligible: number; terms: number; truncatedTerms: number; tags: number; truncatedTags: number };
}

const byId = (a: RelatedRecord, b: RelatedRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The records the index holds, in doc-number order: non-drafts sorted by id. */
export function publishedInOrder(input: readonly RelatedRecord[]): RelatedRecord[] {
  return input.filter((r) => !r.draft).sort(byId);
}

/**
 * Tag vectors: binary presence weighted by idf / idf of a tag on one article (so in (0, 1]),
 * divided by the L2 norm only when that exceeds 1. A rare shared tag dominates a ubiquitous
 * one, and, unlike a plain cosine, two articles whose only tag is the ubiquitous "ai" score
 * near 0, not 1: sharing it is not meaningful overlap.
 */
function buildTagVectors(records: readonly RelatedRecord[]) {
  const tagIds = new Map<string, number>();
  const names: string[] = [];
  const perDoc = records.map((r) => {
    const ids = new Set<number>();
    for (const raw of r.tags) {
      const tag = raw.trim().toLowerCase();
      if (!tag) continue;
      let id = tagIds.get(tag);
      if (id === undefined) {
        id = names.length;
        names.push(tag);
        tagIds.set(tag, id);
      }
      ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  });
  const df = new Uint32Array(names.length);
  for (const ids of perDoc) for (const t of ids) df[t]!++;
  const rarest = idf(records.length, 1);
  const rows = perDoc.map((cols) => {
    const values = cols.map((t) => idf(records.length, df[t]!) / rarest);
    const norm = Math.max(1, Math.sqrt(values.reduce((s, v) => s + v * v, 0)));
    return { cols, values: values.map((v) => v / norm) };
  });
  return { rows: packRows(rows), names };
}

/** Everything in the index but the text rows: what can be built while the rows are weighed. */
export type IndexBase = Omit<RelatedIndex, 'text' | 'textCandidates' | 'textPostings' | 'termLabels' | 'numTerms' | 'stats'> & {
  stats: Pick<RelatedIndex['stats'], 'docs' | 'eligible' | 'tags' | 'truncatedTags'>;
};

/** Records, dates, categories, tags and the fallback lists (no text): checks ids and dates. */
export function buildIndexBase(input: readonly RelatedRecord[], options: RelatedOptions): IndexBase {
  const now = (options.now ?? new Date()).getTime();
  const seen = new Set<string>();
  for (const r of input) {
    if (seen.has(r.id)) throw new Error(`related: duplicate article id "${r.id}"`);
    seen.add(r.id);
  }
  const draftIds = new Set(input.filter((r) => r.draft).map((r) => r.id));
  const records = publishedInOrder(input);
  const n = records.length;

  const docOf = new Map<string, number>();
  const time = new Float64Array(n);
  const eligible = new Uint8Array(n);
  const category = new Int32Array(n);
  const categoryIds = new Map<string, number>();
  const categoryNames: string[] = [];
  records.forEach((r, d) => {
    docOf.set(r.id, d);
    time[d] = r.pubDate.getTime();
    if (Number.isNaN(time[d])) throw new Error(`related: article "${r.id}" has an invalid pubDate`);
    eligible[d] = time[d]! <= now ? 1 : 0;
    const cat = (r.category ?? '').trim().toLowerCase();
    let c = categoryIds.get(cat);
    if (c === undefined) {
      c = categoryNames.length;
      categoryNames.push(cat);
      categoryIds.set(cat, c);
    }
    category[d] = c;
  });

  const tagVectors = buildTagVectors(records);
  const tagPostings = impactPostings(tagVectors.rows, tagVectors.names.length, eligible, time, options.maxPostingsPerTerm);

  const order: number[] = [];
  for (let d = 0; d < n; d++) if (eligible[d]) order.push(d);
  order.sort((a, b) => time[b]! - time[a]! || a - b);
  const perCategory: number[][] = categoryNames.map(() => []);
  for (const d of order) perCategory[category[d]!]!.push(d);

  return {
    options,
    records,
    docOf,
    draftIds,
    time,
    eligible,
    category,
    categoryNames,
    tags: tagVectors.rows,
    tagPostings: tagPostings.postings,
    tagNames: tagVectors.names,
    newest: Int32Array.from(order),
    newestByCategory: perCategory.map((l) => Int32Array.from(l)),
    stats: { docs: n, eligible: order.length, tags: tagVectors.names.length, truncatedTags: tagPostings.truncatedLists },
  };
}

/**
 * Phases 1 and 2: add all records, then finalise IDF, norms and impact-pruned postings.
 * `counts`, `weighed` and `base`, when given, are countTerms(publishedInOrder(input), options),
 * the weighed rows of those counts and buildIndexBase(input, options), computed elsewhere (on
 * several threads: parallel.ts); the index is the same either way.
 */
export function buildRelatedIndex(input: readonly RelatedRecord[], optionsInput: RelatedOptionsInput = {}, counts?: TermCounts, weighed?: WeighedRows, base?: IndexBase): RelatedIndex {
  const options = base?.options ?? parseRelatedOptions(optionsInput);
  const { stats, ...rest } = base ?? buildIndexBase(input, options);
  const textVectors = buildTextVectors(rest.records, options, counts ?? countTerms(rest.records, options), counts ? weighed : undefined);
  const textPostings = impactPostings(textVectors.candidateRows, textVectors.numTerms, rest.eligible, rest.time, options.maxPostingsPerTerm);
  return {
    ...rest,
    text: textVectors.rows,
    textCandidates: textVectors.candidateRows,
    textPostings: textPostings.postings,
    termLabels: textVectors.labels,
    numTerms: textVectors.numTerms,
    stats: {
      docs: stats.docs,
      eligible: stats.eligible,
      terms: textVectors.numTerms,
      truncatedTerms: textPostings.truncatedLists,
      tags: stats.tags,
      truncatedTags: stats.truncatedTags,
    },
  };
}
