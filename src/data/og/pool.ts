/**
 * The pool of card workers. One pool per build process, shared through
 * globalThis: the early renderer (src/integrations/social-cards.ts, plain
 * Node) and the og route (bundled by Vite) are separate module instances but
 * must feed one queue and one set of workers. Workers start on demand, up to
 * the pool's size, and end when the queue runs dry, so a finished build exits
 * without closing them. When worker threads cannot start (no worker file, e.g.
 * a bundled theme), cards render in the build process, one after another.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { claimRest, createQueueState, currentJob, firstUnclaimed, MAX_SLOTS, poolSize, publish, setSize, unclaimed } from './claims.ts';
import { loadCardFontFamilies } from './font-files.ts';
import { renderCard } from './render.ts';
import { writeAtomically, type CardJob } from './jobs.ts';
import type { JobMessage, WorkerData, WorkerReply } from './worker.ts';

export interface CardPool {
  /** Renders the card into `job.file`; resolves when the file is written. */
  render(job: CardJob): Promise<void>;
  /** How many workers may run at once from now on (running jobs finish first). */
  resize(size: number): void;
}

type Pending = { job: CardJob; resolve: () => void; reject: (e: Error) => void };

const SHARED = Symbol.for('broadsheet.card-pool');

/** The build's card pool, created on first use with a worker per core. */
export function sharedCardPool(root: string): CardPool {
  const registry = globalThis as Record<symbol, CardPool | undefined>;
  return (registry[SHARED] ??= createCardPool(root));
}

/**
 * Every job is posted to every running worker at once, and each worker claims
 * the next one itself through shared counters (claims.ts), one at a time. A
 * worker used to get one job and the next only when the main thread handled
 * its answer: during Astro's long synchronous stretches it sat idle (profiled
 * at N = 1,000: 7.8 s idle in 18.9 s). Rendering stays strictly one card at a
 * time per worker: posting jobs that a worker starts concurrently would fill
 * libuv's shared thread pool with sharp calls, stalling the build's own file
 * reads and module loads behind hundreds of PNG encodes (profiled: a single
 * page waited 2 min 47 s at N = 1,000).
 */
export function createCardPool(root: string, size = os.availableParallelism()): CardPool {
  const file = path.join(root, 'src/data/og/worker.ts');
  if (!existsSync(file) || size < 1) return inProcessPool(root);
  const state = createQueueState(size);
  const pending = new Map<number, Pending>();
  const workers = new Map<number, Worker>(); // slot -> worker, until it ends
  let nextSeq = 0;

  const settle = (seq: number, error?: Error) => {
    const job = pending.get(seq);
    pending.delete(seq);
    if (error) job?.reject(error);
    else job?.resolve();
  };
  const retire = (slot: number, worker: Worker) => {
    if (workers.get(slot) !== worker) return;
    workers.delete(slot);
    void worker.terminate();
    fill();
  };
  const start = (slot: number) => {
    const from = firstUnclaimed(state);
    const jobs: WorkerData['jobs'] = [...pending].filter(([seq]) => seq >= from).map(([seq, { job }]) => [seq, job]);
    const worker = new Worker(file, { workerData: { root, state, slot, jobs } satisfies WorkerData });
    workers.set(slot, worker);
    let answered = false;
    worker.on('message', (reply: WorkerReply) => {
      answered = true;
      // "end": the worker claims nothing more, so stopping it loses nothing.
      if ('end' in reply) retire(slot, worker);
      else settle(reply.seq, reply.error === undefined ? undefined : new Error(reply.error));
    });
    const crashed = (error: Error) => {
      // A crashed worker fails its own card; the queue goes on in a new worker.
      if (workers.get(slot) !== worker) return;
      const seq = currentJob(state, slot);
      if (seq !== undefined) settle(seq, error);
      // A worker that dies before its first card (it could not even load) would die again in a
      // new one, forever: fail the waiting cards with its error instead. A later card tries anew.
      else if (!answered) for (const rest of claimRest(state)) settle(rest, error);
      retire(slot, worker);
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`the card worker stopped unexpectedly (exit code ${code})`)));
  };
  const fill = () => {
    for (let slot = 0; slot < poolSize(state) && unclaimed(state) > 0; slot++) if (!workers.has(slot)) start(slot);
  };
  return {
    render(job) {
      return new Promise((resolve, reject) => {
        const seq = nextSeq++;
        pending.set(seq, { job, resolve, reject });
        // Posted before it is published: a worker that claims it has it or is about to.
        for (const worker of workers.values()) worker.postMessage({ seq, job } satisfies JobMessage);
        publish(state, seq);
        fill();
      });
    },
    resize(n) {
      setSize(state, Math.min(n, MAX_SLOTS));
      fill();
    },
  };
}

function inProcessPool(root: string): CardPool {
  // One card at a time here too, for the same reason as above.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    render(job) {
      const result = chain.then(async () => {
        const { png } = await renderCard({ ...job.input, date: new Date(job.input.date) }, loadCardFontFamilies(root), job.heroPath);
        writeAtomically(job.file, png);
      });
      chain = result.catch(() => {});
      return result;
    },
    resize() {},
  };
}
