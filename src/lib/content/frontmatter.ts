/** Splits a Markdown/MDX file into YAML frontmatter and body, as Astro does. */
import yaml from 'js-yaml';

export interface SplitFile {
  data: unknown;
  body: string;
  /** Lines before the body (the frontmatter block): body line 1 is file line bodyLine + 1. */
  bodyLine: number;
  /** Set when the frontmatter is missing or is not valid YAML. */
  error?: string;
}

/**
 * The one set of YAML rules for content. CORE_SCHEMA keeps dates and
 * date-like titles as text (js-yaml would read dates in UTC, roll 2026-13-45
 * over into 2027 and turn "title: 2026-03-01" into a Date); dates are read
 * by parseContentDate instead. The merge key `<<` is allowed for shared fields.
 */
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [merge] });

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 0, error: 'no frontmatter block between --- lines' };
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  try {
    const data = yaml.load(match[1] ?? '', { schema: SCHEMA }) ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, body, bodyLine, error: 'frontmatter that is a list of fields' };
    return { data, body, bodyLine };
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.reason : String(error);
    const line = error instanceof yaml.YAMLException ? ` at line ${error.mark.line + 2}` : '';
    return { data: {}, body, bodyLine, error: `invalid YAML${line}: ${reason}` };
  }
}
