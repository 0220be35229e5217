/**
 * A card worker thread: renders the cards pool.ts sends, one at a time, and
 * writes each into the card cache itself (atomically: builds may run side by
 * side), answering only "done" or the error. Loaded by Node directly (type
 * stripping), not bundled: keep imports to plain .ts and packages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { loadCardFontFamilies } from './font-files.ts';
import { renderCard } from './render.ts';
import { writeAtomically, type CardJob } from './jobs.ts';

// One libvips thread per worker: the pool already has a worker per core.
sharp.concurrency(1);
const families = loadCardFontFamilies(workerData.root as string);

parentPort!.on('message', async (job: CardJob) => {
  try {
    const { png } = await renderCard({ ...job.input, date: new Date(job.input.date) }, families, job.heroPath);
    writeAtomically(job.file, png);
    parentPort!.postMessage({ ok: true });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
