/**
 * Reads the text a build's pages are made from, for the font subset
 * (src/lib/fonts/predicted-chars.ts): the theme's sources (src/, overrides
 * included), the content folder and the config override.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { ALWAYS_KEEP } from '../lib/fonts/faces.ts';
import { charsOf } from '../lib/fonts/charset.ts';
import { calendarText } from '../lib/fonts/predicted-chars.ts';
import { filesUnder } from './files-under.ts';

const TEXT_FILES = /\.(astro|[cm]?[jt]sx?|json|css|mdx?|markdown|ya?ml|toml|txt|html|svg)$/i;
// Dependencies and dot-folders (.astro, .git) are not what pages are made from.
const notHidden = (relative: string) => !/(^|\/)(node_modules|\.[^/]*)$/.test(relative);

const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u;

/**
 * JavaScript's \uXXXX and \u{X} escapes written in sources, as the characters they
 * print. Only printable ones: most escapes are regex ranges (control characters,
 * combining marks, noncharacters), and marks alone added 1.7 kB to a face.
 */
const unescapeJs = (text: string) =>
  text.replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g, (_all, long: string | undefined, short: string | undefined) => {
    const code = parseInt(long ?? short ?? '', 16);
    const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return PRINTABLE.test(ch) ? ch : ' ';
  });

export interface FontCharsInput {
  /** Folders whose text files pages are made from (the theme's src/ and the content folder). */
  dirs: string[];
  language: string;
  timeZone?: string | undefined;
  /** Extra text, such as the BROADSHEET_CONFIG override. */
  extra?: string[];
}

/** Every character the built pages can show, sorted (a superset of their visible text). */
export function predictFontChars({ dirs, language, timeZone, extra = [] }: FontCharsInput): string {
  const texts = [ALWAYS_KEEP, calendarText(language, timeZone), ...extra];
  for (const file of dirs.flatMap((dir) => filesUnder(dir, { file: (name) => TEXT_FILES.test(name), folder: notHidden }).map((rel) => path.join(dir, rel)))) {
    const text = readFileSync(file, 'utf8');
    // Raw, with entities decoded (&eacute; prints é) and with JS escapes read.
    texts.push(text);
    if (text.includes('&')) texts.push(decodeHTML(text));
    if (text.includes('\\u')) texts.push(unescapeJs(text));
  }
  return charsOf(...texts);
}
