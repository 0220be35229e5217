/**
 * The card worker pool: workers claim their next card themselves (shared
 * counters, src/data/og/claims.ts), so cards keep coming while the build's
 * main thread is busy; a shrunk pool stops claiming; a worker that cannot
 * start fails the waiting cards instead of restarting forever.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { claimNext, claimRest, createQueueState, currentJob, publish, release, setSize, unclaimed } from '../../../src/data/og/claims.ts';
import { rendererFingerprint, sourcesOnDisk } from '../../../src/data/og/fingerprint.ts';
import { planCard } from '../../../src/data/og/plan.ts';
import { createCardPool } from '../../../src/data/og/pool.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A temporary folder, removed after the test. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

async function plainJobs(dir: string, n: number) {
  const renderer = rendererFingerprint(sourcesOnDisk(ROOT), ROOT);
  const base = { file: 'a.md', category: 'Models', pubDate: new Date('2026-11-30T00:00:00Z'), authors: ['Ada Quill'], heroPath: undefined };
  const plans = await Promise.all(Array.from({ length: n }, (_, i) => planCard({ ...base, id: `card-${i}`, title: `Card number ${i} of the blocked main thread` }, renderer, dir)));
  return plans.map((p) => p.job);
}

describe('the shared claim counters', () => {
  it('hands out each published job once, in order, and records who renders what', () => {
    const state = createQueueState(2);
    expect(claimNext(state, 0)).toBeUndefined();
    for (let seq = 0; seq < 3; seq++) publish(state, seq);
    expect([claimNext(state, 0), claimNext(state, 1)]).toEqual([0, 1]);
    expect([currentJob(state, 0), currentJob(state, 1)]).toEqual([0, 1]);
    release(state, 0);
    expect(currentJob(state, 0)).toBeUndefined();
    expect(unclaimed(state)).toBe(1);
  });

  it('stops a slot at or above the pool size from claiming; claimRest takes what is left', () => {
    const state = createQueueState(2);
    for (let seq = 0; seq < 4; seq++) publish(state, seq);
    setSize(state, 1);
    expect(claimNext(state, 1)).toBeUndefined();
    expect(claimNext(state, 0)).toBe(0);
    expect(claimRest(state)).toEqual([1, 2, 3]);
    expect(claimNext(state, 0)).toBeUndefined();
  });
});

describe('the card worker pool', () => {
  it('keeps rendering while the main thread is blocked in a synchronous loop', async () => {
    const dir = tempDir('broadsheet-pool-blocked-');
    const jobs = await plainJobs(dir, 6);
    const pool = createCardPool(ROOT, 1);
    const renders = jobs.map((job) => pool.render(job));
    // No await, no timer, no I/O callback: the main thread never reaches its event loop here.
    // A worker that needed the main thread to hand it its next card would stop after the first.
    const deadline = Date.now() + 45_000;
    let done = 0;
    while (Date.now() < deadline && (done = jobs.filter((job) => existsSync(job.file)).length) < jobs.length);
    expect(done).toBe(jobs.length);
    await Promise.all(renders);
    for (const job of jobs) expect(await sharp(job.file).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  }, 90_000);

  it('shares the queue with a worker added by resize, and starts again after its workers ended', async () => {
    const dir = tempDir('broadsheet-pool-resize-');
    const jobs = await plainJobs(dir, 8);
    const pool = createCardPool(ROOT, 1);
    const first = jobs.slice(0, 6).map((job) => pool.render(job));
    pool.resize(2);
    await Promise.all(first);
    // The workers ended with the queue; later cards start new ones.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all(jobs.slice(6).map((job) => pool.render(job)));
    for (const job of jobs) expect(existsSync(job.file)).toBe(true);
  }, 90_000);

  it('fails the waiting cards with the reason when a worker cannot start', async () => {
    const root = tempDir('broadsheet-pool-broken-');
    mkdirSync(path.join(root, 'src/data/og'), { recursive: true });
    writeFileSync(path.join(root, 'src/data/og/worker.ts'), "throw new Error('no fonts here');\n");
    const jobs = await plainJobs(path.join(root, 'cards'), 2);
    const pool = createCardPool(root, 1);
    const results = await Promise.allSettled(jobs.map((job) => pool.render(job)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain('no fonts here');
  }, 60_000);
});
