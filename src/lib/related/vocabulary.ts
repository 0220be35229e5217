import { stemmer } from 'stemmer';
import { isNoiseToken, WORD } from './tokenize.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();
// Per ASCII byte: its lower-case form when it is part of a word (a-z, 0-9), else 0.
const WORD_BYTE = Uint8Array.from({ length: 256 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 0));

/**
 * Interns words to stem ids. Stemming is the hot path of indexing, so every distinct
 * lower-cased word is stemmed once; word counts let the index show readable surface
 * forms ("routing") instead of stems ("rout"). ASCII text (nearly all of it) is copied into
 * a byte buffer once and scanned there; words live in an open-addressing table keyed by an
 * FNV-1a hash computed while scanning and are checked against a pool of their bytes, so a
 * known word is found without creating a string for it.
 */
export class Vocabulary {
  readonly stems: string[] = [];
  private readonly stemIds = new Map<string, number>();
  private readonly words: string[] = [];
  private wordHash = new Int32Array(1024);
  private wordStem = new Int32Array(1024);
  private wordCount = new Uint32Array(1024);
  /** Where each word's bytes start in `pool` (-1: the word is not ASCII). */
  private wordStart = new Int32Array(1024);
  /** Each word's length in `pool` (-1: not ASCII, so never equal to scanned ASCII bytes). */
  private wordLength = new Int32Array(1024);
  private pool = new Uint8Array(1 << 16);
  private poolSize = 0;
  private slots = new Int32Array(4096); // word id + 1, 0 = empty
  private bytes = new Uint8Array(1 << 16);

  /** Stem ids of the content words in `text`, appended to `out` in order. */
  encode(text: string, out: number[] = []): number[] {
    const len = text.length;
    if (this.bytes.length < len) this.bytes = new Uint8Array(len * 2);
    const bytes = this.bytes;
    const { read, written } = encoder.encodeInto(text, bytes);
    if (read !== len || written !== len) return this.encodeUnicode(text, out);
    return this.encodeAscii(bytes, 0, len, out);
  }

  /**
   * encode() of ASCII text already in bytes[from, to) (another thread may have put it there:
   * text-pack.ts). The bytes are lower-cased in place.
   */
  encodeAscii(bytes: Uint8Array, from: number, to: number, out: number[]): number[] {
    let start = -1;
    let h = FNV_OFFSET;
    for (let i = from; i <= to; i++) {
      const c = i < to ? WORD_BYTE[bytes[i]!]! : 0;
      if (c !== 0) {
        if (start < 0) {
          start = i;
          h = FNV_OFFSET;
        }
        bytes[i] = c;
        h = Math.imul(h ^ c, FNV_PRIME);
      } else if (start >= 0) {
        this.push(this.lookupBytes(bytes, start, i, h), out);
        start = -1;
      }
    }
    return out;
  }

  /** Text with non-ASCII characters: the Unicode-aware splitter, same hash and table. */
  private encodeUnicode(text: string, out: number[]): number[] {
    for (const w of text.toLowerCase().match(WORD) ?? []) {
      let h = FNV_OFFSET;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      this.push(this.lookupString(w, h), out);
    }
    return out;
  }

  private push(wid: number, out: number[]): void {
    const sid = this.wordStem[wid]!;
    if (sid < 0) return;
    this.wordCount[wid]!++;
    out.push(sid);
  }

  /** Word id of the lower-case ASCII word bytes[start, end), interning it on first sight. */
  private lookupBytes(bytes: Uint8Array, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        let w = '';
        for (let i = start; i < end; i++) w += String.fromCharCode(bytes[i]!);
        return this.insert(slot, w, h);
      }
      const wid = entry - 1;
      if (this.wordHash[wid] !== h || this.wordLength[wid] !== len) continue;
      const from = this.wordStart[wid]!;
      let k = 0;
      while (k < len && this.pool[from + k] === bytes[start + k]) k++;
      if (k === len) return wid;
    }
  }

  /** Word id of `w` (already lower-case), interning it on first sight (with `knownStem` when given). */
  private lookupString(w: string, h: number, knownStem?: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.insert(slot, w, h, knownStem);
      const wid = entry - 1;
      if (this.wordHash[wid] === h && this.words[wid] === w) return wid;
    }
  }

  private insert(slot: number, w: string, h: number, knownStem?: number): number {
    const wid = this.addWord(w, h, knownStem);
    this.slots[slot] = wid + 1;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return wid;
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

  /** Stem id of `stem`, given the next id on first sight (merging counts from another thread). */
  internStem(stem: string): number {
    let sid = this.stemIds.get(stem);
    if (sid === undefined) {
      sid = this.stems.length;
      this.stems.push(stem);
      this.stemIds.set(stem, sid);
    }
    return sid;
  }

  /** The word table as another thread's Vocabulary absorbs it (noise words: stem -1). */
  exportWords(): { words: string[]; stems: Int32Array; counts: Uint32Array } {
    const n = this.words.length;
    return { words: this.words.slice(), stems: this.wordStem.slice(0, n), counts: this.wordCount.slice(0, n) };
  }

  /**
   * Adds another thread's word counts (stems already mapped to this vocabulary's ids), so
   * surfaceForms() counts every occurrence, as if this vocabulary had read all the text.
   */
  absorbWords(words: readonly string[], stems: Int32Array, counts: Uint32Array): void {
    for (let i = 0; i < words.length; i++) {
      if (stems[i]! < 0 || counts[i] === 0) continue; // noise words have no surface form to count
      const w = words[i]!;
      let h = FNV_OFFSET;
      for (let j = 0; j < w.length; j++) h = Math.imul(h ^ w.charCodeAt(j), FNV_PRIME);
      const wid = this.lookupString(w, h, stems[i]!);
      this.wordCount[wid]! += counts[i]!;
    }
  }

  private addWord(w: string, h: number, knownStem?: number): number {
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
      this.wordStart = grow(this.wordStart, (n) => new Int32Array(n));
      this.wordLength = grow(this.wordLength, (n) => new Int32Array(n));
    }
    this.wordHash[wid] = h;
    this.wordStart[wid] = this.addBytes(w);
    this.wordLength[wid] = this.wordStart[wid]! < 0 ? -1 : w.length;
    if (knownStem !== undefined) {
      this.wordStem[wid] = knownStem;
      return wid;
    }
    this.wordStem[wid] = isNoiseToken(w) ? -1 : this.internStem(stemmer(w));
    return wid;
  }

  /** Copies an ASCII word into the pool; returns its offset, or -1 when it is not ASCII. */
  private addBytes(w: string): number {
    for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return -1;
    if (this.poolSize + w.length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolSize + w.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    const from = this.poolSize;
    for (let i = 0; i < w.length; i++) this.pool[from + i] = w.charCodeAt(i);
    this.poolSize += w.length;
    return from;
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
