import { stemmer } from 'stemmer';
import { eng } from 'stopword';

// stopword's English list, as a Set: removeStopwords() on arrays would allocate per call.
const STOP_WORDS: ReadonlySet<string> = new Set(eng);
const WORD = /[\p{L}\p{N}]+/gu;

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

/**
 * Interns words to stem ids. Stemming is the hot path of indexing, so every distinct
 * lower-cased word is stemmed once; word counts let the index show readable surface
 * forms ("routing") instead of stems ("rout").
 */
export class Vocabulary {
  readonly stems: string[] = [];
  private readonly stemIds = new Map<string, number>();
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private wordStem = new Int32Array(1024);
  private wordCount = new Uint32Array(1024);

  /** Stem ids of the content words in `text`, appended to `out` in order. */
  encode(text: string, out: number[] = []): number[] {
    const lower = text.toLowerCase();
    // Fast path for ASCII text: scan char codes instead of allocating a regex match array.
    // Anything beyond ASCII goes through the Unicode-aware splitter, so results are identical.
    if (!/[^\x00-\x7f]/.test(lower)) {
      let start = -1;
      for (let i = 0; i <= lower.length; i++) {
        const c = i < lower.length ? lower.charCodeAt(i) : 32;
        const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
        if (isWordChar) {
          if (start < 0) start = i;
        } else if (start >= 0) {
          this.push(lower.slice(start, i), out);
          start = -1;
        }
      }
      return out;
    }
    for (const w of lower.match(WORD) ?? []) this.push(w, out);
    return out;
  }

  private push(w: string, out: number[]): void {
    let wid = this.wordIds.get(w);
    if (wid === undefined) wid = this.addWord(w);
    const sid = this.wordStem[wid]!;
    if (sid < 0) return;
    this.wordCount[wid]!++;
    out.push(sid);
  }

  private addWord(w: string): number {
    const wid = this.words.length;
    this.words.push(w);
    this.wordIds.set(w, wid);
    if (wid >= this.wordStem.length) {
      const grownStem = new Int32Array(this.wordStem.length * 2);
      grownStem.set(this.wordStem);
      this.wordStem = grownStem;
      const grownCount = new Uint32Array(this.wordCount.length * 2);
      grownCount.set(this.wordCount);
      this.wordCount = grownCount;
    }
    if (isNoiseToken(w)) {
      this.wordStem[wid] = -1;
      return wid;
    }
    const stem = stemmer(w);
    let sid = this.stemIds.get(stem);
    if (sid === undefined) {
      sid = this.stems.length;
      this.stems.push(stem);
      this.stemIds.set(stem, sid);
    }
    this.wordStem[wid] = sid;
    return wid;
  }

  /** Most frequent word per stem (ties: alphabetical), for explanations. */
  surfaceForms(): string[] {
    const best: string[] = this.stems.slice();
    const bestCount = new Uint32Array(this.stems.length);
    for (let wid = 0; wid < this.words.length; wid++) {
      const sid = this.wordStem[wid]!;
      if (sid < 0) continue;
      const c = this.wordCount[wid]!;
      const w = this.words[wid]!;
      if (c > bestCount[sid]! || (c === bestCount[sid]! && c > 0 && w < best[sid]!)) {
        bestCount[sid] = c;
        best[sid] = w;
      }
    }
    return best;
  }
}
