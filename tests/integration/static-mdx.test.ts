/**
 * Static MDX: a component-free .mdx body is rendered at load time and stored
 * as HTML, not compiled into a module; a body with a component, an expression
 * or a local image stays a module. Both kinds build side by side in
 * tests/fixtures/static-mdx, and each static article has a "module twin": the
 * same body kept a module by one `export` line (which renders nothing), so the
 * page and feed HTML of the two paths can be compared byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildFixture, readOut, ROOT, type BuildResult } from '../support/build.ts';
import { cacheDirFor } from '../../src/data/content-loader.ts';

const CONTENT = path.join(ROOT, 'tests/fixtures/static-mdx/content');
const STATIC = ['static-prose', 'static-code', 'static-table'];
const MODULES = ['module-twin-prose', 'module-twin-code', 'module-twin-table', 'with-component', 'with-expression', 'local-image'];

let build: BuildResult;

beforeAll(() => {
  // A cold build: entries cached by an earlier build would not be parsed (or counted) again.
  rmSync(path.resolve(ROOT, cacheDirFor(CONTENT)), { recursive: true, force: true });
  build = buildFixture(`static-mdx-${process.pid}`, 'tests/fixtures/static-mdx/content');
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
}, 600_000);

afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

/** The article body as the page shows it. */
const prose = (slug: string) => {
  const match = /<div class="prose"[^>]*>([\s\S]*?)<\/div><div class="after"/.exec(readOut(build.outDir, `articles/${slug}/index.html`));
  if (!match) throw new Error(`no .prose body in articles/${slug}/`);
  return match[1]!;
};

/** The full-content body of an article in the JSON Feed, its own URL (absolute #anchors) written as ARTICLE. */
const feedBody = (slug: string) => {
  const feed = JSON.parse(readOut(build.outDir, 'feed.json')) as { items: { id: string; content_html: string }[] };
  const item = feed.items.find((i) => i.id.endsWith(`/articles/${slug}/`));
  if (!item) throw new Error(`no feed item for ${slug}`);
  return item.content_html.replaceAll(item.id, 'ARTICLE');
};

describe('which .mdx bodies become modules', () => {
  it('the loader renders the three static bodies and leaves six to the MDX compiler', () => {
    expect(build.stdout).toContain('articles: 9 parsed (.mdx: 3 rendered to HTML, 6 compiled as modules), 0 unchanged');
  });

  it('no page renders a content module for a static article; each module article renders its own', () => {
    // Astro records, per page, the content modules it rendered (the incremental build re-renders a page when one changes).
    const manifest = JSON.parse(readFileSync(path.resolve(ROOT, cacheDirFor(CONTENT), 'incremental-build.json'), 'utf8')) as {
      routes: Record<string, { paths: Record<string, { contentHashes?: Record<string, string> }> }>;
    };
    const rendered = new Set(Object.values(manifest.routes).flatMap((route) => Object.values(route.paths).flatMap((p) => Object.keys(p.contentHashes ?? {}))));
    const slugOf = (file: string) => path.basename(file === path.basename(file) ? file : file.replace(/\/index\.mdx$/, ''), '.mdx');
    expect([...rendered].map(slugOf).sort()).toEqual([...MODULES].sort());
  });
});

describe('a static body renders exactly as its module twin', () => {
  it.each(STATIC)('%s: the page body', (slug) => {
    const html = prose(slug);
    expect(html.length).toBeGreaterThan(500);
    expect(html).toBe(prose(slug.replace('static-', 'module-twin-')));
  });

  it.each(STATIC)('%s: the full-content feed body', (slug) => {
    expect(feedBody(slug)).toBe(feedBody(slug.replace('static-', 'module-twin-')));
  });

  it('the table override, Shiki, heading ids and footnotes are applied to static bodies', () => {
    expect(prose('static-table').match(/<div class="table-scroll" tabindex="0" role="group"/g)).toHaveLength(2);
    expect(prose('static-table')).toContain('<td style="text-align:center" class="num">80 GB</td>');
    expect(prose('static-code')).toContain('<pre class="astro-code astro-code-themes github-light-default github-dark-default"');
    expect(prose('static-code')).toContain('<span>Plain text with {braces} and &lt;tags&gt; &amp; ampersands.</span>');
    expect(prose('static-code')).toContain('<p>A line with an escaped expression {notCode} and an escaped tag &lt;NotJsx /&gt;.</p>');
    expect(prose('static-prose')).toContain('<h2 id="a-heading-with-emphasis-and-code-1">');
    expect(prose('static-prose')).toContain('data-footnotes');
    // The table of contents is built from the stored headings.
    expect(readOut(build.outDir, 'articles/static-prose/index.html')).toContain('href="#a-heading-with-emphasis-and-code-1"');
  });
});

describe('module articles still render their MDX', () => {
  it('a component', () => {
    expect(prose('with-component')).toMatch(/<aside class="callout[^"]*"[^>]*>/);
    expect(prose('with-component')).toContain('<strong>Markdown</strong>');
  });

  it('an MDX comment prints nothing and inline JSX renders', () => {
    expect(prose('with-expression')).not.toContain('never reaches the page');
    expect(prose('with-expression')).toContain('an inline <br/> element written as JSX');
  });

  it('a local Markdown image becomes an optimised image', () => {
    expect(prose('local-image')).toMatch(/<img src="\/_astro\/chart\.[\w-]+\.webp" alt="A bar chart of memory bandwidth"/);
  });
});
