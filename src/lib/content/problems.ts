/** Problem reports: every broken field of every file, in one readable list. */
import type { z } from 'astro/zod';
import { closest } from './slugs.ts';
import { schemaKeysAt } from './schema-keys.ts';

export interface ContentProblem {
  file: string;
  field: string;
  expected: string;
  found: string;
  /** Where in the file, when known (1-based). */
  line?: number;
  column?: number;
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** A short, safe description of what the author wrote. */
export function describeValue(value: unknown, withLength = false): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    // Invisible characters are spelled out, or the report would show "" for a zero-width space.
    const shown = JSON.stringify(cut).replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    return withLength ? `${shown} (${value.length} characters)` : shown;
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('') || '(frontmatter)';
}

/** Turns schema issues into problems; unknown keys suggest the closest known one. */
export function issuesToProblems(file: string, raw: unknown, issues: readonly IssueLike[], schema: z.ZodType): ContentProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const parentKeys = schemaKeysAt(schema, issue.path);
      return (issue.keys ?? []).map((key) => {
        const suggestion = closest(key, parentKeys);
        return {
          file,
          field: fieldName([...issue.path, key]),
          expected: suggestion ? `a known field (did you mean "${suggestion}"?)` : `one of the known fields: ${parentKeys.join(', ')}`,
          found: 'an unknown field',
        };
      });
    }
    return [{ file, field: fieldName(issue.path), expected: issue.message, found: describeValue(valueAt(raw, issue.path), issue.code === 'too_small' || issue.code === 'too_big') }];
  });
}

/** `file:line:column` (or as much of it as is known): editors and terminals open it at the spot. */
export const problemLocation = (p: ContentProblem) => `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One list grouped by file; each line says where, which field, what was expected and what was found. */
export function formatProblems(problems: readonly ContentProblem[], kind = 'content problem'): string {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const files = [...byFile.keys()].sort();
  const lines = [`Broadsheet found ${plural(problems.length, kind)} in ${plural(files.length, 'file')}:`];
  for (const file of files) {
    lines.push('', `  ${file}`);
    for (const p of byFile.get(file)!) lines.push(`    - ${p.line ? `${p.line}:${p.column ?? 1} ` : ''}${p.field}: expected ${p.expected}, found ${p.found}`);
  }
  return lines.join('\n');
}

/** Thrown once, with every problem, so a build fails with the whole list. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
