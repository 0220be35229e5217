import { buildRelatedIndex } from './build-index.ts';
import type { RelatedOptionsInput } from './options.ts';
import { relatedForDoc } from './related.ts';
import type { RelatedPick, RelatedRecord } from './types.ts';

/** Related picks for every non-draft article, keyed in sorted id order (one thread; see parallel.ts). */
export function computeAllRelated(records: readonly RelatedRecord[], options: RelatedOptionsInput = {}): Record<string, RelatedPick[]> {
  const index = buildRelatedIndex(records, options);
  const out: Record<string, RelatedPick[]> = {};
  for (let d = 0; d < index.records.length; d++) out[index.records[d]!.id] = relatedForDoc(index, d);
  return out;
}
