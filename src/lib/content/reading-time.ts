/** Reading time at a steady adult reading pace for news prose. */
export const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.match(/[\p{Letter}\p{Number}][\p{Letter}\p{Number}'’-]*/gu)?.length ?? 0;
}

/** Whole minutes, at least 1. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}
