/**
 * The W3C Nu HTML checker (npm `vnu-jar`, run with Java) over every HTML file
 * of a built site. Returns its errors, minus the documented checker
 * limitations below: each is a place where the checker lags the platform, not
 * an error in the page.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/**
 * Checker limitations (each needs a reason and a link):
 *  - `line-clamp`: the unprefixed property is in CSS Overflow 4 and shipped in
 *    browsers; the checker's CSS validator does not know it yet
 *    (https://github.com/validator/validator/issues/1527, https://drafts.csswg.org/css-overflow-4/#propdef-line-clamp).
 */
export const CHECKER_LIMITATIONS: readonly RegExp[] = [/^CSS: “line-clamp”: Property “line-clamp” doesn't exist\.$/];

interface NuMessage { type: string; subType?: string; url?: string; lastLine?: number; message: string }

export const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });

/** "file (line N): message" for every error the checker reports under `dir`, limitations left out. */
export function nuErrors(dir: string): string[] {
  const files = htmlFiles(dir);
  if (files.length === 0) throw new Error(`no HTML files under ${dir}`);
  const run = spawnSync('java', ['-Xss1024k', '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`could not run the Nu checker (is Java installed?): ${run.error.message}`);
  let messages: NuMessage[];
  try {
    messages = (JSON.parse(run.stdout) as { messages: NuMessage[] }).messages;
  } catch {
    throw new Error(`the Nu checker gave no report (exit ${run.status}):\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
  }
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .filter((m) => !CHECKER_LIMITATIONS.some((re) => re.test(m.message)))
    .map((m) => `${m.url ? path.relative(dir, new URL(m.url).pathname) : '?'} (line ${m.lastLine ?? '?'}): ${m.message}`);
}
