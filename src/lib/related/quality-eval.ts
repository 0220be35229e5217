// Labelled quality evaluation of the related-articles engine: a seeded synthetic corpus
// (8 topics; the topic is known to the evaluator, never written into tags or ids) and
// precision@3 of the engine, three baselines and a few ablations.
// Pure (no I/O, no Astro, no randomness beyond the seed): used by
// `scripts/related-quality.ts` (CLI) and `tests/unit/related/quality.test.ts` (quality gate).
// Not exported from index.ts: the site never needs it.
import { computeAllRelated } from './related.ts';
import { tokenize } from './tokenize.ts';
import type { RelatedRecord } from './types.ts';
import { mulberry32, type Rng } from '../seeded-random.ts';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
// Zipf-ish: early entries are much more frequent, as in real prose.
const pickZipf = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length ** rng()) - 1)]!;

export interface Topic {
  name: string;
  category: string;
  neighbour: string; // topic whose vocabulary leaks in (realistic cross-topic overlap)
  terms: string[];
  tags: string[];
}
export const TOPICS: readonly Topic[] = [
  { name: 'llm-inference', category: 'ai', neighbour: 'gpu-hardware', tags: ['inference', 'vllm', 'serving'],
    terms: ['kv cache', 'inference', 'latency', 'tokens per second', 'speculative decoding', 'batching', 'quantization', 'prefill', 'context window', 'serving stack', 'throughput', 'attention kernels', 'vllm', 'paged attention', 'decode step'] },
  { name: 'gpu-hardware', category: 'hardware', neighbour: 'llm-inference', tags: ['gpus', 'nvidia', 'chips'],
    terms: ['gpu', 'nvidia', 'memory bandwidth', 'hbm', 'tensor cores', 'tsmc', 'wafer', 'die size', 'advanced packaging', 'nanometer node', 'throughput', 'power draw', 'accelerator', 'interconnect', 'chiplet'] },
  { name: 'moe-training', category: 'ai', neighbour: 'llm-inference', tags: ['moe', 'training', 'research'],
    terms: ['mixture of experts', 'expert routing', 'router', 'load balancing', 'sparse layers', 'pretraining', 'training run', 'scaling laws', 'gradient', 'checkpoint', 'dataset', 'tokens', 'expert capacity', 'auxiliary loss', 'dense baseline'] },
  { name: 'ai-regulation', category: 'policy', neighbour: 'privacy-security', tags: ['regulation', 'eu', 'policy'],
    terms: ['ai act', 'regulators', 'compliance', 'lawmakers', 'senate', 'copyright', 'liability', 'fines', 'transparency rules', 'commission', 'enforcement', 'risk classification', 'lobbying', 'data protection', 'audit'] },
  { name: 'privacy-security', category: 'security', neighbour: 'ai-regulation', tags: ['security', 'privacy', 'breach'],
    terms: ['encryption', 'vulnerability', 'ransomware', 'data breach', 'patch', 'exploit', 'zero day', 'passkeys', 'data protection', 'attackers', 'credentials', 'phishing', 'incident response', 'audit', 'supply chain'] },
  { name: 'smartphones', category: 'hardware', neighbour: 'gpu-hardware', tags: ['phones', 'android', 'iphone'],
    terms: ['iphone', 'android', 'battery life', 'camera', 'display', 'snapdragon', 'foldable', 'app store', 'charging', 'handset', 'chip', 'screen', 'carrier', 'wireless charging', 'haptics'] },
  { name: 'cloud-infra', category: 'cloud', neighbour: 'open-source', tags: ['cloud', 'kubernetes', 'aws'],
    terms: ['kubernetes', 'serverless', 'region outage', 'latency', 'autoscaling', 'aws', 'billing', 'containers', 'edge network', 'cdn', 'load balancer', 'control plane', 'cluster', 'observability', 'failover'] },
  { name: 'open-source', category: 'cloud', neighbour: 'privacy-security', tags: ['open source', 'linux', 'rust'],
    terms: ['license', 'maintainers', 'github', 'fork', 'rust', 'linux kernel', 'contributors', 'foundation', 'pull requests', 'supply chain', 'release cycle', 'governance', 'package registry', 'code review', 'volunteers'] },
];
const GENERIC = ('company announced new users update report customers developers performance release market year billion ' +
  'feature platform team product industry startup model ai data software system support cost price launch week ' +
  'growth plan rollout version partners analysts revenue tools workloads teams services google microsoft apple meta ' +
  'openai amazon cloud security hardware research engineers benchmark tests results open source policy million ' +
  'early preview beta public private enterprise consumer devices apps internet network speed scale quality ' +
  'investors funding ceo executives employees board deal acquisition lawsuit court judge ruling europe china ' +
  'states government officials agency federal rules pricing subscription free paid available countries launch ' +
  'demand supply sales quarter earnings shares stock growth losses profit budget spending costs jobs hiring ' +
  'problem issue fix bug crash change changes version features settings interface design experience reviews ' +
  'video photos messages chat search assistant agents automation workflow productivity office remote time').split(' ');
