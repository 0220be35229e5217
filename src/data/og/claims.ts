/**
 * The card queue's shared counters, in one SharedArrayBuffer seen by the pool
 * (pool.ts) and every card worker (worker.ts). A worker takes its next job by
 * bumping CLAIMED itself, with an atomic compare-and-swap, so it never waits
 * for the build's main thread to hand it one (the main thread runs long
 * synchronous stretches: content sync, MDX compiles, page rendering). Each
 * worker still renders one card at a time, and claims one at a time, so a
 * worker started later (resize) finds the rest of the queue, not a hoard.
 */

/** Index of the next job sequence number to claim. */
const CLAIMED = 0;
/** How many jobs the pool has posted (sequence numbers below it exist). */
const PUBLISHED = 1;
/** The pool's size: workers in slots at or above it stop claiming. */
const SIZE = 2;
/** Then, per worker slot: 1 + the sequence number it is rendering, or 0. */
const CURRENT = 3;

/** The most workers a pool can hold (far above any core count this runs on). */
export const MAX_SLOTS = 64;

export type QueueState = Int32Array;

export function createQueueState(size: number): QueueState {
  const state = new Int32Array(new SharedArrayBuffer((CURRENT + MAX_SLOTS) * 4));
  setSize(state, size);
  return state;
}

export function setSize(state: QueueState, size: number): number {
  const clamped = Math.min(MAX_SLOTS, Math.max(1, Math.floor(size)));
  Atomics.store(state, SIZE, clamped);
  return clamped;
}

export function poolSize(state: QueueState): number {
  return Atomics.load(state, SIZE);
}

/** Called by the pool after it has posted job `seq` to every running worker. */
export function publish(state: QueueState, seq: number): void {
  Atomics.store(state, PUBLISHED, seq + 1);
}

/** The first sequence number nobody has claimed yet. */
export function firstUnclaimed(state: QueueState): number {
  return Atomics.load(state, CLAIMED);
}

export function unclaimed(state: QueueState): number {
  return Atomics.load(state, PUBLISHED) - Atomics.load(state, CLAIMED);
}

/**
 * Takes the next job for the worker in `slot`, or undefined when the queue is
 * empty or the pool has shrunk below the slot. Records the claim in the
 * slot's CURRENT cell, so the pool can fail the right card if the worker dies.
 */
export function claimNext(state: QueueState, slot: number): number | undefined {
  for (;;) {
    if (slot >= Atomics.load(state, SIZE)) return undefined;
    const next = Atomics.load(state, CLAIMED);
    if (next >= Atomics.load(state, PUBLISHED)) return undefined;
    if (Atomics.compareExchange(state, CLAIMED, next, next + 1) === next) {
      Atomics.store(state, CURRENT + slot, next + 1);
      return next;
    }
  }
}

/** Claims every job not claimed yet, for the pool to fail them; returns their sequence numbers. */
export function claimRest(state: QueueState): number[] {
  for (;;) {
    const next = Atomics.load(state, CLAIMED);
    const end = Atomics.load(state, PUBLISHED);
    if (Atomics.compareExchange(state, CLAIMED, next, end) === next) return Array.from({ length: end - next }, (_, i) => next + i);
  }
}

/** The worker in `slot` finished its claimed job. */
export function release(state: QueueState, slot: number): void {
  Atomics.store(state, CURRENT + slot, 0);
}

/** The job the worker in `slot` is rendering, if any. */
export function currentJob(state: QueueState, slot: number): number | undefined {
  const current = Atomics.load(state, CURRENT + slot);
  return current > 0 ? current - 1 : undefined;
}
