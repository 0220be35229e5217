// `npm run check:content -- [--content DIR] [--json]`
// Everything the build checks about content, without rendering: frontmatter,
// file names, dates, images, bodies (Markdown/MDX syntax, components), internal
// links and anchors. Problems exit 1; warnings alone exit 0.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { formatProblems } from '../src/lib/content/index.ts';

// Loaded here, not imported above: a broken src/site.config.ts throws its report on import.
let loader: typeof import('../src/data/content-loader.ts');
try {
  loader = await import('../src/data/content-loader.ts');
} catch (error) {
  const message = (error as Error).message ?? String(error);
  if (!message.startsWith('Broadsheet')) throw error;
  console.error(`\n${message}\n`);
  process.exit(1);
}
const { contentDir, loadSiteContent } = loader;

const USAGE = 'usage: npm run check:content -- [--content DIR] [--json]';

function parse() {
  try {
    return parseArgs({ options: { content: { type: 'string', default: contentDir() }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (!code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    console.error(`check:content: ${message.split('. ')[0]!.replace(/\.$/, '')} (${USAGE})`);
    process.exit(2);
  }
}

const { values } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const dir = path.resolve(values.content);
const { articles, authors, problems, warnings } = await loadSiteContent(dir);
if (values.json) {
  process.stdout.write(`${JSON.stringify({ ok: problems.length === 0, articles: articles.length, authors: authors.length, problems, warnings }, null, 2)}\n`);
} else {
  if (problems.length) console.error(`${formatProblems(problems)}\n`);
  if (warnings.length) console.log(`${formatProblems(warnings, 'warning')}\n`);
  const where = path.relative(process.cwd(), dir) || '.';
  console.log(`${problems.length ? 'content has problems' : 'content OK'}: ${articles.length} articles and ${authors.length} authors in ${where}, ${problems.length} problem${problems.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
}
process.exit(problems.length ? 1 : 0);
