// The synthetic labelled corpus: seeded generated prose in 8 topics (the topic is known to the
// evaluator, never written into tags or ids). Generated, not real: the real corpora are in
// corpora.ts. Pure (no I/O, no randomness beyond the seed).
import type { RelatedRecord } from '../../src/lib/related/index.ts';
import { mulberry32, type Rng } from '../../src/lib/seeded-random.ts';
import type { LabelledCorpus } from './labelled.ts';

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

export function makeCorpus(seed: number, withTags: boolean, perTopic = 10): LabelledCorpus {
  const name = `synthetic (seed ${seed}, ${withTags ? 'noisy tags' : 'no tags'})`;
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
  return { name, records, labelOf: topicOf };
}

/** The corpora the reports use: noisy tags with the seed, no tags with seed + 1000 (as before). */
export function syntheticCorpus(tags: 'noisy' | 'none', seed = 7, perTopic = 10): LabelledCorpus {
  return tags === 'noisy' ? makeCorpus(seed, true, perTopic) : makeCorpus(seed + 1000, false, perTopic);
}
