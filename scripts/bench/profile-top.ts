// `npm run -s bench:profile -- FILE.cpuprofile [--top 5]`: the top self-time costs of a V8 CPU
// profile (as written by `npm run bench -- --cpu-prof`), by function and by package or source folder.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '5' } } });
const top = Number(values.top);

/** "sharp", "astro", "src/lib/og", "(garbage collector)"...: where a frame's code lives. */
export function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const src = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url) ?? /\/(\.prerender|dist)\//.exec(url);
  return src ? src[1]! : url.replace(/^.*\//, '');
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const label = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|scripts)\//, '$1/')}:${lineNumber + 1}`;
    fn.set(label, (fn.get(label) ?? 0) + us);
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const show = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `  ${(us / 1e6).toFixed(1).padStart(7)} s  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled (main thread)\n top ${top} by area:\n${show(areas)}\n top ${top} functions (self time):\n${show(fn)}\n`);
}
