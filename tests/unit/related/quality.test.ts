import { describe, expect, it } from 'vitest';
import { evaluate, type Method, type TagSet } from '../../../src/lib/related/quality-eval.ts';

// The quality gate of `npm run related:quality`, inside the test suite: on the default labelled
// corpus (seed 7, 8 topics x 10 articles; synthetic, see docs/related.md) the engine's precision@3
// must beat plain TF-IDF, newest-first and random on both tag sets. Ablations are not scored here.
const methods: Method[] = ['random (seeded)', 'newest-first', 'TF-IDF body cosine', 'engine (defaults)'];

describe('related quality on the labelled corpus (seed 7, 8 topics x 10)', () => {
  for (const tags of ['noisy', 'none'] as TagSet[]) {
    it(`engine precision@3 beats TF-IDF, newest-first and random (${tags === 'noisy' ? 'noisy tags' : 'no tags'})`, () => {
      const p = evaluate({ seed: 7, perTopic: 10, tags, methods });
      const engine = p['engine (defaults)']!;
      expect(engine).toBeGreaterThan(p['TF-IDF body cosine']!);
      expect(engine).toBeGreaterThan(p['newest-first']!);
      expect(engine).toBeGreaterThan(p['random (seeded)']!);
      // sanity: the baselines are what the docs report, so the gate compares against real numbers
      expect(p['TF-IDF body cosine']!).toBeGreaterThan(0.5);
    });
  }
});
