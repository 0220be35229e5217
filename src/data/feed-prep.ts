/**
 * Feed item HTML prepared on a worker thread (src/lib/feed/prepare-worker.ts).
 * Astro renders pages on one thread, and in a cold 1,000-article build the
 * second core sits mostly idle through the routes; sanitising the items' HTML
 * took 0.8 s of that one thread (CPU profile, `npm run bench -- --cpu-prof`).
 * src/data/feeds.ts starts each item as its article's page renders, so the
 * worker prepares them while the other pages render.
 *
 * The result is prepareFeedHtml's, byte for byte (it is the same function);
 * when the worker cannot start or fails, the item is prepared on this thread.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { HtmlPolicy } from '../lib/html/policy.ts';
import { prepareFeedHtml } from '../lib/feed/index.ts';
import type { PrepareJob, PrepareReply } from '../lib/feed/prepare-worker.ts';

interface Waiting { job: PrepareJob; resolve: (html: string) => void; reject: (error: unknown) => void }

export interface PrepareHtml {
  (html: string, articleUrl: string, siteUrl: string): Promise<string>;
  /** How many items were prepared on the worker and on this thread, and how many workers were started. */
  counts(): { worker: number; here: number; started: number };
}

/** How long an idle worker is kept for the next job. */
const IDLE_MS = 300;

/**
 * Jobs go to the worker in batches, sent once `batch` jobs are queued or
 * `delayMs` after the first: one message per item took 305-644 ms of the
 * build's main thread for 1,000 items (timed in place, cold 1,000-article
 * builds under load 5-6), batches 78 ms for the same items in 147 messages.
 */
export interface PreparerOptions { batch?: number; delayMs?: number }

/** Prepares with `policy` (undefined: the base allow-list, as prepareFeedHtml) on a worker started at the first call; the worker holds the process only while it has work. */
export function workerPreparer(policy: HtmlPolicy | undefined, workerFile: string, { batch = 32, delayMs = 20 }: PreparerOptions = {}): PrepareHtml {
  let worker: Worker | undefined;
  let broken = !existsSync(workerFile);
  let next = 0;
  const pending = new Map<number, Waiting>();
  let queued: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;
  let idle: NodeJS.Timeout | undefined;
  const counts = { worker: 0, here: 0, started: 0 };
  const inline = ({ job, resolve, reject }: Waiting) => {
    counts.here++;
    try {
      resolve(prepareFeedHtml(job.html, job.articleUrl, job.siteUrl, policy));
    } catch (error) {
      reject(error);
    }
  };

  function giveUp(): void {
    broken = true;
    worker = undefined;
    clearTimeout(timer);
    // Whatever was queued or in flight is prepared here instead.
    const left = [...queued, ...pending.values()];
    queued = [];
    pending.clear();
    left.forEach(inline);
  }

  function start(): Worker {
    const started = new Worker(workerFile, { workerData: { policy } });
    counts.started++;
    started.unref();
    started.on('message', (replies: PrepareReply[]) => {
      for (const reply of replies) {
        const waiting = pending.get(reply.id);
        if (!waiting) continue;
        pending.delete(reply.id);
        // A job the worker could not prepare is prepared here, where its error reaches the feed.
        if ('html' in reply) {
          counts.worker++;
          waiting.resolve(reply.html);
        } else inline(waiting);
      }
      if (pending.size === 0 && queued.length === 0) {
        started.unref();
        // Idle: ended soon, so its memory is not held beside the search index that starts after the
        // article pages (the next job starts a new one).
        idle = setTimeout(() => retire(started), IDLE_MS);
        idle.unref();
      }
    });
    started.on('error', giveUp);
    started.on('exit', () => {
      if (worker === started) giveUp();
    });
    return started;
  }

  function retire(idleWorker: Worker): void {
    if (worker !== idleWorker || pending.size > 0 || queued.length > 0) return;
    worker = undefined;
    void idleWorker.terminate();
  }

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!worker || queued.length === 0) return;
    for (const waiting of queued) pending.set(waiting.job.id, waiting);
    worker.postMessage(queued.map((waiting) => waiting.job));
    queued = [];
  }

  const prepare = (html: string, articleUrl: string, siteUrl: string) =>
    new Promise<string>((resolve, reject) => {
      const waiting: Waiting = { job: { id: next++, html, articleUrl, siteUrl }, resolve, reject };
      if (broken) return inline(waiting);
      clearTimeout(idle);
      worker ??= start();
      worker.ref();
      queued.push(waiting);
      if (queued.length >= batch) flush();
      else timer ??= setTimeout(flush, delayMs);
    });
  return Object.assign(prepare, { counts: () => ({ ...counts }) });
}
