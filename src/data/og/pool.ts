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
import { loadCardFontFamilies } from './font-files.ts';
import { renderCard } from './render.ts';
import { writeAtomically, type CardJob } from './jobs.ts';

export interface CardPool {
  /** Renders the card into `job.file`; resolves when the file is written. */
  render(job: CardJob): Promise<void>;
  /** How many workers may run at once from now on (running jobs finish first). */
  resize(size: number): void;
}

type Queued = CardJob & { resolve: () => void; reject: (e: Error) => void };

const SHARED = Symbol.for('broadsheet.card-pool');

/** The build's card pool, created on first use with a worker per core. */
export function sharedCardPool(root: string): CardPool {
  const registry = globalThis as Record<symbol, CardPool | undefined>;
  return (registry[SHARED] ??= createCardPool(root));
}

/**
 * One job per worker at a time, the rest queued here. Posting every job at
 * once would start them all concurrently inside each worker, and their sharp
 * calls would fill libuv's shared thread pool, stalling the build's own file
 * reads and module loads behind hundreds of PNG encodes (profiled: a single
 * page waited 2 min 47 s at N = 1,000).
 */
export function createCardPool(root: string, size = os.availableParallelism()): CardPool {
  const file = path.join(root, 'src/data/og/worker.ts');
  if (!existsSync(file) || size < 1) return inProcessPool(root);
  const queue: Queued[] = [];
  const current = new Map<Worker, Queued>();
  let running = 0;
  const stop = (worker: Worker) => {
    running--;
    current.delete(worker);
    void worker.terminate();
  };
  const next = (worker: Worker) => {
    const job = queue.shift();
    // An empty queue means the planned cards are done (or the pool shrank): end the worker rather
    // than keep its heap, fonts and libvips caches through the rest of the build. A later job starts a new one.
    if (!job || running > size) {
      if (job) queue.unshift(job);
      stop(worker);
      return;
    }
    current.set(worker, job);
    const { resolve: _r, reject: _j, ...message } = job;
    worker.postMessage(message);
  };
  const start = () => {
    const worker = new Worker(file, { workerData: { root } });
    worker.on('message', (msg: { ok?: true; error?: string }) => {
      const job = current.get(worker)!;
      current.delete(worker);
      if (msg.error) job.reject(new Error(msg.error));
      else job.resolve();
      next(worker);
    });
    worker.on('error', (error) => {
      // A crashed worker fails its own card; the queue goes on in a new worker.
      current.get(worker)?.reject(error);
      stop(worker);
      fill();
    });
    running++;
    next(worker);
  };
  const fill = () => {
    while (running < size && queue.length > 0) start();
  };
  return {
    render(job) {
      return new Promise((resolve, reject) => {
        queue.push({ ...job, resolve, reject });
        fill();
      });
    },
    resize(n) {
      size = Math.max(1, n);
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
