// Churn of related cards as new articles arrive: build the cards of a 1,000-article corpus,
// add 10 newer articles, rebuild, and count the existing pages whose cards changed (ids or
// order), under newer 'include' and 'exclude'.
//   npm run -s related:churn -- [--corpus spam-lists|brown|synthetic] [--n 1000] [--add 10]
import { parseArgs } from 'node:util';
import { computeAllRelated, type RelatedRecord } from '../src/lib/related/index.ts';
import { loadBrown, loadSpamLists } from './related-quality/corpora.ts';
import { toLabelledCorpus } from './related-quality/labelled.ts';
import { makeCorpus } from './related-quality/synthetic.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'spam-lists' }, n: { type: 'string', default: '1000' }, add: { type: 'string', default: '10' } } });
const n = Number(values.n);
const add = Number(values.add);
const NOW = new Date(Date.UTC(2030, 0, 1));

function corpus(): RelatedRecord[] {
  if (values.corpus === 'synthetic') return makeCorpus(7, true, Math.ceil((n + add) / 8)).records;
  // every mailing-list post (not capped per list as in the quality report): 1,500+ texts
  const texts = values.corpus === 'spam-lists' ? loadSpamLists(undefined, Infinity) : loadBrown();
  return toLabelledCorpus(values.corpus, texts, 'none').records;
}

const all = corpus().sort((a, b) => a.pubDate.getTime() - b.pubDate.getTime() || (a.id < b.id ? -1 : 1));
if (all.length < n + add) throw new Error(`corpus ${values.corpus} has ${all.length} texts, fewer than ${n} + ${add}`);
// the oldest n are the site; the next `add` arrive later (newer than every existing page)
const existing = all.slice(0, n);
const arriving = all.slice(n, n + add);
console.log(`corpus ${values.corpus}: ${n} existing articles, ${add} newer ones added`);
console.log('| newer | pages whose cards changed | of which a new article entered | changed by re-weighting only (idf, norms) |');
console.log('|---|---:|---:|---:|');
for (const newer of ['include', 'exclude'] as const) {
  const before = computeAllRelated(existing, { now: NOW, newer });
  const after = computeAllRelated([...existing, ...arriving], { now: NOW, newer });
  const fresh = new Set(arriving.map((r) => r.id));
  let changed = 0;
  let entered = 0;
  for (const r of existing) {
    const a = before[r.id]!.map((p) => p.id).join();
    const b = after[r.id]!.map((p) => p.id);
    if (a === b.join()) continue;
    changed++;
    if (b.some((id) => fresh.has(id))) entered++;
  }
  console.log(`| ${newer} | ${changed} of ${n} (${((100 * changed) / n).toFixed(1)} %) | ${entered} | ${changed - entered} |`);
}
