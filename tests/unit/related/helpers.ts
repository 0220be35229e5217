import type { RelatedRecord } from '../../../src/lib/related/index.ts';

export const NOW = new Date('2026-01-01T00:00:00Z');

/** A record with neutral defaults; tests only spell out what matters to them. */
export function rec(id: string, over: Partial<RelatedRecord> = {}): RelatedRecord {
  return {
    id,
    title: '',
    description: '',
    highlights: [],
    headings: [],
    bodyText: '',
    tags: [],
    category: '',
    authors: ['staff'],
    pubDate: new Date('2025-06-01T00:00:00Z'),
    ...over,
  };
}

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
