// `npm run build [-- --out DIR]`: the Astro build, with content errors shown
// as a plain list (no stack trace) and the known upstream MDX warning dropped.
// CONTENT_DIR picks another content folder (default: content/).
import { build } from 'astro';
import { parseArgs } from 'node:util';
import { filterKnownNoise } from './lib/quiet-log.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
filterKnownNoise();
try {
  await build(values.out ? { outDir: values.out } : {});
} catch (error) {
  // A content or config problem is the author's to fix: show the report alone.
  if (error && (error.name === 'ContentError' || /^Broadsheet/.test(error.message ?? ''))) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
