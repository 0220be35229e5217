/**
 * Runs one build as a child process and measures it from outside: wall time,
 * peak resident memory of the whole process tree (the build and anything it
 * starts, e.g. Pagefind's binary), sampled from /proc every 50 ms, and the
 * arrival time of every log line, from which phases.ts derives per-phase times.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TimedLine {
  /** Milliseconds since the build started. */
  at: number;
  text: string;
}

export interface Measured {
  status: number | null;
  wallMs: number;
  peakRssBytes: number;
  /** Milliseconds since the start when the peak was sampled (which phase holds the memory). */
  peakAtMs: number;
  lines: TimedLine[];
  /** 1-minute load average when the run started (the machine is shared). */
  load: number;
}

const PAGE = 4096;

/** Resident bytes of `root` and all its descendants, from /proc (Linux). */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

export function measureBuild(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const load = loadAverage();
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = performance.now() - start;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const text of parts) lines.push({ at, text });
    });
    stream.on('end', () => rest && lines.push({ at: performance.now() - start, text: rest }));
  };
  collect(child.stdout!);
  collect(child.stderr!);
  let peak = 0;
  let peakAt = 0;
  const sample = () => {
    const rss = treeRss(child.pid!);
    if (rss > peak) [peak, peakAt] = [rss, performance.now() - start];
  };
  const timer = setInterval(sample, 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, wallMs: performance.now() - start, peakRssBytes: peak, peakAtMs: peakAt, lines, load });
    });
  });
}
