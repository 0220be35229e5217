/**
 * Feed item HTML prepared on a worker thread (src/lib/feed/prepare-worker.ts).
 * Astro renders pages on one thread, and in a cold 1,000-article build the
 * second core sits mostly idle through the routes; sanitising the items' HTML
 * took 0.8 s of that one thread (CPU profile, `npm run bench -- --cpu-prof`).
 * src/data/feeds.ts starts the items when the feed routes are planned, so the
 * worker prepares them while the article pages render.
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
  /** How many items were prepared on the worker and on this thread. */
  counts(): { worker: number; here: number };
}

/** Prepares with `policy` on a worker started at the first call; the worker holds the process only while it has work. */
export function workerPreparer(policy: HtmlPolicy, workerFile: string): PrepareHtml {
  let worker: Worker | undefined;
  let broken = !existsSync(workerFile);
  let next = 0;
  const pending = new Map<number, Waiting>();
  const counts = { worker: 0, here: 0 };
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
    // Whatever was in flight is prepared here instead.
    for (const [id, waiting] of pending) {
      pending.delete(id);
      inline(waiting);
    }
  }

  function start(): Worker {
    const started = new Worker(workerFile, { workerData: { policy } });
    started.unref();
    started.on('message', (reply: PrepareReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      // A job the worker could not prepare is prepared here, where its error reaches the feed.
      if ('html' in reply) {
        counts.worker++;
        waiting.resolve(reply.html);
      } else inline(waiting);
    });
    started.on('error', giveUp);
    started.on('exit', () => {
      if (worker === started) giveUp();
    });
    return started;
  }

  const prepare = (html: string, articleUrl: string, siteUrl: string) =>
    new Promise<string>((resolve, reject) => {
      const waiting: Waiting = { job: { id: next++, html, articleUrl, siteUrl }, resolve, reject };
      if (broken) return inline(waiting);
      worker ??= start();
      worker.ref();
      pending.set(waiting.job.id, waiting);
      worker.postMessage(waiting.job);
    });
  return Object.assign(prepare, { counts: () => ({ ...counts }) });
}
