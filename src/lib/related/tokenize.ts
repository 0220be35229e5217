import { stemmer } from 'stemmer';
import { eng } from 'stopword';

// stopword's English list, as a Set: removeStopwords() on arrays would allocate per call.
const STOP_WORDS: ReadonlySet<string> = new Set(eng);
export const WORD = /[\p{L}\p{N}]+/gu;

/** True for tokens that carry no topical meaning: stop words, single characters, bare small numbers. */
export function isNoiseToken(word: string): boolean {
  if (word.length < 2 || STOP_WORDS.has(word)) return true;
  // "2024" or "12" say nothing about a topic; "5090" or "h100" might, so only drop short pure numbers
  return /^\d{1,2}$/.test(word) || /^(?:19|20)\d\d$/.test(word);
}

/** Lower-case, split on anything that is not a letter or digit (Unicode-aware). */
export function splitWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Stand-alone pipeline (used by tests and the TF-IDF baseline): words -> stop-word filter -> stems. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of splitWords(text)) if (!isNoiseToken(w)) out.push(stemmer(w));
  return out;
}
