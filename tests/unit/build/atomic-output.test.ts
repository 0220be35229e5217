import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atomicOutput, recoverLeftovers, removeInBackground } from '../../../src/lib/build/atomic-output.ts';

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
    const output = atomicOutput(out, 4242, undefined, (dir) => rmSync(dir, { recursive: true, force: true }));
    expect(path.dirname(output.building)).toBe(root);
    put(output.building, 'index.html', 'new');
    output.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('deletes the old output in a detached process once the new one is in place', async () => {
    const out = path.join(fresh(), 'dist');
    for (let i = 0; i < 200; i++) put(path.join(out, `p${i}`), 'index.html', 'old');
    const output = atomicOutput(out, 4242, undefined, removeInBackground);
    put(output.building, 'index.html', 'new');
    output.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    for (let waited = 0; readdirSync(root).length > 1 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
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

  it('builds in a folder whose name is the same on every run (Astro embeds it in page code)', () => {
    const out = path.join(fresh(), 'dist');
    const first = atomicOutput(out, 4242).building;
    expect(path.basename(first)).toBe('.dist.building');
    expect(atomicOutput(out, 4343, () => false).building).toBe(first);
  });

  it('removes a folder left by a killed build, never that of a running one, and refuses to share it', () => {
    const out = path.join(fresh(), 'dist');
    put(out, 'index.html', 'good');
    put(path.join(root, '.dist.building'), 'x.html', 'half');
    writeFileSync(path.join(root, '.dist.building.pid'), '222');
    put(path.join(root, '.other.building'), 'z.html', 'another output');
    expect(recoverLeftovers(out, (pid) => pid === 222)).toEqual([]);
    expect(() => atomicOutput(out, 333, (pid) => pid === 222)).toThrow('another build (process 222) is writing dist/ now');
    expect(recoverLeftovers(out, () => false)).toEqual(['removed .dist.building']);
    expect(readdirSync(root).sort()).toEqual(['.other.building', 'dist']);
  });

  it('puts the previous output back when a kill fell between the two renames', () => {
    const out = path.join(fresh(), 'dist');
    put(path.join(root, '.dist.previous-111'), 'index.html', 'good');
    put(path.join(root, '.dist.building'), 'index.html', 'new but unconfirmed');
    writeFileSync(path.join(root, '.dist.building.pid'), '111');
    expect(recoverLeftovers(out, () => false)).toEqual(['removed .dist.building', 'restored dist/ from .dist.previous-111']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('good');
    expect(existsSync(path.join(root, '.dist.previous-111'))).toBe(false);
  });
});
