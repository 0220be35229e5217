/**
 * A card worker thread: renders the cards pool.ts sends, one at a time, and writes each into the
 * card cache itself (atomically: builds may run side by side), so the PNG bytes
 * cross back to the build once, as a transferred buffer. Loaded by Node
 * directly (type stripping), not bundled: keep imports to plain .ts and packages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { loadCardFontFamilies } from './font-files.ts';
import { renderCard } from './render.ts';
import { writeAtomically, type CardJob, type CardJobResult } from './jobs.ts';

// One libvips thread per worker: the pool already has a worker per core.
sharp.concurrency(1);
const families = loadCardFontFamilies(workerData.root as string);

parentPort!.on('message', async (job: CardJob) => {
  try {
    const { png, missing } = await renderCard({ ...job.input, date: new Date(job.input.date) }, families, job.heroPath);
    writeAtomically(job.file, png);
    const bytes = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
    parentPort!.postMessage({ png: bytes, missing } satisfies CardJobResult, [bytes]);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
