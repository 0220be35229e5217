// `npm run related -- [--content DIR] [--k N] [--json] [--explain SLUG]`
// Shows the related articles the build would pick, with scores and reasons.
// Reads a content folder with the same loader, schema and errors as the build.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ContentError, buildClock, isVisible, loadValidContent } from '../src/lib/content/index.ts';
import { buildRelatedIndex, computeAllRelated, explainRelated, parseRelatedOptions } from '../src/lib/related/index.ts';
import { toRelatedRecord } from '../src/lib/related/records.ts';
import site from '../src/site.config.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: process.env['CONTENT_DIR'] || 'content' },
    k: { type: 'string' },
    json: { type: 'boolean', default: false },
    explain: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run related -- [--content DIR] [--k N] [--json] [--explain SLUG]');
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let content;
try {
  content = loadValidContent(path.resolve(values.content), { categories: site.categories.map((c) => c.slug) });
} catch (error) {
  if (error instanceof ContentError) fail(`\n${error.message}\n`);
  throw error;
}

const now = buildClock();
const k = values.k === undefined ? undefined : Number(values.k);
if (k !== undefined && !Number.isInteger(k)) fail(`--k must be a whole number, found "${values.k}"`);
let options;
try {
  options = parseRelatedOptions({ ...site.related, ...(k === undefined ? {} : { k }), now });
} catch (error) {
  fail((error as Error).message);
}

// The articles a production build publishes: no drafts, nothing scheduled.
const records = content.articles
  .filter((article) => isVisible({ id: article.id, pubDate: article.data.pubDate, draft: article.data.draft }, { now, includeUnpublished: false }))
  .map((article) => toRelatedRecord(article));

if (values.explain) {
  const index = buildRelatedIndex(records, options);
  if (!index.docOf.has(values.explain)) fail(`no article "${values.explain}" in ${values.content}`);
  console.log(explainRelated(index, values.explain));
} else {
  const all = computeAllRelated(records, options);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  } else {
    for (const [id, picks] of Object.entries(all)) {
      console.log(id);
      for (const pick of picks) {
        const why = pick.reasons.map((r) => `${r.signal} +${r.value.toFixed(2)}`).join(', ');
        console.log(`  ${pick.score.toFixed(4)}  ${pick.id}  (${why})`);
      }
    }
  }
}
