/**
 * Which .mdx bodies are rendered at load time (static) and which stay modules:
 * the decision on Sätteri's MDX tree, and the compiled-code shape the loader accepts.
 */
import { describe, expect, it } from 'vitest';
import { satteri } from '@astrojs/markdown-satteri';
import { mdxModuleReason } from '../../../src/lib/content/static-mdx.ts';
import { staticModuleBody } from '../../../src/lib/content/static-mdx-code.ts';
import { analyseBody } from '../../../src/lib/content/body.ts';
import { specTableHtml, wrapSpecTables } from '../../../src/lib/design/spec-table.ts';

describe('an MDX body that needs a module', () => {
  it.each([
    ['an import', "import Chart from './chart.mdx'\n\nText.", 'an import or export (line 1)'],
    ['an export', 'Text.\n\nexport const answer = 42', 'an import or export (line 3)'],
    ['a text expression', 'Two plus two is {2 + 2}.', 'a {…} expression (line 1)'],
    ['a flow expression', 'Text.\n\n{props.title}', 'a {…} expression (line 3)'],
    ['an MDX comment, which prints nothing but is code', 'Text.\n\n{/* a note */}', 'a {…} expression (line 3)'],
    ['a component', 'Text.\n\n<Callout type="info">Hi</Callout>', 'the JSX element <Callout> (line 3)'],
    ['an HTML-looking element, which MDX compiles as JSX', 'A line<br />break.', 'the JSX element <br> (line 1)'],
    ['a block of HTML-looking JSX', '<div class="note">\n\nText.\n\n</div>', 'the JSX element <div> (line 1)'],
    ['a JSX fragment', '<>Text</>', 'a JSX fragment <> (line 1)'],
    ['a member-expression component', '<Icons.Star />', 'the JSX element <Icons.Star> (line 1)'],
    ['a local image, which becomes an astro:assets <Image>', '![A chart](./chart.png)', 'a local image (./chart.png) (line 1)'],
    ['a local image without ./', '![A chart](images/chart.png)', 'a local image (images/chart.png) (line 1)'],
    ['an image reference', '![A chart][c]\n\n[c]: https://example.com/c.png', 'an image reference ![…][…] (line 1)'],
    ['a syntax error (the module path reports it)', 'Unclosed <Callout> tag.', 'an MDX syntax error'],
  ])('%s', (_what, body, reason) => {
    expect(mdxModuleReason(body)).toBe(reason);
  });

  it('reports the first construct in reading order', () => {
    expect(mdxModuleReason('First {a}.\n\n<Later />\n\nimport x from "./y.mdx"')).toBe('a {…} expression (line 1)');
  });
});

describe('a static MDX body', () => {
  it.each([
    ['plain prose', '## A heading\n\nA paragraph with **strong** and _emphasis_.'],
    ['escaped braces and angle brackets', 'Set \\{a\\} and \\<b> stay text.'],
    ['braces and JSX in a fenced code block', '```tsx\nconst x = { a: <Callout title={t} /> };\nimport y from "z";\nexport default x;\n```'],
    ['braces and JSX in inline code', 'Write `{expression}` or `<Callout>` in code.'],
    ['code in a list item', '- item\n\n  ```js\n  const o = {};\n  ```'],
    ['a remote image', '![Remote](https://example.com/a.png)'],
    ['an image from public/', '![Logo](/logo.png)'],
    ['tables, footnotes, task lists and strikethrough', '| a | b |\n| - | -: |\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ text[^1]\n\n[^1]: Note.'],
    ['a link reference', '[text][r]\n\n[r]: https://example.com'],
    ['words like import and export inside a paragraph', 'We import chips and export models.'],
  ])('%s', (_what, body) => {
    expect(mdxModuleReason(body)).toBeUndefined();
  });
});

describe('the pre-flight records the decision', () => {
  it('for .mdx only, and never for a body with control characters (the build strips them before compiling)', () => {
    expect(analyseBody('Plain text.', 'mdx', 0).moduleReason).toBeUndefined();
    expect(analyseBody('<Callout />', 'mdx', 0).moduleReason).toBe('the JSX element <Callout> (line 1)');
    expect(analyseBody('<Callout />', 'md', 0).moduleReason).toBeUndefined();
    expect(analyseBody('A bell \u0007 here.', 'mdx', 0).moduleReason).toBe('control characters');
    expect(analyseBody('{unclosed', 'mdx', 0).moduleReason).toBe('an MDX syntax error');
  });
});

describe('the compiled module of a static body', () => {
  const compile = async (body: string) => {
    const renderer = await satteri().createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
    return (await renderer.process(body, '/site/content/articles/a.mdx', {})).code;
  };

  it("becomes a function body that returns the component and its headings, given Astro's JSX runtime", async () => {
    const body = staticModuleBody(await compile('## Hello\n\nWorld.'));
    expect(body).toBeDefined();
    const calls: unknown[] = [];
    const jsx = (type: unknown, props: unknown) => (calls.push(type), { type, props });
    const mod = new Function('runtime', body!)({ Fragment: 'F', jsx, jsxs: jsx }) as { MDXContent: (p: object) => unknown; getHeadings: () => unknown };
    expect(mod.getHeadings()).toEqual([{ depth: 2, slug: 'hello', text: 'Hello' }]);
    mod.MDXContent({ components: {} });
    expect(calls).toEqual(['h2', 'p', 'F']);
  });

  it('is refused when it imports anything else or exports anything else', async () => {
    const code = await compile('Text.');
    expect(staticModuleBody(code)).toBeDefined();
    expect(staticModuleBody(`import x from "./x.mdx";\n${code}`)).toBeUndefined();
    expect(staticModuleBody(code.replace('astro/jsx-runtime', 'react/jsx-runtime'))).toBeUndefined();
    expect(staticModuleBody(`${code}\nexport const answer = 42;`)).toBeUndefined();
    expect(staticModuleBody(code.replace('jsx as _jsx', 'jsxDEV as _jsx'))).toBeUndefined();
  });

  it('is refused when the module of a body with code is passed by mistake', async () => {
    expect(staticModuleBody(await compile("import C from './c.mdx'\n\n<C />"))).toBeUndefined();
  });
});

describe('the spec-table markup', () => {
  it('wraps a table with its rows and marks numeric cells', () => {
    expect(specTableHtml('<tr><td>V3</td><td>671B</td></tr>')).toBe(
      '<div class="table-scroll" tabindex="0" role="group" aria-label="Table, scrolls sideways on small screens"><table><tr><td>V3</td><td class="num">671B</td></tr></table></div>',
    );
  });

  it('wraps every table of a static body and leaves the rest alone', () => {
    const html = '<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<p>&lt;table&gt;</p>\n<table><tr><td>x</td></tr></table>';
    const wrapped = wrapSpecTables(html);
    expect(wrapped.match(/class="table-scroll"/g)).toHaveLength(2);
    expect(wrapped).toContain('<p>&lt;table&gt;</p>');
    expect(wrapped).toContain('<td class="num">1</td>');
  });
});
