import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs, type MarkdownToHtmlResult, type MdxToJsResult } from 'satteri';
import { authorHtmlPlugin } from '../../../src/lib/html/author-html-plugin.ts';
import { htmlPolicy, urlAllowed } from '../../../src/lib/html/policy.ts';
import { sanitizeAuthorHtml } from '../../../src/lib/html/sanitize-html.ts';
import { HOSTILE } from '../../support/author-html.ts';

const base = htmlPolicy();
const md = (source: string, policy = base) => {
  const removed: string[] = [];
  // The plugin is synchronous, so the results are too.
  const { html } = markdownToHtml(source, { hastPlugins: [authorHtmlPlugin(policy, (r) => removed.push(...r))] }) as MarkdownToHtmlResult;
  return { html, removed };
};
const mdx = (source: string, policy = base) => (mdxToJs(source, { hastPlugins: [authorHtmlPlugin(policy)] }) as MdxToJsResult).code;


describe('author HTML in a .md body', () => {
  const { html, removed } = md(`Intro with <span data-pagefind-meta="title">Spoofed title</span> inline.\n\n${HOSTILE}\n\n<a href="javascript:alert(5)">js link</a> and [md js](javascript:alert(6)) and <abbr title="Graphics processing unit">GPU</abbr>.`);

  it('removes every element, attribute and URL the allow-list refuses', () => {
    expect(html).not.toMatch(/<(meta|base|link|script|iframe|object|embed|form|input|svg)\b/i);
    expect(html).not.toMatch(/\son\w+=|data-pagefind|srcdoc|javascript:|alert\(/i);
  });

  it('keeps the text and the allowed inline markup', () => {
    expect(html).toContain('Spoofed title');
    expect(html).toContain('<div>kept text</div>');
    expect(html).toContain('<abbr title="Graphics processing unit">GPU</abbr>');
    expect(html).toContain('<a>js link</a>');
    expect(html).toContain('<a>md js</a>');
  });

  it('drops control characters, which HTML forbids', () => {
    expect(md('A bell \u0007 and a \u0001 here, <b>bold\u0002</b>.').html).toBe('<p>A bell  and a  here, <b>bold</b>.</p>\n');
  });

  it('says what it removed', () => {
    expect(removed.join('\n')).toContain('<meta http-equiv=');
    expect(removed).toContain('href="javascript:alert(6)" on <a>');
  });
});

describe('author HTML in a .mdx body', () => {
  const code = mdx(`<meta httpEquiv="refresh" content="0;url=https://evil.example/" />

<span data-pagefind-meta="title" onClick="alert(1)" className="note">Spoofed</span>

<Callout type="note">A component stays, <b onMouseOver="x()">bold</b> too.</Callout>

<a href="javascript:alert(2)">link</a> <img src="https://elsewhere.example/x.png" alt="remote" />

<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>
`);

  it('drops refused elements and attributes from lower-case JSX', () => {
    expect(code).not.toMatch(/meta|httpEquiv|data-pagefind|onClick|onMouseOver|javascript|elsewhere\.example|iframe/);
    expect(code).toContain('class: "note"');
  });

  it('keeps components from mdxComponents', () => {
    expect(code).toMatch(/_jsxs?\(Callout, \{\s*type: "note"/);
  });
});

describe('configured additions', () => {
  const policy = htmlPolicy({ allow: { iframe: ['src', 'title'] }, imageHosts: ['images.example.com'], frameHosts: ['www.youtube-nocookie.com'] });

  it('lets listed image hosts and frame hosts through, nothing else', () => {
    const { html } = md('<img src="https://images.example.com/a.png" alt="a">\n\n<img src="https://evil.example/b.png" alt="b">\n\n<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" srcdoc="x"></iframe>\n\n<iframe src="https://evil.example/"></iframe>', policy);
    expect(html).toContain('<img src="https://images.example.com/a.png" alt="a" />');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>');
  });

  it('can never allow what redirects or runs code', () => {
    const loose = htmlPolicy({ allow: { meta: ['http-equiv'], span: ['onclick', 'data-pagefind-meta', 'id'] } });
    expect(loose.tags.has('meta')).toBe(false);
    expect(sanitizeAuthorHtml('<span id="a" onclick="x()" data-pagefind-meta="title">t</span>', loose)).toBe('<span id="a">t</span>');
  });

  it('checks URLs as browsers read them', () => {
    expect(urlAllowed(base, 'a', 'java\tscript:alert(1)')).toBe(false);
    expect(urlAllowed(base, 'a', '/articles/x/')).toBe(true);
    expect(urlAllowed(base, 'img', '//evil.example/x.png')).toBe(false);
    expect(urlAllowed(base, 'img', 'data:image/png;base64,AAAA')).toBe(false);
  });
});
