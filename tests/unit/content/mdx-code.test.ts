import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkMdxBody, type MdxCodeContext } from '../../../src/lib/content/mdx-code.ts';

const root = mkdtempSync(path.join(tmpdir(), 'mdx-code-'));
const content = path.join(root, 'content');
mkdirSync(path.join(content, 'articles', 'a'), { recursive: true });
writeFileSync(path.join(content, 'articles', 'a', 'chart.mdx'), 'A chart.');
writeFileSync(path.join(root, 'secret.mdx'), 'Outside.');
symlinkSync(path.join(root, 'secret.mdx'), path.join(content, 'articles', 'a', 'linked.mdx'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ctx = (trust: 'trusted' | 'untrusted'): MdxCodeContext => ({
  trust, absFile: path.join(content, 'articles', 'a', 'index.mdx'), file: 'content/articles/a/index.mdx', contentDir: content, lineOffset: 7,
});

describe('MDX imports stay inside the content folder', () => {
  it('allows a file beside the article', () => {
    expect(checkMdxBody("import Chart from './chart.mdx'\n\n<Chart />", ctx('trusted'))).toEqual([]);
  });

  it('refuses packages, built-ins, paths outside and symlinks that lead outside, with the line', () => {
    const body = [
      "import { readFileSync } from 'node:fs'",
      '',
      "import Header from '../../../src/components/Header.astro'",
      '',
      "import Linked from './linked.mdx'",
      '',
      "export { default as X } from 'left-pad'",
      '',
      'Text.',
    ].join('\n');
    const found = checkMdxBody(body, ctx('trusted')).map((p) => `${p.field}: expected ${p.expected}, found ${p.found}`);
    expect(found).toEqual([
      'body (line 8): expected an import of a file inside the content folder, found "node:fs" (a package or built-in module, outside the content folder)',
      'body (line 10): expected an import of a file inside the content folder, found "../../../src/components/Header.astro" (outside the content folder)',
      'body (line 12): expected an import of a file inside the content folder, found "./linked.mdx" (resolves outside the content folder, through a symlink)',
      'body (line 14): expected an import of a file inside the content folder, found "left-pad" (a package or built-in module, outside the content folder)',
    ]);
  });
});

describe("content.trust: 'untrusted'", () => {
  it('refuses import/export and every expression, naming file and line', () => {
    const body = "import { readFileSync } from 'node:fs'\n\nHome: {process.env.HOME}\n\n<Callout type={'note'}>x</Callout>\n\n<span {...props}>y</span>\n";
    const problems = checkMdxBody(body, ctx('untrusted'));
    expect(problems.every((p) => p.file === 'content/articles/a/index.mdx')).toBe(true);
    expect(problems.map((p) => `${p.field}: expected ${p.expected}, found ${p.found}`)).toEqual([
      'body (line 8): expected no import or export, because content.trust is "untrusted", found "import { readFileSync } from \'node:fs\'"',
      'body (line 10): expected no {…} expression, because content.trust is "untrusted", found "{process.env.HOME}"',
      'body (line 12): expected no {…} attribute value (type on <Callout>), because content.trust is "untrusted", found "{\'note\'}"',
      'body (line 14): expected no {…} spread attribute on <span>, because content.trust is "untrusted", found "{...props}"',
    ]);
  });

  it('accepts Markdown and components with literal attributes', () => {
    expect(checkMdxBody('## Heading\n\n<Callout type="note">Plain **text**.</Callout>\n', ctx('untrusted'))).toEqual([]);
  });
});
