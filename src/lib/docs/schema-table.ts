/**
 * A field reference from a zod schema: every field with its type, whether it is
 * required, its default and its rules, read from the schema's JSON Schema
 * (zod's own toJSONSchema, input side, so defaults make a field optional), plus
 * a sentence per field from a notes map. A field without a note is an error, so
 * a new setting cannot ship undocumented.
 */
import { z } from 'astro/zod';

export interface FieldNote {
  /** What the field is for, and any rule the JSON Schema cannot express (refinements). */
  text: string;
  /** For fields JSON Schema cannot describe (dates, images). */
  type?: string;
}
export type Notes = Record<string, FieldNote>;

export interface FieldRow { path: string; type: string; required: boolean; default?: string | undefined; rules: string[]; note: FieldNote; when?: string[] }

type Json = Record<string, any>;

const code = (value: string) => `\`${value.replaceAll('`', 'ˋ')}\``;

function typeOf(s: Json): string {
  if (s['const'] !== undefined) return JSON.stringify(s['const']);
  if (s['enum']) return (s['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  const variants = (s['anyOf'] ?? s['oneOf']) as Json[] | undefined;
  if (variants) return [...new Set(variants.map(typeOf))].join(' or ');
  if (s['type'] === 'array') return `list of ${typeOf(s['items'] ?? {})}`;
  if (s['type'] === 'object' && s['additionalProperties'] && typeof s['additionalProperties'] === 'object') return `map of ${typeOf(s['additionalProperties'])}`;
  if (s['type'] === 'integer') return 'whole number';
  if (s['format'] === 'uuid') return 'UUID';
  if (s['format'] === 'email') return 'email address';
  return (s['type'] as string | undefined) ?? 'any';
}

function rulesOf(s: Json): string[] {
  const rules: string[] = [];
  const { minLength: lo, maxLength: hi, minimum, maximum, minItems, maxItems, pattern } = s;
  if (lo !== undefined && hi !== undefined) rules.push(`${lo}–${hi} characters`);
  else if (lo > 1) rules.push(`at least ${lo} characters`);
  else if (lo === 1) rules.push('not empty');
  else if (hi !== undefined) rules.push(`at most ${hi} characters`);
  if (minimum !== undefined && maximum !== undefined) rules.push(`${minimum} to ${maximum}`);
  else if (minimum !== undefined) rules.push(`${minimum} or more`);
  else if (maximum !== undefined) rules.push(`at most ${maximum}`);
  if (minItems !== undefined) rules.push(`at least ${minItems} item${minItems === 1 ? '' : 's'}`);
  if (maxItems !== undefined) rules.push(`at most ${maxItems} items`);
  if (pattern && !s['format']) rules.push(`matches ${code(pattern)}`);
  const items = s['items'] as Json | undefined;
  if (items && items['type'] !== 'object') rules.push(...rulesOf(items).map((r) => `each: ${r}`));
  return rules;
}

const isObject = (s: Json) => s['type'] === 'object' && s['properties'];

/** Rows for every field, parents before children; `[]` marks list items, `(provider: "x")` a union variant. */
export function fieldRows(schema: z.ZodType, notes: Notes): FieldRow[] {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const rows: FieldRow[] = [];
  const missing: string[] = [];

  const walk = (obj: Json, prefix: string, when: string[]) => {
    const required = new Set<string>((obj['required'] as string[] | undefined) ?? []);
    for (const [key, prop] of Object.entries(obj['properties'] as Record<string, Json>)) {
      const path = `${prefix}${key}`;
      const note = notes[path];
      if (!note) missing.push(path);
      const dflt = prop['default'];
      rows.push({
        path,
        type: note?.type ?? typeOf(prop),
        required: required.has(key),
        default: dflt === undefined || (typeof dflt === 'object' && dflt !== null && Object.keys(dflt).length === 0 && !Array.isArray(dflt)) ? undefined : JSON.stringify(dflt),
        rules: rulesOf(prop),
        when,
        note: note ?? { text: '' },
      });
      const variants = (prop['anyOf'] ?? prop['oneOf']) as Json[] | undefined;
      if (isObject(prop)) walk(prop, `${path}.`, []);
      else if (prop['type'] === 'array' && prop['items'] && isObject(prop['items'])) walk(prop['items'], `${path}[].`, []);
      else if (variants?.every(isObject) && variants.length > 1) {
        for (const variant of variants) {
          const tag = Object.entries(variant['properties'] as Record<string, Json>).find(([, p]) => p['const'] !== undefined);
          walk(variant, `${path}.`, tag ? [`${tag[0]}: ${JSON.stringify(tag[1]['const'])}`] : []);
        }
      } else {
        const arrayVariants = (prop['items']?.['anyOf'] ?? []) as Json[];
        if (prop['type'] === 'array' && arrayVariants.some(isObject)) for (const v of arrayVariants.filter(isObject)) walk(v, `${path}[].`, []);
      }
    }
  };
  walk(root, '', []);
  if (missing.length) throw new Error(`docs: no description for ${[...new Set(missing)].join(', ')} (add them to the notes map)`);
  // A field of a union (analytics) appears once per variant: one row, saying for which variants it applies or is required.
  const groups = new Map<string, FieldRow[]>();
  for (const row of rows) groups.set(row.path, [...(groups.get(row.path) ?? []), row]);
  return [...groups.values()].map((group) => {
    const [first] = group as [FieldRow];
    if (!first.when?.length) return first;
    const isTag = group.every((r) => /^"/.test(r.type));
    const whens = (rs: FieldRow[]) => rs.map((r) => r.when!.join(', ')).join(' or ');
    const requiredIn = group.filter((r) => r.required);
    const rules = isTag ? [] : [`for ${whens(group)}`, ...(requiredIn.length && requiredIn.length < group.length ? [`required for ${whens(requiredIn)}`] : [])];
    return {
      ...first,
      type: [...new Set(group.map((r) => r.type))].join(' | '),
      required: requiredIn.length === group.length,
      rules: [...rules, ...new Set(group.flatMap((r) => r.rules))],
    };
  });
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function markdownTable(rows: readonly FieldRow[]): string {
  const lines = ['| field | type | required | default | rules | description |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    lines.push(`| ${code(r.path)} | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${r.default ? code(r.default) : ''} | ${cell(r.rules.join('; '))} | ${cell(r.note.text)} |`);
  }
  return lines.join('\n');
}
