export interface RelatedRecord {
  id: string;
  title: string;
  description: string;
  highlights: string[];
  headings: string[];
  /** Article text without markup, code or URLs (see extractBodyText). */
  bodyText: string;
  tags: string[];
  category: string;
  authors: string[];
  pubDate: Date;
  draft?: boolean;
  /** Slugs from frontmatter `related`, shown first in this order. */
  pinned?: string[];
}

export type RelatedSignal = 'pinned' | 'text' | 'tags' | 'category' | 'recency' | 'fallback-category' | 'fallback-recent';

export interface RelatedReason {
  signal: RelatedSignal;
  /** Contribution to the score (already multiplied by the signal's weight), 4 decimals. */
  value: number;
  detail: string;
}

export interface RelatedPick {
  id: string;
  score: number;
  reasons: RelatedReason[];
}

/** Row-compressed sparse matrix: row r owns entries [start[r], start[r + 1]). */
export interface SparseRows {
  start: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}
