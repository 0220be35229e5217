/** What the build sends a card worker. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CardInput } from '../../lib/og/template.ts';

export interface CardJob {
  /** The card's input, with the date as an ISO string (structured clone keeps Dates, but this stays explicit). */
  input: Omit<CardInput, 'date'> & { date: string };
  heroPath: string | undefined;
  /**
   * Where the PNG goes in the card cache. The worker writes it there and sends
   * back nothing but "done": the page reads the file when it is generated, so no
   * build holds every card's bytes in memory (10,000 cards are about 400 MB).
   */
  file: string;
}

export function writeAtomically(file: string, bytes: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}
