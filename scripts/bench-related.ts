// Speed/memory benchmark for the related-articles engine.
//   npx node scripts/bench-related.ts --n 1000,10000,20000
// Each size runs in a fresh child process (`--single N`) so peak RSS is per size.
// Corpus generation is not timed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { computeAllRelated, type RelatedRecord } from '../src/lib/related/index.ts';

const VOCAB = 30_000;
const TAGS = 2_000;
const CATEGORIES = 8;
const BODY_WORDS = 600;

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampler for a Zipf(s = 1) distribution over ranks 0..n-1 (CDF + binary search). */
function zipf(n: number, rng: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / (r + 1);
  for (let r = 0; r < n; r++) cdf[r]! /= sum;
  return () => {
    const u = rng();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// Pronounceable pseudo-words, distinct per rank (so the stemmer sees word-like input).
const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 're', 'sa', 'ti', 'vo', 'be', 'da', 'fe', 'gu', 'ho', 'ji', 'pa', 'qu', 'ri', 'so', 'tu', 'ze'];
function word(rank: number): string {
  let w = '';
  let r = rank + SYLLABLES.length; // at least two syllables
  while (r > 0) {
    w += SYLLABLES[r % SYLLABLES.length];
    r = Math.floor(r / SYLLABLES.length);
  }
  return w + (rank % 7 === 0 ? 'ing' : rank % 5 === 0 ? 's' : '');
}

export function syntheticCorpus(n: number, seed = 42): RelatedRecord[] {
  const rng = mulberry32(seed);
  const words = Array.from({ length: VOCAB }, (_, r) => word(r));
  const nextWord = zipf(VOCAB, rng);
  const nextTag = zipf(TAGS, rng);
  const text = (len: number) => Array.from({ length: len }, () => words[nextWord()]).join(' ');
  const start = Date.UTC(2021, 0, 1);
  const fiveYears = 5 * 365 * 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const tags = new Set<string>();
    const tagCount = 3 + Math.floor(rng() * 4);
    while (tags.size < tagCount) tags.add(`tag-${nextTag()}`);
    return {
      id: `article-${i.toString().padStart(6, '0')}`,
      title: text(8),
      description: text(25),
      highlights: [text(12), text(12)],
      headings: [text(4), text(4), text(4)],
      bodyText: text(BODY_WORDS - 40 + Math.floor(rng() * 80)),
      tags: [...tags],
      category: `category-${Math.floor(rng() * CATEGORIES)}`,
      authors: [`author-${Math.floor(rng() * 50)}`],
      pubDate: new Date(start + Math.floor(rng() * fiveYears)),
    };
  });
}

interface Result {
  n: number;
  ms: number;
  msPerArticle: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  peakRssMB: number;
  heapUsedMB: number;
  picks: number;
}

const MB = 1024 * 1024;

function runSingle(n: number): Result {
  const records = syntheticCorpus(n);
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const related = computeAllRelated(records, { now: new Date(Date.UTC(2030, 0, 1)) });
  const ms = performance.now() - t0;
  const mem = process.memoryUsage();
  let picks = 0;
  for (const id in related) picks += related[id]!.length;
  return {
    n,
    ms: Math.round(ms),
    msPerArticle: Number((ms / n).toFixed(4)),
    rssBeforeMB: Math.round(before / MB),
    rssAfterMB: Math.round(mem.rss / MB),
    // getrusage peak: covers the whole synchronous computeAllRelated call (and corpus generation)
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedMB: Math.round(mem.heapUsed / MB),
    picks,
  };
}

function main() {
  const args = process.argv.slice(2);
  const single = args.indexOf('--single');
  if (single >= 0) {
    console.log(JSON.stringify(runSingle(Number(args[single + 1]))));
    return;
  }
  const nArg = args.indexOf('--n');
  const sizes = (nArg >= 0 ? args[nArg + 1]! : '1000,10000,20000').split(',').map(Number);
  const script = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  for (const n of sizes) {
    const child = spawnSync(process.execPath, [script, '--single', String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`bench child for n=${n} failed:\n${child.stderr}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Result);
  }
  console.log(`node ${process.version}, computeAllRelated with default options, corpus generation not timed`);
  console.log('| articles | time (ms) | ms/article | peak RSS (MB) | RSS before -> after (MB) | heapUsed after (MB) |');
  console.log('|---------:|----------:|-----------:|--------------:|-------------------------:|--------------------:|');
  for (const r of results) {
    console.log(`| ${r.n} | ${r.ms} | ${r.msPerArticle.toFixed(3)} | ${r.peakRssMB} | ${r.rssBeforeMB} -> ${r.rssAfterMB} | ${r.heapUsedMB} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
