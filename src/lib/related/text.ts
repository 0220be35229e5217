// Markdown/MDX -> plain text for similarity. Regex-based on purpose: it runs on
// every article at build time and only needs to be good enough for term counting,
// not a faithful render.

const FRONTMATTER = /^\uFEFF?(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/;

/** Remove frontmatter and fenced code blocks (``` or ~~~, closing fence at least as long). */
function stripBlocks(source: string): string[] {
  const lines = source.replace(FRONTMATTER, '').split(/\r?\n/);
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (m) {
      fence = m[1]!;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** MDX ESM: a paragraph that starts with import/export runs until the next blank line. */
function stripEsm(lines: string[]): string[] {
  const out: string[] = [];
  let inEsm = false;
  for (const line of lines) {
    if (inEsm) {
      if (line.trim() === '') inEsm = false;
      continue;
    }
    if (/^(?:import|export)\b/.test(line)) {
      inEsm = true;
      continue;
    }
    out.push(line);
  }
  return out;
}

// A tag: name, then attributes that may hold quoted strings or one level of {…}
// (so `<Chart render={(x) => x > 1}>` is removed whole).
const TAG = /<\/?[A-Za-z][\w.:-]*(?:\s+(?:"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}|[^<>{}"'])*)?\/?>|<\/?>/g;
const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()\[\]"'`]*[^\s<>()\[\]"'`.,;:!?]/gi;

/** Inline cleanup shared by body text and headings. */
function stripInline(text: string, keepInlineCode: boolean): string {
  return (
    text
      // inline code: drop (body) or keep its text (headings)
      .replace(/(`+)([\s\S]*?)\1/g, (_m, _t, code: string) => (keepInlineCode ? code : ' '))
      // images and links keep their visible text, never the target
      .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
      .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/<(?:https?|ftp|mailto):[^>\s]*>/gi, ' ')
      .replace(TAG, ' ')
      .replace(URL, ' ')
      .replace(/&(?:nbsp|#160);/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      // emphasis markers; underscores only at word edges so snake_case survives
      .replace(/\*+|~~/g, '')
      .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
  );
}

function cleanLine(line: string): string {
  if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) return ''; // reference-link definition
  if (/^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)) return ''; // table separator
  if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) return ''; // thematic break
  const withoutMarkers = line
    .replace(/^\s{0,3}#{1,6}\s+/, '') // heading marker
    .replace(/\s+#+\s*$/, '')
    .replace(/^(?:\s*>)+/, '') // blockquote
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '') // list item / task
    .replace(/\|/g, ' '); // table pipes
  return stripInline(withoutMarkers, false);
}

/**
 * Plain article text from Markdown or MDX source: no frontmatter, code, ESM lines,
 * tags (their text children stay), link targets, bare URLs, table pipes or emphasis.
 */
export function extractBodyText(source: string): string {
  let text = stripEsm(stripBlocks(source)).join('\n');
  text = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ') // MDX comments
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    // multi-line tags would survive the per-line pass, so remove them on the whole text
    .replace(TAG, ' ')
    .replace(/\{(?:[^{}]|\{[^{}]*\})*\}/g, ' '); // JSX expressions such as {props.x}
  return text
    .split('\n')
    .map(cleanLine)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `##` and `###` ATX headings as plain text, in document order (code blocks ignored). */
export function extractHeadings(source: string): string[] {
  const headings: string[] = [];
  for (const line of stripEsm(stripBlocks(source))) {
    const m = /^\s{0,3}#{2,3}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!m) continue;
    const text = stripInline(m[1]!, true).replace(/\s+/g, ' ').trim();
    if (text) headings.push(text);
  }
  return headings;
}
