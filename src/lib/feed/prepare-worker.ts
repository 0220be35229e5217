/**
 * Worker thread of src/data/feed-prep.ts: sanitises and absolutises feed item
 * HTML (prepareFeedHtml) off the build's main thread. The policy comes once,
 * as workerData; each job is one item's HTML and URLs. Imports no Astro and no
 * zod, so it starts in tens of milliseconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HtmlPolicy } from '../html/policy.ts';
import { prepareFeedHtml } from './sanitize.ts';

export interface PrepareJob { id: number; html: string; articleUrl: string; siteUrl: string }
export type PrepareReply = { id: number; html: string } | { id: number; error: string };

const { policy } = workerData as { policy: HtmlPolicy };

parentPort?.on('message', (job: PrepareJob) => {
  let reply: PrepareReply;
  try {
    reply = { id: job.id, html: prepareFeedHtml(job.html, job.articleUrl, job.siteUrl, policy) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
