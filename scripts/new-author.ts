// `npm run new:author -- <id> "Name"`: creates content/authors/<id>.md with
// valid frontmatter and a bio skeleton. Refuses to overwrite.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { authorSource } from '../src/lib/scaffold/author.ts';
import { fileSlug, isSlug } from '../src/lib/scaffold/slug.ts';
import { siteUrls } from '../src/lib/content/urls.ts';
import { contentDir } from '../src/data/content-loader.ts';
import site from '../src/site.config.ts';
import { fail, shown } from './scaffold-io.ts';

const USAGE = 'usage: npm run new:author -- <id> "Full Name"   (id: lower-case letters, digits and hyphens, e.g. jane-doe)';
const die = (message: string): never => fail('new:author', message);

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    return die(`${(error as Error).message.split('. ')[0]} (${USAGE})`);
  }
}
const parsed = parse();
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [id = '', ...rest] = parsed.positionals;
const name = rest.join(' ').trim();
if (!id || !name) die(USAGE);
if (!isSlug(id)) die(`the id must be lower-case letters, digits and hyphens, found "${id}"${fileSlug(id) ? ` (try "${fileSlug(id)}")` : ''}`);

const dir = path.join(contentDir(), 'authors');
const taken = [`${id}.md`, `${id}.mdx`].map((f) => path.join(dir, f)).find((p) => existsSync(p));
if (taken) die(`${shown(taken)} already exists; nothing was written`);

const target = path.join(dir, `${id}.md`);
mkdirSync(dir, { recursive: true });
writeFileSync(target, authorSource(id, name), { flag: 'wx' });
console.log(`Created ${shown(target)}`);
console.log(`Next: fill in role, bio and links, add a photo as ${id}.jpg beside it (avatar: ./${id}.jpg),`);
console.log(`      then credit articles with author: ${id}. Their page: ${siteUrls(site.url).author(id)}`);
