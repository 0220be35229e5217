/** Checking a category or author against the valid ones, with a message that lists them. */
import { closest } from '../content/slugs.ts';

export interface Choice { id: string; label: string }

/** The id a writer meant: the id itself, or its number in the list (1-based). */
export function pickChoice(answer: string, choices: readonly Choice[]): string | undefined {
  const value = answer.trim();
  if (/^\d+$/.test(value)) return choices[Number(value) - 1]?.id;
  return choices.find((c) => c.id === value)?.id;
}

/** `unknown category "modles" (did you mean "models"?); valid: models (Models), chips (Chips & Compute)` */
export function unknownChoice(kind: string, value: string, choices: readonly Choice[]): string {
  const suggestion = closest(value, choices.map((c) => c.id));
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  const valid = choices.length ? choices.map((c) => `${c.id} (${c.label})`).join(', ') : `none yet`;
  return `unknown ${kind} "${value}"${hint}; valid ${kind === 'category' ? 'categories' : `${kind}s`}: ${valid}`;
}

/** The numbered menu shown before an interactive question. */
export function menu(choices: readonly Choice[]): string {
  const width = Math.max(0, ...choices.map((c) => c.id.length));
  return choices.map((c, i) => `  ${String(i + 1).padStart(2)}) ${c.id.padEnd(width)}  ${c.label}`).join('\n');
}
