// `npm run build [-- --out DIR] [--verbose]`: the Astro build, with content errors shown
// as a plain list (no stack trace; --verbose adds it for anything else). CONTENT_DIR picks another content folder
// (default: content/). The known upstream MDX warning is dropped by the
// broadsheet integration (src/integrations/broadsheet.ts).
import { build } from 'astro';
import { parseArgs } from 'node:util';
import path from 'node:path';

const { values } = parseArgs({ options: { out: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
try {
  await build(values.out ? { outDir: values.out } : {});
} catch (error) {
  // A content or config problem is the author's to fix: show the report alone.
  if (error && (error.name === 'ContentError' || /^Broadsheet/.test(error.message ?? ''))) {
    console.error(`\n${error.message}\n`);
  } else if (values.verbose) {
    console.error(error);
  } else if (error?.loc?.file) {
    // A failure while compiling or rendering one file (MDX, an image): point at the author's file.
    const { file, line = 1, column = 1 } = error.loc;
    console.error(`\n${path.relative(process.cwd(), file)}:${line}:${column}: ${String(error.message).split('\n')[0]}\n(npm run build -- --verbose shows the stack)\n`);
  } else {
    console.error(`\n${error?.name ?? 'Error'}: ${error?.message ?? error}\n(npm run build -- --verbose shows the stack)\n`);
  }
  process.exit(1);
}
