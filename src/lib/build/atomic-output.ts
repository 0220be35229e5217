/**
 * Atomic output folder: the build writes into a temporary folder beside the
 * output and the output is replaced by renames only once everything has
 * succeeded. Beside, not in /tmp, so both folders are on one file system and
 * rename(2) is atomic there.
 *
 * Names: `.<out>.building-<pid>` (the build being written) and
 * `.<out>.previous-<pid>` (the old output, for the instant between the two
 * renames of the swap). A folder whose process is gone is left over from a
 * killed build: the next run removes it, or puts a previous output back if the
 * kill fell between the two renames.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface AtomicOutput {
  /** The folder the build writes to. */
  building: string;
  /** Replaces the output with the finished build. */
  commit(): void;
  /** Removes the temporary folder; the output is not touched. */
  discard(): void;
}

const SIDE = /^\.(.+)\.(building|previous)-(\d+)$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Cleans what a killed build left beside `outDir`; returns what it did, for the log. */
export function recoverLeftovers(outDir: string, isAlive: (pid: number) => boolean = alive): string[] {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  if (!existsSync(parent)) return [];
  const done: string[] = [];
  for (const name of readdirSync(parent).sort()) {
    const match = SIDE.exec(name);
    if (!match || match[1] !== base || isAlive(Number(match[3]))) continue;
    const full = path.join(parent, name);
    if (match[2] === 'previous' && !existsSync(outDir)) {
      // Killed between the two renames of a swap: the previous output is the last good one.
      renameSync(full, outDir);
      done.push(`restored ${base}/ from ${name}`);
    } else {
      rmSync(full, { recursive: true, force: true });
      done.push(`removed ${name}`);
    }
  }
  return done;
}

export function atomicOutput(outDir: string, pid = process.pid): AtomicOutput {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const building = path.join(parent, `.${base}.building-${pid}`);
  const previous = path.join(parent, `.${base}.previous-${pid}`);
  rmSync(building, { recursive: true, force: true });
  return {
    building,
    commit() {
      if (existsSync(outDir)) {
        renameSync(outDir, previous);
        renameSync(building, outDir);
        rmSync(previous, { recursive: true, force: true });
      } else {
        renameSync(building, outDir);
      }
    },
    discard() {
      rmSync(building, { recursive: true, force: true });
    },
  };
}
