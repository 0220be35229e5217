import type { QueryIndex } from './build-index.ts';
import { topSharedTerms, type ScoredCandidate } from './candidates.ts';
import { sharedContributions } from './sparse.ts';
import type { RelatedReason } from './types.ts';

/** Round to 4 decimals (and never emit -0) so JSON output is byte-stable. */
export function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

const fmt = (x: number) => round4(x).toFixed(2);

/**
 * Top shared terms of two articles as readable labels, largest contribution first.
 * A phrase ("kv cache") absorbs its own words so the detail does not repeat them.
 */
export function sharedTerms(index: QueryIndex, a: number, b: number, limit: number): string[] {
  const chosen: string[] = [];
  for (const c of topSharedTerms(index, a, b, limit * 3)) {
    const label = index.termLabels[c.col]!;
    if (!label.includes(' ')) {
      if (!chosen.some((l) => l === label || (l.includes(' ') && l.split(' ').includes(label)))) chosen.push(label);
      continue;
    }
    const words = label.split(' ');
    // the phrase takes the slot of the first of its words already listed
    const at = chosen.findIndex((l) => words.includes(l));
    const rest = chosen.filter((l) => !words.includes(l));
    if (at < 0) rest.push(label);
    else rest.splice(Math.min(at, rest.length), 0, label);
    chosen.splice(0, chosen.length, ...rest);
  }
  return chosen.slice(0, limit);
}

function describeDistance(days: number): string {
  if (days < 1) return 'published the same day';
  if (days < 60) return `published ${Math.round(days)} days apart`;
  if (days < 730) return `published ${Math.round(days / 30.44)} months apart`;
  return `published ${(days / 365.25).toFixed(1)} years apart`;
}

/**
 * Why `c` was suggested for article `a`: one reason per signal, one per shared tag. Text and
 * tags add up to the relevance; category and recency are the share of the score their factor
 * added (relevance x weight x signal), so the values still add up to the score.
 */
export function scoredReasons(index: QueryIndex, a: number, c: ScoredCandidate): RelatedReason[] {
  const { weights } = index.options;
  const reasons: RelatedReason[] = [];
  const textValue = round4(weights.text * c.text);
  if (textValue > 0) {
    const terms = sharedTerms(index, a, c.doc, 3);
    reasons.push({ signal: 'text', value: textValue, detail: `text similarity ${fmt(c.text)} on "${terms.join(', ')}"` });
  }
  for (const t of sharedContributions(index.tags, a, c.doc)) {
    const value = round4(weights.tags * t.value);
    if (value <= 0) continue;
    const name = index.tagNames[t.col]!;
    reasons.push({ signal: 'tags', value, detail: `shared tag "${name}" (rarity-weighted)` });
  }
  const categoryValue = round4(c.relevance * weights.category * c.category);
  if (categoryValue > 0) {
    const name = index.categoryNames[index.category[a]!]!;
    reasons.push({ signal: 'category', value: categoryValue, detail: `same category "${name}" (relevance x ${fmt(1 + weights.category)})` });
  }
  const recencyValue = round4(c.relevance * weights.recency * c.recency);
  if (recencyValue > 0) {
    const days = Math.abs(index.time[a]! - index.time[c.doc]!) / 86_400_000;
    reasons.push({ signal: 'recency', value: recencyValue, detail: `${describeDistance(days)} (relevance x ${fmt(1 + weights.recency * c.recency)})` });
  }
  return reasons;
}
