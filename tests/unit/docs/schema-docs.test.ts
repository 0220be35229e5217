import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { REFERENCES } from '../../../src/lib/docs/reference.ts';
import { fieldRows, markdownTable } from '../../../src/lib/docs/schema-table.ts';
import { siteConfigSchema } from '../../../src/lib/config/schema.ts';
import { siteConfigNotes } from '../../../src/lib/docs/site-config-notes.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('generated schema docs', () => {
  it.each(REFERENCES.map((r) => [r.file, r] as const))('%s matches the schemas (run "npm run docs:schema" after a schema change)', (file, ref) => {
    expect(readFileSync(path.join(ROOT, file), 'utf8'), `${file} is stale: run npm run docs:schema`).toBe(ref.render());
  });

  it('is deterministic', () => {
    for (const ref of REFERENCES) expect(ref.render()).toBe(ref.render());
  });

  it('reads type, requirement, default and rules from the schema', () => {
    const rows = new Map(fieldRows(siteConfigSchema, siteConfigNotes).map((r) => [r.path, r]));
    expect(rows.get('pageSizes.section')).toMatchObject({ type: 'whole number', required: false, default: '12', rules: ['1 to 100'] });
    expect(rows.get('categories')).toMatchObject({ type: 'list of object', required: true, rules: ['at least 1 item'] });
    expect(rows.get('dateFormat')).toMatchObject({ type: '"full" | "long" | "medium" | "short"', default: '"long"' });
    expect(rows.get('analytics.websiteId')).toMatchObject({ type: 'UUID', rules: ['for provider: "umami"'] });
  });

  it('refuses a field without a description, and escapes table cells', () => {
    const schema = z.strictObject({ documented: z.string(), fresh: z.object({ inner: z.number() }) });
    expect(() => fieldRows(schema, { documented: { text: 'x' } })).toThrow('docs: no description for fresh, fresh.inner (add them to the notes map)');
    const table = markdownTable(fieldRows(z.strictObject({ a: z.enum(['x', 'y']) }), { a: { text: 'pipe | inside' } }));
    expect(table.split('\n')[2]).toBe('| `a` | "x" \\| "y" | yes |  |  | pipe \\| inside |');
  });
});
