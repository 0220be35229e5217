/**
 * `astro dev` over broken content: it starts, serves the usable articles,
 * and answers a broken article's URL with its report (the build still fails:
 * see content-pipeline.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cleanEnv, ROOT } from '../support/build.ts';

let dev: ChildProcess;
let base = '';
let log = '';

beforeAll(async () => {
  dev = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    env: { ...cleanEnv(), CONTENT_DIR: 'tests/fixtures/broken-cases/content', BROADSHEET_NOW: '2026-11-30T00:00:00Z', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => (log += chunk.toString());
  dev.stdout!.on('data', collect);
  dev.stderr!.on('data', collect);
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 120_000);
    const poll = setInterval(() => {
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log)?.[1];
      if (url) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(url);
      }
    }, 200);
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
}, 150_000);

afterAll(() => {
  dev?.kill();
});

describe('astro dev with broken articles', () => {
  it('starts and prints the report in the terminal', () => {
    expect(log).toContain('Broadsheet found 26 content problems in 24 files:');
    expect(log).toContain('(astro dev serves the other articles; the build stops until these are fixed)');
  });

  it('serves a valid article, with control characters stripped from its MDX body', async () => {
    const response = await fetch(`${base}/articles/valid-merge-and-control/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('A bell character  is in this line.');
    expect(html).not.toContain('\u0007');
  }, 120_000);

  it("answers a broken article's URL with its report", async () => {
    const response = await fetch(`${base}/articles/feb-30/`);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('<h1>This article has problems</h1>');
    expect(html).toContain(
      '  tests/fixtures/broken-cases/content/articles/feb-30.md\n' +
        '    - 4:1 pubDate: expected the publication date as a date and time that exist (month 01–12, a day in that month, time 00:00–23:59:59), found &quot;2026-02-30T10:00:00Z&quot;',
    );
  }, 60_000);
});