const UBIQUITOUS_TAGS = ['ai', 'news', 'analysis'];
const GLUE = 'the a of and to in for on with that is as by this it from at its are was'.split(' ');

function sentence(rng: Rng, topic: Topic, words: number): string {
  const neighbour = TOPICS.find((t) => t.name === topic.neighbour)!;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = rng();
    // ~30% glue words, ~7% own topic, ~5% neighbour topic, ~4% any topic, rest generic tech prose
    if (r < 0.3) out.push(pick(rng, GLUE));
    else if (r < 0.37) out.push(pickZipf(rng, topic.terms));
    else if (r < 0.42) out.push(pickZipf(rng, neighbour.terms));
    else if (r < 0.46) out.push(pick(rng, pick(rng, TOPICS).terms)); // off-topic noise
    else out.push(pickZipf(rng, GENERIC));
  }
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function title(rng: Rng, topic: Topic): string {
  const neighbour = TOPICS.find((t) => t.name === topic.neighbour)!;
  const words = [pick(rng, topic.terms), pickZipf(rng, GENERIC), rng() < 0.5 ? pick(rng, topic.terms) : pick(rng, neighbour.terms)];
  return `${pick(rng, ['How', 'Why', 'Inside', 'The new', 'What'])} ${words[0]} ${pick(rng, GLUE)} ${words[1]} ${words[2]}`;
}

export interface LabelledCorpus {
  records: RelatedRecord[];
  topicOf: Map<string, string>;
}

export function makeCorpus(seed: number, withTags: boolean, perTopic = 10): LabelledCorpus {
  const rng = mulberry32(seed);
  const records: RelatedRecord[] = [];
  const topicOf = new Map<string, string>();
  const start = Date.UTC(2024, 0, 1);
  const categories = [...new Set(TOPICS.map((t) => t.category))];
  for (const topic of TOPICS)
    for (let i = 0; i < perTopic; i++) {
      const id = `a${Math.floor(rng() * 1e6).toString(36)}-${records.length}`; // opaque: no topic in the id
      const tags: string[] = [];
      if (withTags) {
        for (const t of UBIQUITOUS_TAGS) if (rng() < 0.6) tags.push(t);
        if (rng() < 0.8) tags.push(pick(rng, topic.tags));
        if (rng() < 0.35) tags.push(pick(rng, pick(rng, TOPICS).tags)); // noisy: a tag from any topic
      }
      // 250-500 words of body
      const paragraphs = Array.from({ length: 5 + Math.floor(rng() * 5) }, () => sentence(rng, topic, 50));
      records.push({
        id,
        title: title(rng, topic),
        description: sentence(rng, topic, 18),
        highlights: [sentence(rng, topic, 10), sentence(rng, topic, 10)],
        headings: Array.from({ length: 3 }, () => `${pick(rng, topic.terms)} ${pickZipf(rng, GENERIC)}`),
        bodyText: paragraphs.join(' '),
        tags,
        category: rng() < 0.6 ? topic.category : pick(rng, categories), // category only loosely follows topic
        authors: ['staff'],
        pubDate: new Date(start + Math.floor(rng() * 730) * 86_400_000),
      });
      topicOf.set(id, topic.name);
    }
  return { records, topicOf };
}

export type Picker = (records: RelatedRecord[]) => Map<string, string[]>;

const randomBaseline = (seed: number): Picker => (records) => {
  const rng = mulberry32(seed);
  return new Map(records.map((r) => {
    const others = records.filter((o) => o.id !== r.id);
    const picks: string[] = [];
    while (picks.length < 3) {
      const o = pick(rng, others).id;
      if (!picks.includes(o)) picks.push(o);
    }
    return [r.id, picks];
  }));
};

const newestBaseline: Picker = (records) => {
  const sorted = [...records].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || (a.id < b.id ? -1 : 1));
  return new Map(records.map((r) => [r.id, sorted.filter((o) => o.id !== r.id).slice(0, 3).map((o) => o.id)]));
};

