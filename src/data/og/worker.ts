/**
 * A card worker thread. The pool (pool.ts) posts every queued job to every
 * worker; the worker claims the next unclaimed one itself through the shared
 * counters (claims.ts), renders it, writes it into the card cache (atomically:
 * builds may run side by side) and answers only "done" or the error, then
 * claims the next, without waiting for the main thread. One card at a time:
 * several renders at once inside a worker would fill libuv's thread pool with
 * sharp calls (see pool.ts). When nothing is left to claim, or the pool has
 * shrunk below its slot, it says "end" and claims nothing more, so the pool
 * can stop it safely. Loaded by Node directly (type stripping), not bundled:
 * keep imports to plain .ts and packages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { claimNext, release, type QueueState } from './claims.ts';
import { loadCardFontFamilies } from './font-files.ts';
import { renderCard } from './render.ts';
import { writeAtomically, type CardJob } from './jobs.ts';

export interface WorkerData {
  root: string;
  state: QueueState;
  slot: number;
  /** The jobs not yet claimed when this worker started; later ones arrive as messages. */
  jobs: [number, CardJob][];
}

/** pool -> worker */
export type JobMessage = { seq: number; job: CardJob };
/** worker -> pool */
export type WorkerReply = { seq: number; error?: string } | { end: true };

// One libvips thread per worker: the pool already has a worker per core.
sharp.concurrency(1);
const { root, state, slot, jobs: initial } = workerData as WorkerData;
const families = loadCardFontFamilies(root);
const jobs = new Map<number, CardJob>(initial);
/** A claimed job whose message is still on its way (the pool posts before it publishes, so it comes). */
let awaiting: { seq: number; arrived: (job: CardJob) => void } | undefined;

parentPort!.on('message', ({ seq, job }: JobMessage) => {
  if (awaiting?.seq === seq) awaiting.arrived(job);
  else jobs.set(seq, job);
});

function jobFor(seq: number): CardJob | Promise<CardJob> {
  const job = jobs.get(seq);
  // Jobs are claimed in order: everything before this one went to some worker.
  for (const key of jobs.keys()) {
    if (key > seq) break;
    jobs.delete(key);
  }
  return job ?? new Promise((arrived) => (awaiting = { seq, arrived }));
}

const reply = (message: WorkerReply) => parentPort!.postMessage(message);

for (let seq = claimNext(state, slot); seq !== undefined; seq = claimNext(state, slot)) {
  const job = await jobFor(seq);
  awaiting = undefined;
  try {
    const { png } = await renderCard({ ...job.input, date: new Date(job.input.date) }, families, job.heroPath);
    writeAtomically(job.file, png);
    reply({ seq });
  } catch (error) {
    reply({ seq, error: error instanceof Error ? error.message : String(error) });
  } finally {
    release(state, slot);
  }
}
reply({ end: true });
