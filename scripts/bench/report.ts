/** The bench's tables: medians per size and scenario, the ratios to the baseline, and Broadsheet's phases. */
import os from 'node:os';
import type { Phases, RouteKind } from './phases.ts';

export type SiteName = 'broadsheet' | 'baseline';
export type Scenario = 'cold' | 'warm' | 'edit' | 'add';

export interface Run {
  site: SiteName;
  n: number;
  scenario: Scenario;
  run: number;
  wallMs: number;
  peakRssBytes: number;
  peakAtMs: number;
  load: number;
  phases: Phases;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const sec = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);
const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : '–');

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function summary(runs: readonly Run[], site: SiteName, n: number, scenario: Scenario) {
  const mine = runs.filter((r) => r.site === site && r.n === n && r.scenario === scenario);
  if (!mine.length) return undefined;
  const phase = (pick: (p: Phases) => number | undefined) => median(mine.map((r) => pick(r.phases) ?? NaN));
  const kind = (k: RouteKind) => ({ ms: phase((p) => p.byKind[k].ms), rendered: phase((p) => p.byKind[k].rendered), reused: phase((p) => p.byKind[k].reused) });
  return {
    wallMs: median(mine.map((r) => r.wallMs)),
    peakRssBytes: median(mine.map((r) => r.peakRssBytes)),
    loads: mine.map((r) => r.load),
    runs: mine.length,
    content: phase((p) => p.content),
    bundling: phase((p) => p.bundling),
    routes: phase((p) => p.routes),
    pages: kind('pages'),
    cards: kind('cards'),
    feeds: kind('feeds'),
    images: phase((p) => p.images),
    fonts: phase((p) => p.fonts),
    pagefind: phase((p) => p.pagefind),
  };
}

export function printTables(runs: readonly Run[]): void {
  const sizes = [...new Set(runs.map((r) => r.n))];
  const scenarios = [...new Set(runs.map((r) => r.scenario))];
  console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${gib(os.totalmem())} RAM, ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`);
  for (const n of sizes) {
    const baseCold = summary(runs, 'baseline', n, 'cold');
    console.log(`\nN = ${n} (medians of ${Math.max(...runs.filter((r) => r.n === n).map((r) => r.run))} run(s); 1-min load at each run's start in brackets)\n`);
    console.log(row(['build', 'Broadsheet', 'baseline', 'time ratio', 'vs baseline cold', 'memory ratio', 'load']));
    console.log(row(Array(7).fill('---')));
    for (const scenario of scenarios) {
      const full = summary(runs, 'broadsheet', n, scenario);
      const base = summary(runs, 'baseline', n, scenario);
      if (!full || !base) continue;
      console.log(row([
        scenario,
        `${sec(full.wallMs)}, ${gib(full.peakRssBytes)}`,
        `${sec(base.wallMs)}, ${gib(base.peakRssBytes)}`,
        ratio(full.wallMs, base.wallMs),
        baseCold ? ratio(full.wallMs, baseCold.wallMs) : '–',
        ratio(full.peakRssBytes, base.peakRssBytes),
        `[${[...full.loads, ...base.loads].map((l) => l.toFixed(1)).join(', ')}]`,
      ]));
    }
    console.log(`\nBroadsheet phases, N = ${n} (routes: render time summed by kind; rendered / reused from the incremental cache; cards: linked (or copied) into og/ after the routes)\n`);
    console.log(row(['build', 'content', 'bundling', 'routes', 'pages', 'cards', 'feeds', 'images', 'fonts', 'Pagefind']));
    console.log(row(Array(10).fill('---')));
    for (const scenario of scenarios) {
      const s = summary(runs, 'broadsheet', n, scenario);
      if (!s) continue;
      const k = (x: { ms: number; rendered: number; reused: number }) => `${sec(x.ms)} (${x.rendered} / ${x.reused})`;
      console.log(row([scenario, sec(s.content), sec(s.bundling), sec(s.routes), k(s.pages), k(s.cards), k(s.feeds), sec(s.images), sec(s.fonts), sec(s.pagefind)]));
    }
  }
}
