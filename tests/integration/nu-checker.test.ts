/**
 * The W3C Nu HTML checker finds no error on any page of the fixture site or
 * the sample site, except the documented checker limitations
 * (tests/support/nu.ts). The hostile fixture is checked in hostile-bodies.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, buildFixture } from '../support/build.ts';
import { nuErrors } from '../support/nu.ts';

describe('the Nu HTML checker', () => {
  it('reports no error on the fixture site', () => {
    expect(nuErrors(inject('siteOut'))).toEqual([]);
  }, 600_000);

  it('reports no error on the sample site', () => {
    // CI has just run `npm run build`; elsewhere the sample site is built here if dist/ is missing.
    let out = path.join(ROOT, 'dist');
    if (!existsSync(path.join(out, 'index.html'))) {
      const built = buildFixture(`sample-${process.pid}`, 'content');
      expect(built.status, built.stderr.slice(-3000)).toBe(0);
      out = built.outDir;
    }
    expect(nuErrors(out)).toEqual([]);
  }, 1_200_000);
});
