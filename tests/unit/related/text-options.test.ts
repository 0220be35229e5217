import { describe, expect, it } from 'vitest';
import { extractBodyText, extractHeadings, parseRelatedOptions, relatedOptionsSchema, tokenize } from '../../../src/lib/related/index.ts';
import { Vocabulary } from '../../../src/lib/related/vocabulary.ts';

const mdx = `---
title: KV cache paging
tags: [inference]
---
import Chart from '../../components/Chart.astro';
export const meta = {
  draft: false,
};

# KV cache paging

Paged attention, **explained** with _care_: see [the vLLM paper](https://arxiv.org/abs/2309.06180)
or https://blog.example.com/paged?x=1 and www.example.org/page for details on snake_case_names.

\`\`\`python
secret_function_name()
\`\`\`

## Why \`block_size\` matters ##

<Callout type="tip" render={(x) => x > 1}>Blocks avoid fragmentation</Callout>
<Figure
  src="/img/pages.png"
  caption="ignored attribute"
/>

| Blocks | Waste |
|:-------|------:|
| paged  | low   |

Run \`pip install vllm\` first. {props.footnote} <!-- editor note -->
### Results
`;

describe('extractBodyText', () => {
  const text = extractBodyText(mdx);
  it('keeps prose, heading text and the text children of tags', () => {
    expect(text).toContain('KV cache paging');
    expect(text).toContain('Paged attention, explained with care: see the vLLM paper or');
    expect(text).toContain('Blocks avoid fragmentation');
    expect(text).toContain('snake_case_names');
    expect(text).toContain('Blocks Waste paged low');
  });
  it('removes frontmatter, ESM, code, URLs, tags, attributes, comments and markup', () => {
    for (const gone of ['title:', 'import', 'export', 'secret_function_name', 'block_size', 'pip install', 'arxiv', 'https', 'blog.example', 'www.', 'Callout', 'Figure', 'caption', 'ignored attribute', 'props.footnote', 'editor note', '**', '|', '---', '```', '<', '>', '#']) {
      expect(text, `should not contain ${gone}`).not.toContain(gone);
    }
  });
});

describe('extractHeadings', () => {
  it('returns ## and ### headings only, as plain text, ignoring code blocks', () => {
    expect(extractHeadings(`${mdx}\n\`\`\`md\n## not a heading\n\`\`\`\n#### too deep\n## [Linked](https://x.y) heading`)).toEqual([
      'Why block_size matters',
      'Results',
      'Linked heading',
    ]);
  });
});

describe('tokenize', () => {
  it('lower-cases, splits Unicode-aware, drops stop words and stems', () => {
    expect(tokenize('The Experts are ROUTING tokens; Café-Übersicht and 2024 H100s')).toEqual(['expert', 'rout', 'token', 'café', 'übersicht', 'h100']);
  });
});

describe('Vocabulary', () => {
  it('gives the same stem ids on the ASCII fast path and the Unicode path', () => {
    const vocab = new Vocabulary();
    const ascii = vocab.encode('Routing experts, routed tokens');
    const unicode = vocab.encode('Café: routing experts, routed tokens');
    expect(unicode.slice(1)).toEqual(ascii);
    expect(vocab.stems[unicode[0]!]).toBe('café');
    expect(ascii[0]).toBe(ascii[2]); // routing / routed share the stem "rout"
    expect(vocab.surfaceForms()[ascii[0]!]).toBe('routed'); // 2 vs 2: ties go to the alphabetically first form
    vocab.encode('routing');
    expect(vocab.surfaceForms()[ascii[0]!]).toBe('routing'); // now the most frequent form
  });

  it('finds words across both paths in either order, and keeps ids as its tables grow', () => {
    const vocab = new Vocabulary();
    const unicodeFirst = vocab.encode('Über routing experts');
    expect(vocab.encode('ROUTING Experts')).toEqual(unicodeFirst.slice(1));
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36).padStart(12, 'q')}x`).join(' ');
    const ids = vocab.encode(words); // thousands of new words: the hash table and byte pool grow
    expect(ids).toHaveLength(5000);
    expect(vocab.encode(words.toUpperCase())).toEqual(ids);
    expect(vocab.encode(`é ${words}`)).toEqual(ids); // Unicode path ("é" is a one-letter noise word)
    expect(vocab.encode('naïve naive')).toEqual([vocab.encode('naïve')[0], vocab.encode('naive')[0]]);
    expect(vocab.encode('naïve')[0]).not.toBe(vocab.encode('naive')[0]);
  });
});

describe('relatedOptionsSchema', () => {
  it('parses {} to the defaults', () => {
    expect(relatedOptionsSchema.parse({})).toEqual({
      k: 3,
      weights: { text: 1, tags: 0.3, category: 0.1, recency: 0.1 },
      newer: 'exclude',
      recencyHalfLifeDays: 180,
      minTextSimilarity: 0.05,
      minTagSimilarity: 0.3,
      minScore: 0,
      diversityLambda: 0.8,
      fieldBoosts: { title: 3, description: 2, highlights: 1.5, headings: 1.5, body: 1 },
      termWeighting: 'log',
      idfExponent: 0.5,
      bm25: { k1: 1.2, b: 0.75 },
      maxPostingsPerTerm: 128,
      maxTermsPerDoc: 1000,
      candidateTermsPerDoc: 48,
      bigrams: false,
    });
  });
  it('fills the rest of a partial nested object with defaults', () => {
    expect(relatedOptionsSchema.parse({ weights: { tags: 0.5 } }).weights).toEqual({ text: 1, tags: 0.5, category: 0.1, recency: 0.1 });
  });
  it('rejects a negative weight with a clear message', () => {
    const result = relatedOptionsSchema.safeParse({ weights: { tags: -0.1 } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['weights', 'tags']);
    expect(result.error!.issues[0]!.message).toBe('a number of 0 or more (a negative weight would penalise a match)');
    expect(() => parseRelatedOptions({ weights: { tags: -0.1 } })).toThrow('Invalid related-articles options:\n  weights.tags: expected a number of 0 or more (a negative weight would penalise a match)');
  });
  it('rejects out-of-range k and lambda', () => {
    expect(() => parseRelatedOptions({ k: 0 })).toThrow(/k: expected a whole number from 1 to 50/);
    expect(() => parseRelatedOptions({ diversityLambda: 1.5 })).toThrow(/diversityLambda: expected a number from 0 to 1/);
    expect(() => parseRelatedOptions({ newer: 'later' })).toThrow(/newer: expected "include" or "exclude"/);
  });
});
