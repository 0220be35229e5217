/**
 * Per-phase times of one build, read from its log: Astro's phase banners and
 * per-route lines ("├─ /articles/a/index.html (+61ms)", or "(cached)" when an incremental
 * build reused the page), the social cards' copy line (a build writes them after the
 * routes: src/data/og/write-cards.ts; `astro dev` serves them as /og/ routes),
 * Broadsheet's fonts line and Pagefind's own timing.
 * Phase boundaries use the arrival time of each line (see measure.ts).
 */
import type { TimedLine } from './measure.ts';

export type RouteKind = 'pages' | 'cards' | 'feeds' | 'other';

export interface Phases {
  /** Start to "Collecting build info": config, content check, content sync, types. */
  content?: number;
  /** Vite/Rolldown bundling of the server and client entrypoints. */
  bundling?: number;
  /** All of "generating static routes". */
  routes?: number;
  /** Render time summed per kind of route, and how many were rendered and reused. */
  byKind: Record<RouteKind, { ms: number; rendered: number; reused: number }>;
  images?: number;
  fonts?: number;
  pagefind?: number;
}

export function routeKind(route: string): RouteKind {
  if (route.startsWith('/og/')) return 'cards';
  if (/\.(xml|json)$/.test(route)) return 'feeds';
  if (route.endsWith('.html')) return 'pages';
  return 'other';
}

/** "12ms", "1.40s" or "2m 47s", as Astro prints a route's time. */
export function duration(text: string): number {
  const m = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(text);
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
}

export function parsePhases(lines: readonly TimedLine[]): Phases {
  const find = (re: RegExp, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && re.test(l.text));
    return i < 0 ? undefined : i;
  };
  const at = (i: number | undefined) => (i === undefined ? undefined : lines[i]!.at);
  const span = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : at(b)! - at(a)!);
  const byKind = { pages: { ms: 0, rendered: 0, reused: 0 }, cards: { ms: 0, rendered: 0, reused: 0 }, feeds: { ms: 0, rendered: 0, reused: 0 }, other: { ms: 0, rendered: 0, reused: 0 } };
  for (const { text } of lines) {
    const m = /├─ (\S+) +(?:\(\+((?:\d+m )?[\d.]+m?s)\)|\((cached|restored)\))/.exec(text);
    if (!m) continue;
    const kind = byKind[routeKind(m[1]!)];
    if (m[3]) kind.reused++;
    else {
      kind.rendered++;
      kind.ms += duration(m[2]!);
    }
  }
  const cards = lines.map((l) => /\[broadsheet:og\] wrote (\d+) social cards to og\/ in (\d+) ms/.exec(l.text)).find(Boolean);
  if (cards) {
    byKind.cards.rendered += Number(cards[1]);
    byKind.cards.ms += Number(cards[2]);
  }
  const collecting = find(/Collecting build info/);
  const bundleStart = find(/Building static entrypoints/);
  const routesStart = find(/generating static routes/);
  const routesEnd = routesStart === undefined ? undefined : find(/✓ Completed in/, routesStart);
  const imagesStart = find(/generating optimized images/);
  const imagesEnd = imagesStart === undefined ? undefined : find(/✓ Completed in/, imagesStart);
  const wrote = find(/\[broadsheet\] wrote \d+ pages/);
  const fonts = find(/\[broadsheet:fonts\]/);
  const pagefind = lines.map((l) => /pagefind: indexed \d+ pages in (\d+) ms/.exec(l.text)).find(Boolean);
  return {
    content: at(collecting),
    bundling: span(bundleStart, routesStart),
    routes: span(routesStart, routesEnd),
    byKind,
    images: span(imagesStart, imagesEnd),
    fonts: span(wrote, fonts),
    pagefind: pagefind ? Number(pagefind[1]) : undefined,
  };
}
