import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { useSyncFileWrites } from '../../../src/lib/build/sync-file-writes.ts';

let undo = () => {};
let root = '';
const fresh = () => (root = fs.mkdtempSync(path.join(tmpdir(), 'sync-writes-')));
afterEach(() => {
  undo();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('synchronous fs.promises writes for the build process', () => {
  it('writes, makes folders and copies before the returned promise is awaited', async () => {
    const dir = path.join(fresh(), 'a', 'b');
    undo = useSyncFileWrites();
    const made = fs.promises.mkdir(dir, { recursive: true });
    expect(fs.existsSync(dir)).toBe(true);
    expect(await made).toBe(path.join(root, 'a'));
    const written = fs.promises.writeFile(path.join(dir, 'index.html'), '<p>é</p>');
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('<p>é</p>');
    await written;
    const copied = fs.promises.copyFile(path.join(dir, 'index.html'), path.join(dir, 'copy.html'));
    expect(fs.readFileSync(path.join(dir, 'copy.html'), 'utf8')).toBe('<p>é</p>');
    await copied;
    await fs.promises.writeFile(new URL(`file://${path.join(dir, 'bytes.bin')}`), new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(path.join(dir, 'bytes.bin'))]).toEqual([1, 2, 3]);
  });

  it('fails as the asynchronous calls do: a rejection with the same code, never a throw', async () => {
    const missing = path.join(fresh(), 'no-such-dir', 'index.html');
    undo = useSyncFileWrites();
    const write = fs.promises.writeFile(missing, 'x');
    await expect(write).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.promises.copyFile(missing, path.join(root, 'b'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.promises.mkdir(path.join(root, 'a', 'b'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves streams, file handles and abortable writes to the original calls', async () => {
    const file = path.join(fresh(), 'stream.txt');
    undo = useSyncFileWrites();
    const streamed = fs.promises.writeFile(file, Readable.from(['a', 'b']));
    expect(fs.existsSync(file)).toBe(false);
    await streamed;
    expect(fs.readFileSync(file, 'utf8')).toBe('ab');
    const handle = await fs.promises.open(path.join(root, 'handle.txt'), 'w');
    await fs.promises.writeFile(handle, 'via handle');
    await handle.close();
    expect(fs.readFileSync(path.join(root, 'handle.txt'), 'utf8')).toBe('via handle');
    const aborted = new AbortController();
    aborted.abort();
    await expect(fs.promises.writeFile(path.join(root, 'aborted.txt'), 'x', { signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('puts the original calls back', () => {
    const original = fs.promises.writeFile;
    useSyncFileWrites()();
    expect(fs.promises.writeFile).toBe(original);
  });
});
