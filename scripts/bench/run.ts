// `npm run bench [-- --n 1000,10000 --runs 3 --json]`: builds a generated corpus
// with the full Broadsheet site and with the minimal Astro MDX baseline in
// scripts/bench/baseline/, in turn (so a noisy, shared machine slows both alike),
// in four scenarios: cold (every cache removed), warm (nothing changed), one
// article edited, one article added. Prints wall time, peak RSS of the process
// tree, per-phase times and the ratios; --json prints every run as JSON.
// Other options: --format md (plain Markdown instead of MDX)  --scenarios cold,warm  --sites broadsheet (skip the baseline)  --seed 42  --keep (keep the temp folder)
// --cpu-prof (write V8 CPU profiles of Broadsheet's builds to the temp folder).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import site from '../../src/site.config.ts';
import { cacheDirFor } from '../../src/data/content-loader.ts';
import { compileCacheDir } from '../compile-cache.mjs';
import { articleFile, createCorpus } from './corpus.ts';
import { measureBuild } from './measure.ts';
import { parsePhases } from './phases.ts';
import { printTables, type Run, type Scenario, type SiteName } from './report.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    scenarios: { type: 'string', default: 'cold,warm,edit,add' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    sites: { type: 'string', default: 'broadsheet,baseline' },
    format: { type: 'string', default: 'mdx' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '../..');
const BASELINE = path.join(ROOT, 'scripts/bench/baseline');
const sizes = values.n!.split(',').map(Number);
const RUNS = Number(values.runs);
const scenarios = values.scenarios!.split(',') as Scenario[];
const format = values.format === 'md' ? 'md' : 'mdx';
const log = (msg: string) => (values.json ? process.stderr : process.stdout).write(`${msg}\n`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'));
const runs: Run[] = [];

function cachesOf(name: SiteName, content: string): string[] {
  // The full site keeps its content store, image and card caches in one folder per content dir,
  // and V8's compile cache beside it (scripts/compile-cache.mjs).
  return name === 'broadsheet' ? [path.resolve(ROOT, cacheDirFor(content)), compileCacheDir(ROOT)] : [path.join(tmp, 'baseline-cache')];
}

async function buildOnce(name: SiteName, n: number, scenario: Scenario, run: number, content: string): Promise<void> {
  const out = path.join(tmp, `out-${name}`);
  if (scenario === 'cold') for (const dir of [out, ...cachesOf(name, content)]) rmSync(dir, { recursive: true, force: true });
  const prof = values['cpu-prof'] && name === 'broadsheet' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(tmp, 'profiles', `${n}-${scenario}-${run}`)}`] : [];
  const args = name === 'broadsheet'
    ? [...prof, 'scripts/build.mjs', '--out', out]
    : ['node_modules/astro/bin/astro.mjs', 'build', '--root', BASELINE, '--outDir', out];
  const env = { ...process.env, CONTENT_DIR: content, BENCH_CACHE_DIR: path.join(tmp, 'baseline-cache') };
  const m = await measureBuild(args, { cwd: ROOT, env });
  appendFileSync(path.join(tmp, `${name}-${n}-${scenario}-${run}.log`), m.lines.map((l) => `${(l.at / 1000).toFixed(3)} ${l.text}`).join('\n'));
  if (m.status !== 0) throw new Error(`${name} ${scenario} build failed (exit ${m.status}); log in ${tmp}:\n${m.lines.slice(-30).map((l) => l.text).join('\n')}`);
  const result: Run = { site: name, n, scenario, run, wallMs: m.wallMs, peakRssBytes: m.peakRssBytes, peakAtMs: m.peakAtMs, load: m.load, phases: parsePhases(m.lines) };
  runs.push(result);
  log(`  ${name.padEnd(10)} n=${n} ${scenario.padEnd(5)} run ${run}: ${(m.wallMs / 1000).toFixed(1)} s, ${(m.peakRssBytes / 2 ** 30).toFixed(2)} GiB peak at ${(m.peakAtMs / 1000).toFixed(0)} s (load ${m.load})`);
}

try {
  for (const n of sizes) {
    const content = path.join(tmp, `content-${n}`);
    const corpus = createCorpus({ n, seed: Number(values.seed), categories: site.categories.map((c) => c.slug), format });
    corpus.write(content);
    log(`corpus: ${n} .${format} articles in ${content}`);
    let added = n;
    for (let run = 1; run <= RUNS; run++) {
      // Alternate which site goes first, so drift in the machine's load evens out.
      const order = (run % 2 ? ['broadsheet', 'baseline'] : ['baseline', 'broadsheet']).filter((s) => values.sites!.split(',').includes(s)) as SiteName[];
      for (const scenario of scenarios) {
        if (scenario === 'edit') {
          const file = path.join(content, 'articles', articleFile(1 + ((run * 37) % n), format));
          writeFileSync(file, `${readFileSync(file, 'utf8')}\n${corpus.paragraph()}\n`);
        }
        if (scenario === 'add') writeFileSync(path.join(content, 'articles', articleFile(++added, format)), corpus.newArticle(added));
        for (const name of order) await buildOnce(name, n, scenario, run, content);
      }
    }
  }
  if (values.json) console.log(JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version }, date: new Date().toISOString(), runs }, null, 2));
  else printTables(runs);
} finally {
  // The full site's caches live under node_modules/.astro/, keyed by the temp content folder.
  for (const n of sizes) for (const dir of cachesOf('broadsheet', path.join(tmp, `content-${n}`))) rmSync(dir, { recursive: true, force: true });
  if (values.keep || values['cpu-prof']) log(`kept ${tmp} (build logs${values['cpu-prof'] ? ', CPU profiles' : ''})`);
  else rmSync(tmp, { recursive: true, force: true });
}
