// `npm run related -- [--content DIR] [--k N] [--newer include|exclude] [--json] [--explain SLUG]`
// Shows the related articles the build would pick, with scores and reasons.
// Reads a content folder with the same loader, schema and errors as the build.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { buildClock, formatProblems, isScheduled, isVisible } from '../src/lib/content/index.ts';
import { contentDir, loadSiteContent } from '../src/data/content-loader.ts';
import { buildRelatedIndex, computeAllRelatedInParallel, explainRelated, parseRelatedOptions } from '../src/lib/related/index.ts';
import { toRelatedRecord } from '../src/lib/related/records.ts';
import site from '../src/site.config.ts';

const USAGE = 'usage: npm run related -- [--content DIR] [--k N] [--newer include|exclude] [--json] [--explain SLUG]';

function parse() {
  try {
    return parseArgs({
      options: {
        content: { type: 'string', default: contentDir() },
        k: { type: 'string' },
        newer: { type: 'string' },
        json: { type: 'boolean', default: false },
        explain: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Unknown option, missing value, stray argument: one line, not a stack trace.
    const { code, message } = error as { code?: string; message: string };
    if (!code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    console.error(`related: ${message.split('. ')[0]!.replace(/\.$/, '')} (${USAGE})`);
    process.exit(1);
  }
}
const { values } = parse();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const content = await loadSiteContent(path.resolve(values.content));
if (content.problems.length) fail(`\n${formatProblems(content.problems)}\n`);

const now = buildClock();
const k = values.k === undefined ? undefined : Number(values.k);
if (k !== undefined && !Number.isInteger(k)) fail(`--k must be a whole number, found "${values.k}"`);
if (values.newer !== undefined && values.newer !== 'include' && values.newer !== 'exclude') fail(`--newer must be "include" or "exclude", found "${values.newer}"`);
let options;
try {
  options = parseRelatedOptions({ ...site.related, ...(k === undefined ? {} : { k }), ...(values.newer === undefined ? {} : { newer: values.newer }), now });
} catch (error) {
  fail((error as Error).message);
}

// The articles a production build publishes: no drafts, nothing scheduled.
const records = content.articles
  .filter((article) => isVisible({ id: article.id, pubDate: article.data.pubDate, draft: article.data.draft }, { now, includeUnpublished: false }))
  .map((article) => toRelatedRecord(article));

if (values.explain) {
  const index = buildRelatedIndex(records, options);
  if (!index.docOf.has(values.explain)) {
    const hidden = content.articles.find((article) => article.id === values.explain);
    if (hidden?.data.draft) fail(`"${values.explain}" is a draft: drafts are not published, so it has no related picks`);
    if (hidden && isScheduled({ id: hidden.id, pubDate: hidden.data.pubDate, draft: false }, now)) {
      const date = hidden.data.pubDate.toISOString().slice(0, 10);
      fail(`"${values.explain}" is a scheduled article (pubDate ${date}, after the build clock): it is not published yet, so it has no related picks`);
    }
    fail(`no article "${values.explain}" in ${values.content}`);
  }
  console.log(explainRelated(index, values.explain));
} else {
  const all = await computeAllRelatedInParallel(records, options);
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
