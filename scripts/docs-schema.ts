// `npm run docs:schema [-- --check]`: writes docs/frontmatter.md and
// docs/site-config.md from the zod schemas. --check writes nothing and exits 1
// when a committed file differs from what the schemas give.
import { readFileSync, writeFileSync } from 'node:fs';
import { REFERENCES } from '../src/lib/docs/reference.ts';

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, render } of REFERENCES) {
  const text = render();
  let current = '';
  try { current = readFileSync(file, 'utf8'); } catch { /* not written yet */ }
  if (current === text) {
    console.log(`${file}: up to date`);
  } else if (check) {
    stale++;
    console.error(`${file}: stale; run npm run docs:schema`);
  } else {
    writeFileSync(file, text);
    console.log(`${file}: written`);
  }
}
process.exit(stale ? 1 : 0);
