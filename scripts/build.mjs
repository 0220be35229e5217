// `npm run build [-- --out DIR] [--verbose]`: the Astro build, with content errors shown
// as a plain list (no stack trace; --verbose adds it for anything else). CONTENT_DIR picks another content folder
// (default: content/). The known upstream MDX warning is dropped by the
// broadsheet integration (src/integrations/broadsheet.ts).
//
// The build is atomic: Astro and Pagefind write into a temporary folder beside
// the output, which replaces the output (by rename) only when everything has
// succeeded. On any failure, and if the process is killed, the last good
// output stays as it was (src/lib/build/atomic-output.ts).
//
// Astro runs in a child process (scripts/astro-build.mjs); the search index is
// made here. Up to 3,000 articles Pagefind starts as soon as the article pages
// are written, beside Astro's remaining routes (src/integrations/pagefind-early.ts);
// above that it waits for Astro to exit, so its memory never adds to the build's
// (at 10,000 articles the two together went past 5.8 GiB).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { atomicOutput, recoverLeftovers } from '../src/lib/build/atomic-output.ts';
import { indexSearchAfterBuild } from '../src/integrations/pagefind.ts';
import { EarlySearch } from '../src/integrations/pagefind-early.ts';
import { PREFILLED, isPrefillRequest } from '../src/integrations/output-prefill.ts';
import { prefillOutput, removeStale, stampOutput } from '../src/lib/build/output-prefill.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const outDir = path.resolve(values.out ?? 'dist');
const shown = (() => {
  const relative = path.relative(process.cwd(), outDir);
  return `${relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : outDir}/`;
})();

for (const line of recoverLeftovers(outDir)) console.log(`build: ${line} (left by an interrupted build)`);
let output;
try {
  output = atomicOutput(outDir);
} catch (error) {
  console.error(`\nBuild not started: ${error.message}. ${shown} left unchanged.`);
  process.exit(1);
}

let astro;
function fail(reason) {
  astro?.kill('SIGKILL');
  output.discard();
  console.error(`\nBuild failed${reason ? ` (${reason})` : ''}: ${shown} left unchanged.`);
}

// Ctrl-C or a CI timeout: stop Astro and remove the half-written folder before going.
// (SIGKILL cannot be caught; Astro's process then ends by itself, and the next build removes what it left.)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    fail(signal);
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

// Where the Pagefind integration leaves what it would index (src/integrations/pagefind-after-build.ts).
const handoff = path.join(os.tmpdir(), `broadsheet-search-${process.pid}.json`);
rmSync(handoff, { force: true });
// BROADSHEET_SEARCH_EARLY=0: index only after Astro has exited (the same bundle, later).
// When it starts, Astro's process collects its garbage once, so the two side by side take less
// memory (about 100 MB less of Astro's at 1,000 articles, for a 150 ms pause).
// The last build's reusable pages, copied into the new folder while Astro starts (src/lib/build/output-prefill.ts).
let cacheDir;
let prefill;
function prefillFor(message) {
  cacheDir = message.cacheDir;
  try {
    prefill = prefillOutput(cacheDir, outDir, output.building);
  } catch (error) {
    // Astro has written nothing yet: start it from an empty folder, as without the copies.
    rmSync(output.building, { recursive: true, force: true });
    console.log(`build: could not copy the last build's pages in (${error.message}); Astro writes them all`);
  }
  if (prefill) console.log(`build: ${prefill.files.size} pages of the last build copied in beside Astro in ${Math.round(prefill.ms)} ms`);
  try {
    astro?.send({ type: PREFILLED });
  } catch {
    // Astro's process is gone: its exit is handled below.
  }
}
const early = new EarlySearch(output.building, process.env.BROADSHEET_SEARCH_EARLY === '0' ? 0 : undefined, () => astro?.send({ type: 'broadsheet:collect-garbage' }), () => prefill?.files);
const astroEnv = { ...process.env, BROADSHEET_OUT_DIR: outDir, BROADSHEET_SEARCH_HANDOFF: handoff };
// Not `_` (the shell's last command): Astro inlines into a module that reads import.meta.env as a whole
// every variable whose name occurs in its source, `_` always does, and the feed routes bundle such a
// module of Astro's (only their code hash changed with `_`), so every feed was rendered again whenever
// the build was started another way.
delete astroEnv._;
const status = await new Promise((resolve) => {
  // Node options given to this script (--cpu-prof, --max-old-space-size) are meant for the build, and
  // come after ours so they win; --expose-gc lets it collect garbage when told (below). A 4 MB young
  // generation semi-space: V8's default let Astro's process reach 1,019-1,090 MB beside the search index
  // in a cold 1,000-article build, 896-916 MB with this, in the same time (three alternating runs each,
  // 20.9-26.7 s against 23.1-24.1 s; process-tree RSS sampled every 0.25 s).
  astro = spawn(process.execPath, ['--max-semi-space-size=4', ...process.execArgv, '--expose-gc', path.join(import.meta.dirname, 'astro-build.mjs'), output.building, ...(values.verbose ? ['--verbose'] : [])], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // Logs name the real output, not the temporary folder (src/integrations/broadsheet.ts).
    env: astroEnv,
  });
  astro.on('message', (message) => (isPrefillRequest(message) ? prefillFor(message) : early.onMessage(message)));
  astro.on('error', (error) => resolve(`could not start the build: ${error.message}`));
  astro.on('exit', (code, signal) => resolve(code === 0 ? 0 : (signal ?? code)));
});
astro = undefined;
// Copies of pages this build no longer has (a removed article) go before the search index reads the pages.
if (status === 0 && prefill) {
  const removed = removeStale(prefill, cacheDir, output.building);
  if (removed.length) console.log(`build: removed ${removed.length} page${removed.length === 1 ? '' : 's'} of the last build that this one no longer has`);
}
const earlyIndex = early.index();
if (status !== 0) {
  await earlyIndex?.discard();
  rmSync(handoff, { force: true });
  fail(typeof status === 'string' ? status : undefined);
  process.exit(1);
}

try {
  if (existsSync(handoff)) await indexSearchAfterBuild(JSON.parse(readFileSync(handoff, 'utf8')), outDir, earlyIndex, early.digest());
  else await earlyIndex?.discard();
} catch (error) {
  console.error(`\n${error?.name === 'PagefindError' ? error.message : (values.verbose ? error?.stack : error?.message) ?? error}\n`);
  fail();
  process.exit(1);
} finally {
  rmSync(handoff, { force: true });
}

try {
  output.commit();
} catch (error) {
  console.error(error);
  fail('could not replace the output');
  process.exit(1);
}
// The next build may start from this output's pages (src/lib/build/output-prefill.ts).
try {
  if (cacheDir) stampOutput(cacheDir, outDir);
} catch (error) {
  console.log(`build: the next build will not start from this output's pages (${error.message})`);
}
console.log(`build: ${shown} replaced with the new build`);
