import type { RelatedIndex } from './build-index.ts';
import { relatedFor } from './related.ts';
import { round4 } from './reasons.ts';

/** The article's strongest index terms (after pruning), as readable labels with weights. */
export function topTerms(index: RelatedIndex, id: string, limit = 10): Array<{ term: string; weight: number }> {
  const a = index.docOf.get(id);
  if (a === undefined) return [];
  const terms: Array<{ term: string; weight: number; col: number }> = [];
  for (let i = index.text.start[a]!; i < index.text.start[a + 1]!; i++) {
    terms.push({ term: index.termLabels[index.text.cols[i]!]!, weight: index.text.values[i]!, col: index.text.cols[i]! });
  }
  terms.sort((x, y) => y.weight - x.weight || x.col - y.col);
  return terms.slice(0, limit).map((t) => ({ term: t.term, weight: round4(t.weight) }));
}

/**
 * Human-readable explanation for one article, e.g.
 *   related for "moe-routing" (k=3)
 *   top terms: expert 0.4123, kv cache 0.3120, ...
 *   1. moe-serving  score 0.6123
 *      - text +0.3900  text similarity 0.65 on "expert, routing, kv cache"
 */
export function explainRelated(index: RelatedIndex, id: string): string {
  const lines = [`related for "${id}" (k=${index.options.k})`];
  if (index.draftIds.has(id)) return `${lines[0]}\n  draft: no related articles`;
  const terms = topTerms(index, id);
  lines.push(`top terms: ${terms.length ? terms.map((t) => `${t.term} ${t.weight.toFixed(4)}`).join(', ') : '(none)'}`);
  relatedFor(index, id).forEach((pick, i) => {
    lines.push(`${i + 1}. ${pick.id}  score ${pick.score.toFixed(4)}`);
    for (const r of pick.reasons) lines.push(`   - ${r.signal} +${r.value.toFixed(4)}  ${r.detail}`);
  });
  return lines.join('\n');
}
