/** Splits a Markdown/MDX file into YAML frontmatter and body, as Astro does. */
import yaml from 'js-yaml';

export interface SplitFile {
  data: unknown;
  body: string;
  /** Set when the frontmatter is missing or is not valid YAML. */
  error?: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match) return { data: {}, body: text, error: 'no frontmatter block between --- lines' };
  const body = text.slice(match[0].length);
  try {
    // CORE_SCHEMA keeps dates as text: js-yaml would silently roll 2026-13-45 over into 2027.
    const data = yaml.load(match[1] ?? '', { schema: yaml.CORE_SCHEMA }) ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, body, error: 'frontmatter that is a list of fields' };
    return { data, body };
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.reason : String(error);
    const line = error instanceof yaml.YAMLException ? ` at line ${error.mark.line + 2}` : '';
    return { data: {}, body, error: `invalid YAML${line}: ${reason}` };
  }
}
