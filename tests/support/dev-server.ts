/**
 * Starts `astro dev` on a free port for a content folder and resolves once it
 * serves; the log keeps growing for the test to read. Used by the dev-server tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cleanEnv, ROOT } from './build.ts';

export interface DevServer {
  base: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  log(): string;
}

export async function startDevServer(contentDir: string, { waitFor = '', timeoutMs = 120_000 } = {}): Promise<DevServer> {
  const dev = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    env: { ...cleanEnv(), CONTENT_DIR: contentDir, BROADSHEET_NOW: '2026-11-30T00:00:00Z', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const collect = (chunk: Buffer) => (log += chunk.toString());
  dev.stdout!.on('data', collect);
  dev.stderr!.on('data', collect);
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), timeoutMs);
    const poll = setInterval(() => {
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log)?.[1];
      if (url && log.includes(waitFor)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(url);
      }
    }, 200);
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
  return { base, process: dev, log: () => log };
}
