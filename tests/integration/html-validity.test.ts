import { describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { htmlPages } from '../support/files.ts';
import { HtmlValidate } from 'html-validate';
import { readOut } from '../support/build.ts';

const out = inject('siteOut');
const files = (dir: string): string[] => htmlPages(dir).map((file) => path.join(dir, file));

// Recommended rules, minus pure style preferences that say nothing about validity.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off',
    'attribute-boolean-style': 'off',
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    'long-title': 'off',
    'no-redundant-role': 'off',
  },
});

// Every page, the hostile article too: the author-HTML allow-list drops its <iframe> and gives its <img> an empty alt.
const pages = files(out).map((f) => path.relative(out, f));

describe('every built page is valid HTML', () => {
  it.each(pages)('%s', async (file) => {
    const report = await validator.validateString(readOut(out, file), file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
    expect(messages).toEqual([]);
  });
});
