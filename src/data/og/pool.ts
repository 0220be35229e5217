/**
 * A pool of card workers, one per core, started on first use. Workers are
 * unreferenced while idle, so a finished build exits without closing them.
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

type Pending = { resolve: (r: CardJobResult) => void; reject: (e: Error) => void };

interface Slot {
  worker: Worker;
  busy: number;
}

export interface CardPool {
  render(job: CardJob): Promise<CardJobResult>;
}

export function createCardPool(root = process.cwd(), size = os.availableParallelism()): CardPool {
  const file = path.join(root, 'src/data/og/worker.ts');
  if (!existsSync(file) || size < 1) return inProcessPool(root);
  const slots: Slot[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const start = (): Slot => {
    const worker = new Worker(file, { workerData: { root } });
    const slot = { worker, busy: 0 };
    worker.on('message', (msg: CardJobResult & { id: number; error?: string }) => {
      const p = pending.get(msg.id)!;
      pending.delete(msg.id);
      if (--slot.busy === 0) worker.unref();
      if (msg.error) p.reject(new Error(`social card: ${msg.error}`));
      else p.resolve({ png: msg.png, missing: msg.missing });
    });
    worker.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    worker.unref();
    return slot;
  };
  return {
    render(job) {
      // Least busy worker; a new one until the pool is full.
      let slot = slots.length < size ? undefined : slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (!slot) slots.push((slot = start()));
      const id = nextId++;
      if (slot.busy++ === 0) slot.worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ ...job, id });
      });
    },
  };
}

function inProcessPool(root: string): CardPool {
  return {
    async render(job) {
      const { png, missing } = await renderCard({ ...job.input, date: new Date(job.input.date) }, loadCardFontFamilies(root), job.heroPath);
      writeAtomically(job.file, png);
      return { png: png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer, missing };
    },
  };
}
