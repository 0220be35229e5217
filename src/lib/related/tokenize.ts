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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Interns words to stem ids. Stemming is the hot path of indexing, so every distinct
 * lower-cased word is stemmed once; word counts let the index show readable surface
 * forms ("routing") instead of stems ("rout"). Words live in an open-addressing table
 * keyed by an FNV-1a hash computed while scanning, so a known word is found without
 * allocating a substring for it.
 */
export class Vocabulary {
  readonly stems: string[] = [];
  private readonly stemIds = new Map<string, number>();
  private readonly words: string[] = [];
  private wordHash = new Int32Array(1024);
  private wordStem = new Int32Array(1024);
  private wordCount = new Uint32Array(1024);
  private slots = new Int32Array(4096); // word id + 1, 0 = empty

  /** Stem ids of the content words in `text`, appended to `out` in order. */
  encode(text: string, out: number[] = []): number[] {
    const lower = text.toLowerCase();
    // Fast path for ASCII text: scan char codes. Anything beyond ASCII goes through the
    // Unicode-aware splitter; both paths hash the same way, so results are identical.
    if (!/[^\x00-\x7f]/.test(lower)) {
      let start = -1;
      let h = FNV_OFFSET;
      for (let i = 0; i <= lower.length; i++) {
        const c = i < lower.length ? lower.charCodeAt(i) : 32;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          if (start < 0) {
            start = i;
            h = FNV_OFFSET;
          }
          h = Math.imul(h ^ c, FNV_PRIME);
        } else if (start >= 0) {
          this.push(this.lookup(lower, start, i, h), out);
          start = -1;
        }
      }
      return out;
    }
    for (const w of lower.match(WORD) ?? []) {
      let h = FNV_OFFSET;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      this.push(this.lookup(w, 0, w.length, h), out);
    }
    return out;
  }

  private push(wid: number, out: number[]): void {
    const sid = this.wordStem[wid]!;
    if (sid < 0) return;
    this.wordCount[wid]!++;
    out.push(sid);
  }

  /** Word id of text[start, end), interning it on first sight. */
  private lookup(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        const wid = this.addWord(text.slice(start, end), h);
        this.slots[slot] = wid + 1;
        if (this.words.length * 2 > this.slots.length) this.rehash();
        return wid;
      }
      const wid = entry - 1;
      if (this.wordHash[wid] === h && this.words[wid]!.length === len && text.startsWith(this.words[wid]!, start)) return wid;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let wid = 0; wid < this.words.length; wid++) {
      let slot = this.wordHash[wid]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = wid + 1;
    }
  }

  private addWord(w: string, h: number): number {
    const wid = this.words.length;
    this.words.push(w);
    if (wid >= this.wordStem.length) {
      const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.wordHash = grow(this.wordHash, (n) => new Int32Array(n));
      this.wordStem = grow(this.wordStem, (n) => new Int32Array(n));
      this.wordCount = grow(this.wordCount, (n) => new Uint32Array(n));
    }
    this.wordHash[wid] = h;
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
