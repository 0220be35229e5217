// Speed/memory benchmark for the related-articles engine.
//   npx node scripts/bench-related.ts --n 1000,10000,20000
//   npx node scripts/bench-related.ts --recall 10000   (default picks vs no shortlist and no posting pruning)
//   add --p 32 to override maxPostingsPerTerm in either mode
//   add --threads 1 to run on one thread (default: one per core, as the build does)
// Each size runs in a fresh child process (`--single N`, with --expose-gc) so peak RSS is per size.
// Corpus generation is not timed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { buildIndexBase, buildRelatedIndex, computeAllRelated, parseRelatedOptions, publishedInOrder, startRelatedThreads, type IndexBase, type RelatedIndex, type RelatedOptionsInput, type RelatedPick, type RelatedRecord } from '../src/lib/related/index.ts';
import { mulberry32 } from '../src/lib/seeded-random.ts';

const VOCAB = 30_000;
const TAGS = 2_000;
const CATEGORIES = 8;
const BODY_WORDS = 600;


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
  /** computeAllRelatedInParallel: worker start-up, buildRelatedIndex, every article's picks, workers ended; corpus not included */
  ms: number;
  /** articles whose picks each thread computed (this one first) */
  perThread: number[];
  buildMs: number;
  queryMs: number;
  /** user + system CPU time of the same section (less sensitive to other processes than wall time) */
  cpuMs: number;
  /** the same for this thread only: on an idle machine the wall time cannot go below it */
  mainCpuMs: number;
  msPerArticle: number;
  queryUsPerArticle: number;
  /** average posting entries walked per article (kept list lengths of its terms and tags) */
  walk: number;
  walkMax: number;
  rssCorpusMB: number;
  peakRssCorpusMB: number;
  rssAfterMB: number;
  peakRssMB: number;
  heapUsedMB: number;
  /** heapUsed + arrayBuffers after GC with the index and all picks alive, minus the same with the corpus only */
  engineRetainedMB: number;
  picks: number;
}

const MB = 1024 * 1024;
const NOW = new Date(Date.UTC(2030, 0, 1));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Average and largest number of posting entries a query walks (outside the timed part). Lists
 *  are in time order and with newer 'exclude' a query walks only the entries not newer than itself. */
function walkStats(index: RelatedIndex): { walk: number; walkMax: number } {
  const exclude = index.options.newer === 'exclude';
  let total = 0;
  let max = 0;
  for (let a = 0; a < index.records.length; a++) {
    let w = 0;
    for (const [rows, postings] of [[index.textCandidates, index.textPostings], [index.tags, index.tagPostings]] as const) {
      for (let i = rows.start[a]!; i < rows.start[a + 1]!; i++) {
        const t = rows.cols[i]!;
        for (let p = postings.start[t]!; p < postings.start[t + 1]!; p++) if (!exclude || index.time[postings.cols[p]!]! <= index.time[a]!) w++;
      }
    }
    total += w;
    max = Math.max(max, w);
  }
  return { walk: Math.round(total / index.records.length), walkMax: max };
}

async function runSingle(n: number, extra: RelatedOptionsInput, threads: number | undefined): Promise<Result> {
  const records = syntheticCorpus(n);
  gc();
  const m0 = process.memoryUsage();
  const peakCorpus = peakMB();
  // Same work as computeAllRelatedInParallel (it is exactly these steps), split to time the two
  // phases. Worker start-up and counting terms count in the build phase, the workers' exit in
  // the query phase. CPU time is the whole process's: all threads.
  const c0 = process.cpuUsage();
  const m0cpu = process.threadCpuUsage();
  const t0 = performance.now();
  const pool = startRelatedThreads(records.length, { threads });
  const options = parseRelatedOptions({ now: NOW, ...extra });
  const published = publishedInOrder(records);
  const counts = await pool.countTerms(published, options);
  let base: IndexBase | undefined;
  const weighed = counts && (await pool.weighRows(counts, published.length, options, () => (base = buildIndexBase(records, options))));
  const index = buildRelatedIndex(records, options, counts, weighed, base);
  const t1 = performance.now();
  const { picks: byDoc, perThread } = await pool.queryAll(index);
  await pool.close();
  const related: Record<string, RelatedPick[]> = {};
  index.records.forEach((r, d) => (related[r.id] = byDoc[d]!));
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const mainCpu = process.threadCpuUsage(m0cpu);
  const mem = process.memoryUsage();
  const peak = peakMB();
  gc();
  const m2 = process.memoryUsage();
  let picks = 0;
  for (const id in related) picks += related[id]!.length;
  return {
    n,
    ms: Math.round(t2 - t0),
    perThread,
    buildMs: Math.round(t1 - t0),
    queryMs: Math.round(t2 - t1),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mainCpuMs: Math.round((mainCpu.user + mainCpu.system) / 1000),
    msPerArticle: (t2 - t0) / n,
    queryUsPerArticle: ((t2 - t1) * 1000) / n,
    ...walkStats(index),
    rssCorpusMB: Math.round(m0.rss / MB),
    peakRssCorpusMB: peakCorpus,
    rssAfterMB: Math.round(mem.rss / MB),
    peakRssMB: peak,
    heapUsedMB: Math.round(mem.heapUsed / MB),
    engineRetainedMB: Math.round((m2.heapUsed + m2.arrayBuffers - m0.heapUsed - m0.arrayBuffers) / MB),
    picks,
  };
}

