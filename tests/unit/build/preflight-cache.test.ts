import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preflightCache, type BodyResult } from '../../../src/integrations/preflight-cache.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const article = (file: string, body: string) => ({ file, path: `/site/${file}`, source: `---\ntitle: x\n---\n${body}`, body });

describe('pre-flight cache', () => {
  it('checks a body once, then serves the result on later builds until its text, salt or path changes', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'preflight-'));
    const calls: string[] = [];
    const check = (name: string, result: BodyResult) => () => (calls.push(name), result);
    const removed: BodyResult = { problems: [], removed: ['<iframe>'] };
    const problem: BodyResult = { problems: [{ file: 'b.mdx', field: 'body (line 4)', expected: 'no expressions', found: '{1 + 1}' }], removed: [] };

    const first = preflightCache(dir);
    expect(first.get(article('a.md', 'one'), 'trusted', check('a', removed))).toEqual(removed);
    expect(first.get(article('b.mdx', '{1 + 1}'), 'trusted', check('b', problem))).toEqual(problem);
    first.save();
    expect(calls).toEqual(['a', 'b']);

    const second = preflightCache(dir);
    expect(second.get(article('a.md', 'one'), 'trusted', check('a2', { problems: [], removed: [] }))).toEqual(removed);
    expect(second.get(article('b.mdx', '{1 + 1}'), 'trusted', check('b2', { problems: [], removed: [] }))).toEqual(problem);
    expect(second.get(article('a.md', 'one, edited'), 'trusted', check('a3', removed))).toEqual(removed);
    expect(second.get(article('b.mdx', '{1 + 1}'), 'untrusted', check('b3', problem))).toEqual(problem);
    second.save();
    expect(calls).toEqual(['a', 'b', 'a3', 'b3']);
    expect(readdirSync(dir)).toEqual(['preflight.json']);
  });

  it('always checks MDX that imports files again (the result depends on them existing)', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'preflight-'));
    let calls = 0;
    const body = "import Chart from './chart.astro';\n\n<Chart />";
    for (let build = 0; build < 2; build++) {
      const cache = preflightCache(dir);
      cache.get(article('c.mdx', body), 'trusted', () => (calls++, { problems: [], removed: [] }));
      cache.save();
    }
    expect(calls).toBe(2);
  });
});
