// Shared by `npm run new` and `npm run new:author`: argument errors, questions
// on stdin (a terminal, or answers piped in), and the lists of valid choices.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import yaml from 'js-yaml';
import { menu, pickChoice, unknownChoice, type Choice } from '../src/lib/scaffold/choices.ts';

/** A path as a writer would type it: relative inside the project, absolute outside. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

export function fail(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(1);
}

/** Authors in the content folder: ids from file names, labels from their `name`. */
export function authorChoices(authorsDir: string): Choice[] {
  let files: string[] = [];
  try {
    files = readdirSync(authorsDir).filter((f) => /\.mdx?$/.test(f)).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const id = file.replace(/\.mdx?$/, '');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(authorsDir, file), 'utf8'))?.[1] ?? '';
    let name = id;
    try {
      const data = yaml.load(front) as { name?: unknown } | null;
      if (typeof data?.name === 'string') name = data.name;
    } catch { /* a broken author file still has an id; the content check reports it */ }
    return { id, label: name };
  });
}

/**
 * Questions read lines from stdin through one async iterator, so answers piped
 * in ahead of time are not lost between questions. EOF gives undefined.
 */
export function questioner() {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(prompt: string): Promise<string | undefined> {
      process.stdout.write(prompt);
      const next = await lines.next();
      if (!process.stdin.isTTY && !next.done) process.stdout.write(`${next.value}\n`);
      return next.done ? undefined : next.value;
    },
    close: () => rl.close(),
  };
}

/** Ask until a valid choice (by number or id) is given; undefined at EOF. */
export async function askChoice(q: ReturnType<typeof questioner>, kind: string, choices: Choice[]): Promise<string | undefined> {
  process.stdout.write(`${kind[0]!.toUpperCase()}${kind.slice(1)}:\n${menu(choices)}\n`);
  for (;;) {
    const answer = await q.ask(`${kind} (number or id): `);
    if (answer === undefined) {
      process.stdout.write('\n');
      return undefined;
    }
    const id = pickChoice(answer, choices);
    if (id) return id;
    process.stdout.write(`  ${unknownChoice(kind, answer.trim(), choices)}\n`);
  }
}
