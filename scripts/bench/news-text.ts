/**
 * The newsroom vocabulary both generated benchmark corpora write with (the
 * build benchmark, scripts/bench/corpus.ts, and the search benchmark,
 * scripts/bench-search.ts), so bodies read like tech news and queries hit
 * realistic postings. Deterministic for a given random source.
 */
export const COMPANIES = ['DeepSeek', 'Nvidia', 'AMD', 'Intel', 'TSMC', 'Samsung', 'Google', 'Meta', 'Mistral', 'Anthropic', 'OpenAI', 'Huawei', 'Cerebras', 'Groq', 'Alibaba', 'Microsoft', 'Apple', 'Qualcomm', 'Arm', 'SK Hynix'];
export const THINGS = ['mixture-of-experts model', 'accelerator', 'inference server', 'training cluster', 'open-weights release', 'HBM stack', 'reasoning model', 'data centre', 'export rule', 'licensing deal', 'quantisation scheme', 'KV cache', 'context window', 'benchmark suite', 'memory controller', 'interconnect', 'chiplet design', 'speculative decoder', 'attention kernel', 'safety policy'];
export const VERBS = ['ships', 'announces', 'delays', 'benchmarks', 'prices', 'open-sources', 'doubles', 'cuts', 'licenses', 'tests', 'expands', 'rethinks'];
export const ADJ = ['sparse', 'dense', 'cheaper', 'faster', 'larger', 'smaller', 'quantised', 'multilingual', 'long-context', 'energy-efficient', 'regional', 'experimental'];
export const NOUNS = ['throughput', 'latency', 'bandwidth', 'parameters', 'tokens', 'wafers', 'yields', 'margins', 'regulators', 'developers', 'benchmarks', 'inference', 'training', 'memory', 'routing', 'experts', 'power', 'cooling', 'supply', 'demand'];
export const TOPICS = ['moe', 'kv-cache', 'open-weights', 'hbm', 'export-controls', 'inference', 'training', 'quantisation', 'benchmarks', 'data-centres', 'licensing', 'reasoning', 'long-context', 'chiplets', 'pricing', 'safety', 'eu-ai-act', 'robotics', 'agents', 'speech'];

/** `pick`, `some` and `sentence` drawing from `rng`. */
export function newsText(rng: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const some = <T>(list: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(list)))];
  const sentence = () => {
    const s = `${pick(COMPANIES)} ${pick(VERBS)} a ${pick(ADJ)} ${pick(THINGS)} that changes ${pick(NOUNS)} and ${pick(NOUNS)} for ${pick(NOUNS)}`;
    return `${s}${rng() < 0.3 ? `, with ${Math.floor(rng() * 900 + 10)} ${pick(NOUNS)} in the first ${pick(['week', 'month', 'quarter'])}` : ''}.`;
  };
  return { pick, some, sentence };
}
