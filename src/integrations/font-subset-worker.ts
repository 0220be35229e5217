/**
 * Subsets one font face on a worker thread: the WOFF2 compression (WebAssembly,
 * about 0.5 s a face) would otherwise hold the build's main thread while it
 * checks the content. Loaded by Node directly (type stripping): plain imports only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import subsetFont from 'subset-font';

const { source, chars, weight } = workerData as { source: Uint8Array; chars: string; weight: { min: number; max: number } };
const subset = await subsetFont(Buffer.from(source), chars, { targetFormat: 'woff2', variationAxes: { wght: weight } });
parentPort!.postMessage(subset);
