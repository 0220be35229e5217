/**
 * `astro dev` with static and module .mdx articles side by side (a copy of
 * tests/fixtures/static-mdx): an edit to either kind is served at once, and an
 * article that gains a component becomes a module while one that loses its
 * only MDX line becomes static, without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT, ROOT } from '../support/build.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

// Inside the project: Vite watches the root, and the loader reloads on what it reports.
const content = path.join(OUTPUT, `dev-static-mdx-${process.pid}`, 'content');
const article = (name: string) => path.join(content, 'articles', `${name}.mdx`);
let dev: DevServer | undefined;
let base = '';
const log = () => dev?.log() ?? '';

beforeAll(async () => {
  rmSync(path.dirname(content), { recursive: true, force: true });
  cpSync(path.join(ROOT, 'tests/fixtures/static-mdx/content'), content, { recursive: true });
  dev = await startDevServer(path.relative(ROOT, content), { waitFor: 'watching for file changes', timeoutMs: 150_000 });
  base = dev.base;
}, 180_000);

afterAll(() => {
  dev?.process.kill();
  rmSync(path.dirname(content), { recursive: true, force: true });
});

const page = async (slug: string) => (await fetch(`${base}/articles/${slug}/`)).text();

/** Polls the page until it contains `text` (the watcher, the loader and Vite take a moment). */
async function eventually(slug: string, text: string): Promise<string> {
  let html = '';
  for (let i = 0; i < 60; i++) {
    html = await page(slug);
    if (html.includes(text)) return html;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`/articles/${slug}/ never showed ${JSON.stringify(text)}; log:\n${log().slice(-2000)}`);
}

const edit = (name: string, from: string, to: string) => writeFileSync(article(name), readFileSync(article(name), 'utf8').replace(from, to));

describe('astro dev with static and module .mdx articles', () => {
  it('renders both kinds', async () => {
    expect(log()).toContain('articles: 9 parsed (.mdx: 3 rendered to HTML, 6 compiled as modules), 0 unchanged');
    expect(await page('static-prose')).toContain('Smart punctuation turns “straight quotes”');
    expect(await page('with-component')).toContain('A callout in a module body');
  }, 120_000);

  it('serves an edited static article', async () => {
    edit('static-prose', 'Smart punctuation turns', 'Edited in dev: smart punctuation turns');
    await eventually('static-prose', 'Edited in dev: smart punctuation turns');
  }, 60_000);

  it('serves an edited module article', async () => {
    edit('with-component', 'Before the component.', 'Before the edited component.');
    await eventually('with-component', 'Before the edited component.');
  }, 60_000);

  it('a static article that gains a component becomes a module and renders it', async () => {
    appendFileSync(article('static-table'), '\n<Callout type="note" title="Added in dev">Now a module.</Callout>\n');
    const html = await eventually('static-table', 'aria-label="Added in dev"');
    expect(html).toContain('class="table-scroll"');
  }, 60_000);

  it('a module article that loses its only MDX line becomes static', async () => {
    edit('module-twin-prose', 'export const keptAsModule = true\n', '');
    edit('module-twin-prose', 'Smart punctuation turns', 'Now static: smart punctuation turns');
    await eventually('module-twin-prose', 'Now static: smart punctuation turns');
    expect(log()).toMatch(/articles: \d+ parsed \(\.mdx: [1-9]\d* rendered to HTML/);
  }, 60_000);
});
