import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { linkOrCopy, linkTree } from '../../../src/lib/build/link-files.ts';

let root = '';
const fresh = () => (root = mkdtempSync(path.join(tmpdir(), 'link-files-')));
afterEach(() => rmSync(root, { recursive: true, force: true }));
const crossDevice = () => {
  throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
};

describe('linking cached files into the output', () => {
  it('links: the output file is the cached file, not a copy', () => {
    const from = path.join(fresh(), 'card.png');
    writeFileSync(from, 'png');
    linkOrCopy(from, path.join(root, 'out.png'));
    expect(statSync(path.join(root, 'out.png')).ino).toBe(statSync(from).ino);
  });

  it('replaces a file already at the target', () => {
    const from = path.join(fresh(), 'card.png');
    writeFileSync(from, 'new');
    writeFileSync(path.join(root, 'out.png'), 'old');
    linkOrCopy(from, path.join(root, 'out.png'));
    expect(readFileSync(path.join(root, 'out.png'), 'utf8')).toBe('new');
    expect(statSync(path.join(root, 'out.png')).ino).toBe(statSync(from).ino);
  });

  it('copies where the file system cannot link', () => {
    const from = path.join(fresh(), 'card.png');
    writeFileSync(from, 'png');
    linkOrCopy(from, path.join(root, 'out.png'), crossDevice);
    expect(readFileSync(path.join(root, 'out.png'), 'utf8')).toBe('png');
    expect(statSync(path.join(root, 'out.png')).ino).not.toBe(statSync(from).ino);
  });

  it('mirrors a folder tree, linked or copied', () => {
    const from = path.join(fresh(), 'bundle');
    mkdirSync(path.join(from, 'fragment'), { recursive: true });
    writeFileSync(path.join(from, 'entry.json'), '{}');
    writeFileSync(path.join(from, 'fragment', 'a.pf_fragment'), 'a');
    for (const [to, link] of [[path.join(root, 'linked'), undefined], [path.join(root, 'copied'), crossDevice]] as const) {
      linkTree(from, to, link);
      expect(readFileSync(path.join(to, 'entry.json'), 'utf8')).toBe('{}');
      expect(readFileSync(path.join(to, 'fragment', 'a.pf_fragment'), 'utf8')).toBe('a');
      expect(statSync(path.join(to, 'entry.json')).ino === statSync(path.join(from, 'entry.json')).ino).toBe(link === undefined);
    }
  });
});
