/**
 * Worker thread of src/data/feed-prep.ts: sanitises and absolutises feed item
 * HTML (prepareFeedHtml) off the build's main thread. The policy comes once,
 * as workerData; each message is a batch of items' HTML and URLs. Imports no
 * Astro and no zod, so it starts in tens of milliseconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HtmlPolicy } from '../html/policy.ts';
import { prepareFeedHtml } from './sanitize.ts';

export interface PrepareJob { id: number; html: string; articleUrl: string; siteUrl: string }
export type PrepareReply = { id: number; html: string } | { id: number; error: string };

const { policy } = workerData as { policy: HtmlPolicy | undefined };

function prepare(job: PrepareJob): PrepareReply {
  try {
    return { id: job.id, html: prepareFeedHtml(job.html, job.articleUrl, job.siteUrl, policy) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (jobs: PrepareJob[]) => parentPort?.postMessage(jobs.map(prepare)));
