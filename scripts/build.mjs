// `npm run build [-- --out DIR]`: the Astro build, with content errors shown
// as a plain list (no stack trace). CONTENT_DIR picks another content folder
// (default: content/). The known upstream MDX warning is dropped by the
// broadsheet integration (src/integrations/broadsheet.ts).
import { build } from 'astro';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
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
