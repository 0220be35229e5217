/**
 * MDX bodies cannot reach outside the content folder: an import of node:fs
 * fails the build whatever the trust level, and `content.trust: 'untrusted'`
 * (here forced with BROADSHEET_CONTENT_TRUST) refuses every import, export and
 * expression. Each failure names the file and the line, lists every problem at
 * once, and leaves no output.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildFixture } from '../support/build.ts';

const FILE = 'tests/fixtures/mdx-code/content/articles/build-machine.mdx';

describe('MDX code in a trusted build', () => {
  const result = buildFixture(`mdx-trusted-${process.pid}`, 'tests/fixtures/mdx-code/content');
  const output = result.stdout + result.stderr;

  it('fails on imports from outside the content folder, naming file and line', () => {
    expect(result.status).toBe(1);
    expect(output).toContain(
      `  ${FILE}\n` +
        '    - body (line 8): expected an import of a file inside the content folder, found "node:fs" (a package or built-in module, outside the content folder)\n' +
        '    - body (line 8): expected an import of a file inside the content folder, found "node:os" (a package or built-in module, outside the content folder)',
    );
    expect(output).toContain('left unchanged.');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
    expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  });
});

describe("MDX code under content.trust: 'untrusted'", () => {
  const result = buildFixture(`mdx-untrusted-${process.pid}`, 'tests/fixtures/mdx-code/content', { BROADSHEET_CONTENT_TRUST: 'untrusted' });
  const output = result.stdout + result.stderr;

  it('fails on the import block and on every expression, all at once, with lines', () => {
    expect(result.status).toBe(1);
    expect(output).toContain(
      'Broadsheet found 5 content problems in 1 file:\n\n' +
        `  ${FILE}\n` +
        '    - body (line 8): expected no import or export, because content.trust is "untrusted", found "import { readFileSync } from \'node:fs\'"\n' +
        '    - body (line 11): expected no {…} expression, because content.trust is "untrusted", found "{os.hostname()}"\n' +
        '    - body (line 11): expected no {…} expression, because content.trust is "untrusted", found "{process.env.HOME}"\n',
    );
    expect(output).toContain('expected no {…} attribute value (type on <Callout>), because content.trust is "untrusted", found "{\'note\'}"');
    expect(output).toContain('found "{readFileSync(\'/etc/hostname\', \'utf8\')}"');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});
