import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atomicOutput, recoverLeftovers } from '../../../src/lib/build/atomic-output.ts';

let root = '';
const fresh = () => (root = mkdtempSync(path.join(tmpdir(), 'atomic-')));
const put = (dir: string, file: string, text: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('atomic output folder', () => {
  it('builds beside the output and swaps it in by rename', () => {
    const out = path.join(fresh(), 'dist');
    put(out, 'index.html', 'old');
    const output = atomicOutput(out, 4242);
    expect(path.dirname(output.building)).toBe(root);
    put(output.building, 'index.html', 'new');
    output.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('creates the output when there was none', () => {
    const out = path.join(fresh(), 'site');
    const output = atomicOutput(out, 4242);
    put(output.building, 'a.html', 'a');
    output.commit();
    expect(readdirSync(root)).toEqual(['site']);
  });

  it('discard leaves the output as it was and removes the temporary folder', () => {
    const out = path.join(fresh(), 'dist');
    put(out, 'index.html', 'old');
    const output = atomicOutput(out, 4242);
    put(output.building, 'half.html', 'half');
    output.discard();
    expect(readdirSync(root)).toEqual(['dist']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
  });

  it('removes folders left by killed builds, never those of a running one', () => {
    const out = path.join(fresh(), 'dist');
    put(out, 'index.html', 'good');
    put(path.join(root, '.dist.building-111'), 'x.html', 'half');
    put(path.join(root, '.dist.building-222'), 'y.html', 'running');
    put(path.join(root, '.other.building-111'), 'z.html', 'another output');
    const done = recoverLeftovers(out, (pid) => pid === 222);
    expect(done).toEqual(['removed .dist.building-111']);
    expect(readdirSync(root).sort()).toEqual(['.dist.building-222', '.other.building-111', 'dist']);
  });

  it('puts the previous output back when a kill fell between the two renames', () => {
    const out = path.join(fresh(), 'dist');
    put(path.join(root, '.dist.previous-111'), 'index.html', 'good');
    put(path.join(root, '.dist.building-111'), 'index.html', 'new but unconfirmed');
    expect(recoverLeftovers(out, () => false)).toEqual(['removed .dist.building-111', 'restored dist/ from .dist.previous-111']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('good');
    expect(existsSync(path.join(root, '.dist.previous-111'))).toBe(false);
  });
});
