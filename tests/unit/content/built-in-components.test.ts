import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUILT_IN_COMPONENTS } from '../../../src/lib/content/body-checks.ts';

// src/lib cannot import .astro files, so the pre-flight keeps its own list of
// the components every MDX article may use without an import; this keeps it in
// step with the map the pages render with.
describe('built-in MDX components', () => {
  it('are exactly the capitalised keys of mdxComponents', () => {
    const source = readFileSync('src/components/mdx/index.ts', 'utf8');
    const map = /export const mdxComponents = \{([^}]*)\}/.exec(source)?.[1] ?? '';
    const keys = map.split(',').map((entry) => entry.split(':')[0]!.trim()).filter((key) => /^[A-Z]/.test(key));
    expect(keys.length).toBeGreaterThan(0);
    expect([...BUILT_IN_COMPONENTS].sort()).toEqual(keys.sort());
  });
});
