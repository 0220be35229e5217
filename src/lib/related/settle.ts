import type { MessagePort, Worker } from 'node:worker_threads';

/** A worker thread of parallel.ts, as the calling thread sees it. */
export interface Helper {
  worker: Worker;
  port: MessagePort;
  /** Its claim mark for query blocks (the calling thread is 1). */
  me: number;
  /** Error or exit before it was ended: whatever it still owed is done by the calling thread. */
  gone: boolean;
}

/**
 * Waits, handing the workers' messages to `receive` as they come, until `status` says something
 * other than 'waiting' (checked after each message, error and exit, so a worker that dies
 * cannot leave the caller waiting).
 */
export function settle<M, S extends string>(helpers: readonly Helper[], receive: (h: Helper, m: M) => void, status: () => S | 'waiting'): Promise<S> {
  return new Promise((resolve) => {
    const listeners = new Map<Helper, (m: M) => void>();
    const check = () => {
      const s = status();
      if (s === 'waiting') return;
      for (const h of helpers) {
        h.port.off('message', listeners.get(h)!);
        h.worker.off('exit', check).off('error', check);
      }
      resolve(s);
    };
    for (const h of helpers) {
      listeners.set(h, (m: M) => {
        receive(h, m);
        check();
      });
      h.port.on('message', listeners.get(h)!);
      h.worker.on('exit', check).on('error', check);
    }
    check();
  });
}
