// `npm run preview [-- --port N --host]`: serves dist/ with `astro preview` and
// prints its URL. A site built for a path (SITE_URL=https://example.com/blog/
// npm run build) is served under that path even when SITE_URL is not set again:
// the build records its URL (src/integrations/broadsheet.ts, LAST_BUILD).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const env = { ...process.env };
try {
  const last = JSON.parse(readFileSync('node_modules/.astro/broadsheet-last-build.json', 'utf8'));
  if (!env.SITE_URL && path.resolve(last.outDir) === path.resolve('dist')) env.SITE_URL = last.url;
} catch {
  // No build recorded: astro preview says what to do.
}
const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
