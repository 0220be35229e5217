// The Astro build itself, run by scripts/build.mjs in a child process:
// `node scripts/astro-build.mjs BUILDING_DIR [--verbose]`. Its whole memory
// (bundler arenas, compiled modules, the content store) is returned to the
// system when it exits, before the parent indexes the site with Pagefind, so the
// two never hold memory at the same time. Exit code 0 means the site is written.
import module from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileCacheDir, pruneCompileCache } from './compile-cache.mjs';
import { useSyncFileWrites } from '../src/lib/build/sync-file-writes.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { verbose: { type: 'boolean', default: false } } });
const [building] = positionals;
if (!building) throw new Error('usage: node scripts/astro-build.mjs BUILDING_DIR [--verbose]');

// The parent went away (killed, even with SIGKILL): stop writing into its folder at once.
process.on('disconnect', () => process.exit(1));
// Pagefind is starting beside this process (src/integrations/pagefind-early.ts): give back what the
// finished phases left behind, so the two together peak lower.
process.on('message', (message) => {
  if (message?.type === 'broadsheet:collect-garbage') globalThis.gc?.();
});

// The bundler (Rolldown) and Astro's compiler allocate with mimalloc, which by default keeps
// freed pages resident for a while; after bundling, nothing in those threads allocates again,
// so about 350 MB per 2,000 articles stayed resident through page generation. Returning
// pages as soon as they are freed keeps the build's peak lower. mimalloc reads this when
// its library loads, so it is set before Astro (and with it Vite) is imported below.
process.env.MIMALLOC_PURGE_DELAY ??= '0';

// V8's code cache for every module this build compiles (Astro, Vite, Rolldown, the site's own
// chunks): a rebuild then skips about 1.5 s of CPU spent compiling the same JavaScript again
// (user time of a no-change 1,000-article rebuild, 10.7 s without, 8.8 s with; three pairs).
// The environment variable carries it into worker threads. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
process.env.NODE_COMPILE_CACHE ??= compileCacheDir(path.join(import.meta.dirname, '..'));
pruneCompileCache(process.env.NODE_COMPILE_CACHE);
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
// Astro's page writes without thread-pool round trips (src/lib/build/sync-file-writes.ts): cold
// 1,000-article builds took 12.5-13.3 s with, 13.7-14.4 s without (three alternating pairs), the routes
// 6.3-7.0 s against 7.5-8.0 s. BROADSHEET_ASYNC_WRITES=1 leaves them as they are.
if (process.env.BROADSHEET_ASYNC_WRITES !== '1') useSyncFileWrites();
const { build } = await import('astro');

try {
  await build({ outDir: building });
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
// The IPC channel to the parent would keep this process alive: the site is written, so end here.
process.exit(0);
