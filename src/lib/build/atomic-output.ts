/**
 * Atomic output folder: the build writes into a temporary folder beside the
 * output and the output is replaced by renames only once everything has
 * succeeded. Beside, not in /tmp, so both folders are on one file system and
 * rename(2) is atomic there.
 *
 * Names: `.<out>.building` (the build being written; its owner's pid is in
 * `.<out>.building.pid`) and `.<out>.previous-<pid>` (the old output, for the
 * instant between the two renames of the swap). The building folder's name is
 * the same on every run because Astro embeds the output folder in the code of
 * pages with images: a new name each time would change their code and defeat
 * incremental builds. A folder whose process is gone is left over from a
 * killed build: the next run removes it, or puts a previous output back if the
 * kill fell between the two renames. A second build of the same output while
 * one is running is refused.
 *
 * The old output is deleted by a detached process after the swap: removing a
 * site of thousands of files (pages, cards, Pagefind fragments) took 9 s of a
 * 49 s no-change rebuild at N = 1,000 (CPU profile), all after the new output
 * was already in place. If that process dies, the next build removes the folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Deletes `dir` in a detached Node process that outlives this one; returns at once. */
export function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { detached: true, stdio: 'ignore' });
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

export interface AtomicOutput {
  /** The folder the build writes to. */
  building: string;
  /** Replaces the output with the finished build. */
  commit(): void;
  /** Removes the temporary folder; the output is not touched. */
  discard(): void;
}

const PREVIOUS = /^\.(.+)\.previous-(\d+)$/;

const buildingOf = (outDir: string) => path.join(path.dirname(outDir), `.${path.basename(outDir)}.building`);

/** The pid recorded for the building folder, or undefined when none is readable. */
function ownerOf(building: string): number | undefined {
  try {
    const pid = Number(readFileSync(`${building}.pid`, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

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
  const building = buildingOf(outDir);
  const owner = ownerOf(building);
  if ((existsSync(building) || existsSync(`${building}.pid`)) && !(owner !== undefined && isAlive(owner))) {
    rmSync(building, { recursive: true, force: true });
    rmSync(`${building}.pid`, { force: true });
    done.push(`removed ${path.basename(building)}`);
  }
  for (const name of readdirSync(parent).sort()) {
    const match = PREVIOUS.exec(name);
    if (!match || match[1] !== base || isAlive(Number(match[2]))) continue;
    const full = path.join(parent, name);
    if (!existsSync(outDir)) {
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

export function atomicOutput(outDir: string, pid = process.pid, isAlive: (pid: number) => boolean = alive, removeOld: (dir: string) => void = removeInBackground): AtomicOutput {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const building = buildingOf(outDir);
  const previous = path.join(parent, `.${base}.previous-${pid}`);
  const owner = ownerOf(building);
  if (owner !== undefined && owner !== pid && isAlive(owner)) {
    throw new Error(`another build (process ${owner}) is writing ${base}/ now; wait for it to finish`);
  }
  rmSync(building, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  writeFileSync(`${building}.pid`, String(pid));
  const release = () => rmSync(`${building}.pid`, { force: true });
  return {
    building,
    commit() {
      if (existsSync(outDir)) {
        renameSync(outDir, previous);
        renameSync(building, outDir);
        removeOld(previous);
      } else {
        renameSync(building, outDir);
      }
      release();
    },
    discard() {
      rmSync(building, { recursive: true, force: true });
      release();
    },
  };
}
