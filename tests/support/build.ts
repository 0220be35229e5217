/**
 * Builds a fixture site with the real build command (Astro's programmatic
 * build() in scripts/build.mjs) in a child process, so each build gets a
 * fresh Astro and the test reads real files from its dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUTPUT = path.join(ROOT, 'tests/.output');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

// Vitest copies import.meta.env into process.env (MODE=test, DEV=1, PROD='', BASE_URL=/…); a child build must not inherit them.
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/** The build must run as a user's would: without vitest's markers or NODE_ENV=test. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !VITEST_ENV.has(key)));
}

export function buildFixture(name: string, contentDir: string, env: Record<string, string> = {}, { keepOutput = false } = {}): BuildResult {
  const outDir = path.join(OUTPUT, name);
  // A stale output would hide a regression; keepOutput builds over the last output, as a user's rebuild does.
  if (!keepOutput) rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', outDir], {
    cwd: ROOT,
    env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0', CONTENT_DIR: contentDir, BROADSHEET_NOW: '2026-11-30T00:00:00Z', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/** Reads a built file; fails with a readable message when the page is missing. */
export function readOut(outDir: string, file: string): string {
  const full = path.join(outDir, file);
  if (!existsSync(full)) throw new Error(`expected ${file} in ${path.relative(ROOT, outDir)}, but it was not built`);
  return readFileSync(full, 'utf8');
}