// Plain TF-IDF cosine on the body only: raw tf x ln(N/df), no field boosts, no tags, no bigrams.
// Sparse vectors over numeric term ids and a dense scatter of the query vector, so the baseline
// stays usable at a few thousand articles (--per-topic); exhaustive over all pairs.
const tfidfBaseline: Picker = (records) => {
  const termId = new Map<string, number>();
  const tfs = records.map((r) => {
    const m = new Map<number, number>();
    for (const t of tokenize(r.bodyText)) {
      let id = termId.get(t);
      if (id === undefined) termId.set(t, (id = termId.size));
      m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  });
  const df = new Float64Array(termId.size);
  for (const m of tfs) for (const t of m.keys()) df[t]!++;
  const vecs = tfs.map((m) => {
    const ids = Int32Array.from(m.keys());
    const ws = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((t, i) => {
      ws[i] = m.get(t)! * Math.log(records.length / df[t]!);
      norm += ws[i]! * ws[i]!;
    });
    for (let i = 0; i < ws.length; i++) ws[i]! /= Math.sqrt(norm) || 1;
    return { ids, ws };
  });
  const dense = new Float64Array(termId.size);
  return new Map(records.map((r, i) => {
    const q = vecs[i]!;
    for (let x = 0; x < q.ids.length; x++) dense[q.ids[x]!] = q.ws[x]!;
    const scored: Array<{ id: string; dot: number }> = [];
    for (let j = 0; j < records.length; j++) {
      if (j === i) continue;
      const v = vecs[j]!;
      let dot = 0;
      for (let x = 0; x < v.ids.length; x++) dot += dense[v.ids[x]!]! * v.ws[x]!;
      scored.push({ id: records[j]!.id, dot });
    }
    for (let x = 0; x < q.ids.length; x++) dense[q.ids[x]!] = 0;
    scored.sort((a, b) => b.dot - a.dot || (a.id < b.id ? -1 : 1));
    return [r.id, scored.slice(0, 3).map((s) => s.id)];
  }));
};

const engineWith = (extra: Record<string, unknown>): Picker => (records) => {
  const all = computeAllRelated(records, { k: 3, now: new Date(Date.UTC(2030, 0, 1)), ...extra });
  return new Map(Object.entries(all).map(([id, picks]) => [id, picks.map((p) => p.id)]));
};

export function precisionAt3(corpus: LabelledCorpus, picker: Picker): number {
  let hits = 0;
  let total = 0;
  for (const [id, picks] of picker(corpus.records)) {
    for (const p of picks.slice(0, 3)) {
      total++;
      if (corpus.topicOf.get(p) === corpus.topicOf.get(id)) hits++;
    }
  }
  return hits / total;
}

/** Methods in report order. The first four are the comparison; the rest are ablations. */
export const METHODS = [
  'random (seeded)',
  'newest-first',
  'TF-IDF body cosine',
  'engine (defaults)',
  'engine + bigrams',
  'engine, no MMR',
  'engine, text only',
] as const;
export type Method = (typeof METHODS)[number];

function pickerFor(method: Method, seed: number): Picker {
  switch (method) {
    case 'random (seeded)': return randomBaseline(seed);
    case 'newest-first': return newestBaseline;
    case 'TF-IDF body cosine': return tfidfBaseline;
    case 'engine (defaults)': return engineWith({});
    case 'engine + bigrams': return engineWith({ bigrams: true });
    case 'engine, no MMR': return engineWith({ diversityLambda: 1 });
    case 'engine, text only': return engineWith({ weights: { text: 1, tags: 0, category: 0, recency: 0 } });
  }
}

export type TagSet = 'noisy' | 'none';

export interface EvaluateOptions {
  /** Report seed (default 7). The noisy-tags corpus uses it, the no-tags corpus uses seed + 1000. */
  seed?: number;
  /** Articles per topic (default 10: 8 topics x 10 = 80 articles). */
  perTopic?: number;
  /** 'noisy': ubiquitous, own-topic and random-topic tags; 'none': no tags at all. */
  tags: TagSet;
  /** Which methods to score (default: all of METHODS, in that order). */
  methods?: readonly Method[];
}

/** The labelled corpus the report uses for that seed and tag set. */
export function corpusFor({ seed = 7, perTopic = 10, tags }: EvaluateOptions): LabelledCorpus {
  return tags === 'noisy' ? makeCorpus(seed, true, perTopic) : makeCorpus(seed + 1000, false, perTopic);
}

/** precision@3 per method on one labelled set, in the order asked for. */
export function evaluate(options: EvaluateOptions): Partial<Record<Method, number>> {
  const corpus = corpusFor(options);
  const seed = options.seed ?? 7;
  const out: Partial<Record<Method, number>> = {};
  for (const method of options.methods ?? METHODS) out[method] = precisionAt3(corpus, pickerFor(method, seed));
  return out;
}
