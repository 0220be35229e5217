// Quality evaluation for the related-articles engine.
//   npx node scripts/related-quality.ts [--seed 7] [--per-topic 10] [--json]
// Builds a seeded, labelled corpus (8 topics x 10 articles; the topic is known to the
// evaluator but never written into tags), then reports precision@3 (share of picks
// that share the article's topic) for the engine and three baselines.
// The corpus and the evaluation live in src/lib/related/quality-eval.ts (pure), which
// tests/unit/related/quality.test.ts also runs as a quality gate.
import { METHODS, TOPICS, evaluate, type TagSet } from '../src/lib/related/quality-eval.ts';

function main() {
  const args = process.argv.slice(2);
  const seedArg = args.indexOf('--seed');
  const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : 7;
  const perTopicArg = args.indexOf('--per-topic');
  const perTopic = perTopicArg >= 0 ? Number(args[perTopicArg + 1]) : 10;
  const sets: Array<{ name: string; tags: TagSet }> = [
    { name: 'noisy tags', tags: 'noisy' },
    { name: 'no tags', tags: 'none' },
  ];
  const results = sets.map((s) => evaluate({ seed, perTopic, tags: s.tags }));
  const rows = METHODS.map((name) => [name, ...results.map((r) => r[name]!)] as const);
  if (args.includes('--json')) {
    console.log(JSON.stringify(Object.fromEntries(rows.map(([n, ...v]) => [n, v]))));
    return;
  }
  console.log(`precision@3, ${TOPICS.length} topics x ${perTopic} articles, seed ${seed}`);
  console.log(`| method               | ${sets.map((s) => s.name.padEnd(10)).join(' | ')} |`);
  console.log(`|----------------------|${sets.map(() => '------------').join('|')}|`);
  for (const [name, ...values] of rows) console.log(`| ${name.padEnd(20)} | ${values.map((v) => v.toFixed(3).padEnd(10)).join(' | ')} |`);
  const [tfA = 0, tfB = 0] = results.map((r) => r['TF-IDF body cosine']);
  const [enA = 0, enB = 0] = results.map((r) => r['engine (defaults)']);
  if (!(enA > tfA && enB > tfB)) {
    console.log('FAIL: the engine does not beat plain TF-IDF on both sets');
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
