import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { baseLinksPlugin } from '../../../src/lib/html/base-links.ts';

const html = async (source: string, base: string) => (await markdownToHtml(source, { hastPlugins: [baseLinksPlugin(base)] })).html;

describe('site links typed in bodies under a base path', () => {
  it('adds the base to root-relative links and images, once', async () => {
    const out = await html('[next](/articles/next/) and ![chart](/charts/a.png) and [again](/blog/tags/moe/)', '/blog/');
    expect(out).toContain('href="/blog/articles/next/"');
    expect(out).toContain('src="/blog/charts/a.png"');
    expect(out).toContain('href="/blog/tags/moe/"');
    expect(out).not.toContain('/blog/blog/');
  });

  it('leaves relative links, fragments, other origins and protocol-relative URLs as written', async () => {
    const out = await html('[a](../other/) [b](#part) [c](https://example.org/x) [d](//cdn.example.org/y) [e](mailto:x@example.org)', '/blog/');
    expect(out).toContain('href="../other/"');
    expect(out).toContain('href="#part"');
    expect(out).toContain('href="https://example.org/x"');
    expect(out).toContain('href="//cdn.example.org/y"');
    expect(out).toContain('href="mailto:x@example.org"');
  });

  it('changes nothing at the root', async () => {
    expect(await html('[next](/articles/next/)', '/')).toContain('href="/articles/next/"');
  });

  it('works in MDX bodies too', async () => {
    const { code } = await mdxToJs('[next](/articles/next/)', { hastPlugins: [baseLinksPlugin('/blog/')] });
    expect(code).toContain('/blog/articles/next/');
  });
});
