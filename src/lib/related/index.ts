// Related-articles engine: pure TypeScript, no Astro runtime imports, so it can run
// in content loaders, scripts and unit tests alike.
export { relatedOptionsSchema, parseRelatedOptions, type RelatedOptions, type RelatedOptionsInput } from './options.ts';
export { buildIndexBase, buildRelatedIndex, publishedInOrder, type IndexBase, type RelatedIndex } from './build-index.ts';
export { relatedFor } from './related.ts';
export { computeAllRelated } from './compute-all.ts';
export { computeAllRelatedInParallel, startRelatedThreads, type ParallelOptions, type RelatedThreads } from './parallel.ts';
export { explainRelated, topTerms } from './explain.ts';
export { extractBodyText, extractHeadings } from './text.ts';
export { tokenize } from './tokenize.ts';
export type { RelatedPick, RelatedReason, RelatedRecord, RelatedSignal } from './types.ts';
