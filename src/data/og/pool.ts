/**
 * A pool of card workers, one per core, started on first use and ended when
 * the queue runs dry, so a finished build exits without closing them.
 * When worker threads cannot start (no worker file, e.g. a bundled theme),
 * cards render in the build process instead, one after another.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadCardFontFamilies } from './font-files.ts';
import { renderCard } from './render.ts';
import { writeAtomically, type CardJob, type CardJobResult } from './jobs.ts';

export interface CardPool {
  render(job: CardJob): Promise<CardJobResult>;
}

type Job = CardJob & { resolve: (r: CardJobResult) => void; reject: (e: Error) => void };

/**
 * One job per worker at a time, the rest queued here. Posting every job at
 * once would start them all concurrently inside each worker, and their sharp
 * calls would fill libuv's shared thread pool, stalling the build's own file
 * reads and module loads behind hundreds of PNG encodes (profiled: a single
 * page waited 2 min 47 s at N = 1,000).
 */
export function createCardPool(root = process.cwd(), size = os.availableParallelism()): CardPool {
  const file = path.join(root, 'src/data/og/worker.ts');
  if (!existsSync(file) || size < 1) return inProcessPool(root);
  const queue: Job[] = [];
  const current = new Map<Worker, Job>();
  let started = 0;
  const next = (worker: Worker) => {
    const job = queue.shift();
    if (!job) {
      // The build plans every card at once, so an empty queue means the cards are done:
      // end the worker rather than keep its heap, fonts and libvips caches through
      // the rest of the build (Pagefind, fonts). A later job starts a new one.
      started--;
      void worker.terminate();
      return;
    }
    current.set(worker, job);
    worker.ref();
    const { resolve: _r, reject: _j, ...message } = job;
    worker.postMessage(message);
  };
  const start = () => {
    const worker = new Worker(file, { workerData: { root } });
    worker.on('message', (msg: CardJobResult & { error?: string }) => {
      const job = current.get(worker)!;
      current.delete(worker);
      if (msg.error) job.reject(new Error(`social card: ${msg.error}`));
      else job.resolve({ png: msg.png, missing: msg.missing });
      next(worker);
    });
    worker.on('error', (error) => {
      current.get(worker)?.reject(error);
      for (const job of queue.splice(0)) job.reject(error);
    });
    started++;
    next(worker);
  };
  return {
    render(job) {
      return new Promise((resolve, reject) => {
        queue.push({ ...job, resolve, reject });
        if (started < size) start();
      });
    },
  };
}

function inProcessPool(root: string): CardPool {
  // One card at a time here too, for the same reason as above.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    render(job) {
      const result = chain.then(async () => {
        const { png, missing } = await renderCard({ ...job.input, date: new Date(job.input.date) }, loadCardFontFamilies(root), job.heroPath);
        writeAtomically(job.file, png);
        return { png: png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer, missing };
      });
      chain = result.catch(() => {});
      return result;
    },
  };
}