/** Agreement of the default picks (shortlist, pruned postings) with exhaustive scoring, on the same corpus. */
function runRecall(n: number, extra: RelatedOptionsInput) {
  const records = syntheticCorpus(n);
  const pruned = computeAllRelated(records, { now: NOW, ...extra });
  const exhaustive = computeAllRelated(records, { now: NOW, maxPostingsPerTerm: 100_000, shortlistSize: 1_000_000, candidateTermsPerDoc: 5000 });
  let same = 0;
  let overlap = 0;
  let total = 0;
  for (const id in exhaustive) {
    const want = exhaustive[id]!.map((p) => p.id);
    const got = pruned[id]!.map((p) => p.id);
    if (want.join() === got.join()) same++;
    for (const g of got) if (want.includes(g)) overlap++;
    total += want.length;
  }
  const articles = Object.keys(exhaustive).length;
  console.log(`n=${n}, ${JSON.stringify(extra)}: picks identical to exhaustive scoring (no shortlist, no posting pruning) for ${same}/${articles} articles (${((100 * same) / articles).toFixed(1)} %), pick overlap ${((100 * overlap) / total).toFixed(1)} %`);
}

async function main() {
  const args = process.argv.slice(2);
  const pArg = args.indexOf('--p'); // maxPostingsPerTerm override (default: the engine's default)
  const extra: RelatedOptionsInput = pArg >= 0 ? { maxPostingsPerTerm: Number(args[pArg + 1]) } : {};
  const tArg = args.indexOf('--threads');
  const threads = tArg >= 0 ? Number(args[tArg + 1]) : undefined;
  const single = args.indexOf('--single');
  if (single >= 0) {
    console.log(JSON.stringify(await runSingle(Number(args[single + 1]), extra, threads)));
    return;
  }
  const recall = args.indexOf('--recall');
  if (recall >= 0) {
    runRecall(Number(args[recall + 1]), extra);
    return;
  }
  const nArg = args.indexOf('--n');
  const sizes = (nArg >= 0 ? args[nArg + 1]! : '1000,10000,20000').split(',').map(Number);
  const script = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  for (const n of sizes) {
    const passOn = [...(pArg >= 0 ? ['--p', args[pArg + 1]!] : []), ...(tArg >= 0 ? ['--threads', args[tArg + 1]!] : [])];
    const child = spawnSync(process.execPath, ['--expose-gc', script, '--single', String(n), ...passOn], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`bench child for n=${n} failed:\n${child.stderr}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Result);
  }
  console.log(`node ${process.version}, options ${JSON.stringify(extra)} (engine defaults otherwise), threads ${threads ?? `default (${os.availableParallelism()} cores)`}, one child process per size; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('time = wall time of computeAllRelatedInParallel (worker start-up, index build, every article\'s picks, workers ended); CPU = user + system time of the same, all threads (this thread alone in brackets); corpus generation not timed');
  console.log('| articles | time (ms) | CPU (ms) | build / queries (ms) | articles per thread | ms/article | query µs/article | postings walked/article (avg, max) | peak RSS (MB) | RSS with corpus only -> after (MB) | engine retained (MB) | heapUsed after (MB) |');
  console.log('|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.n} | ${r.ms} | ${r.cpuMs} (${r.mainCpuMs}) | ${r.buildMs} / ${r.queryMs} | ${r.perThread.join(' + ')} | ${r.msPerArticle.toFixed(3)} | ${r.queryUsPerArticle.toFixed(1)} | ${r.walk}, ${r.walkMax} | ` +
        `${r.peakRssMB} | ${r.rssCorpusMB} -> ${r.rssAfterMB} | ${r.engineRetainedMB} | ${r.heapUsedMB} |`,
    );
  }
  console.log('peak RSS covers the whole child, corpus included (peak before the engine ran: ' + results.map((r) => `${r.n}: ${r.peakRssCorpusMB} MB`).join(', ') + ').');
  console.log('engine retained = heapUsed + arrayBuffers after GC with the index and all picks alive, minus the same with the corpus only.');
  for (let i = 1; i < results.length; i++) {
    const [p, c] = [results[i - 1]!, results[i]!];
    console.log(
      `growth ${p.n} -> ${c.n} (x${(c.n / p.n).toFixed(2)} articles): time x${(c.ms / p.ms).toFixed(2)}, build x${(c.buildMs / p.buildMs).toFixed(2)}, ` +
        `queries x${(c.queryMs / p.queryMs).toFixed(2)}; ms/article ${p.msPerArticle.toFixed(3)} -> ${c.msPerArticle.toFixed(3)} (x${(c.msPerArticle / p.msPerArticle).toFixed(2)}; 1.00 = linear)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
