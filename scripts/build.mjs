// `npm run build [-- --out DIR] [--verbose]`: the Astro build, with content errors shown
// as a plain list (no stack trace; --verbose adds it for anything else). CONTENT_DIR picks another content folder
// (default: content/). The known upstream MDX warning is dropped by the
// broadsheet integration (src/integrations/broadsheet.ts).
//
// The build is atomic: Astro and Pagefind write into a temporary folder beside
// the output, which replaces the output (by rename) only when everything has
// succeeded. On any failure, and if the process is killed, the last good
// output stays as it was (src/lib/build/atomic-output.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { atomicOutput, recoverLeftovers } from '../src/lib/build/atomic-output.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const outDir = path.resolve(values.out ?? 'dist');
const shown = (() => {
  const relative = path.relative(process.cwd(), outDir);
  return `${relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : outDir}/`;
})();

// The bundler (Rolldown) and Astro's compiler allocate with mimalloc, which by default keeps
// freed pages resident for a while; after bundling, nothing in those threads allocates again,
// so about 350 MB per 2,000 articles stayed resident through page generation. Returning
// pages as soon as they are freed keeps the build's peak lower. mimalloc reads this when
// its library loads, so it is set before Astro (and with it Vite) is imported below.
process.env.MIMALLOC_PURGE_DELAY ??= '0';
const { build } = await import('astro');

for (const line of recoverLeftovers(outDir)) console.log(`build: ${line} (left by an interrupted build)`);
let output;
try {
  output = atomicOutput(outDir);
} catch (error) {
  console.error(`\nBuild not started: ${error.message}. ${shown} left unchanged.`);
  process.exit(1);
}
// Logs name the real output, not the temporary folder (src/integrations/broadsheet.ts).
process.env.BROADSHEET_OUT_DIR = outDir;

function fail(reason) {
  output.discard();
  console.error(`\nBuild failed${reason ? ` (${reason})` : ''}: ${shown} left unchanged.`);
}

// Ctrl-C or a CI timeout: remove the half-written folder before going. (SIGKILL
// cannot be caught; the next build removes what it left.)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    fail(signal);
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

try {
  await build({ outDir: output.building });
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
  fail();
  process.exit(1);
}
try {
  output.commit();
} catch (error) {
  console.error(error);
  fail('could not replace the output');
  process.exit(1);
}
console.log(`build: ${shown} replaced with the new build`);
