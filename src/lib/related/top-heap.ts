/**
 * Fixed-capacity "keep the best M" heap over (score, time, doc) in typed arrays, so the
 * per-candidate cost of shortlisting is O(1) in the common case (worse than the current
 * worst kept) and no objects are allocated. Order matches the engine's tie-breaks:
 * higher score, then newer, then lower doc number (= id ascending).
 */
export class TopHeap {
  readonly capacity: number;
  size = 0;
  private readonly score: Float64Array;
  private readonly time: Float64Array;
  private readonly doc: Int32Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.score = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
    this.doc = new Int32Array(capacity);
  }

  /** Cheapest pre-check: scores below this can never enter (the worst kept score once full). */
  floor(): number {
    return this.size < this.capacity ? -Infinity : this.score[0]!;
  }

  clear(): void {
    this.size = 0;
  }

  /** True when slot i ranks below slot j (the root holds the worst kept entry). */
  private worse(i: number, j: number): boolean {
    const s = this.score;
    if (s[i] !== s[j]) return s[i]! < s[j]!;
    if (this.time[i] !== this.time[j]) return this.time[i]! < this.time[j]!;
    return this.doc[i]! > this.doc[j]!;
  }

  private swap(i: number, j: number): void {
    const s = this.score[i]!, t = this.time[i]!, d = this.doc[i]!;
    this.score[i] = this.score[j]!;
    this.time[i] = this.time[j]!;
    this.doc[i] = this.doc[j]!;
    this.score[j] = s;
    this.time[j] = t;
    this.doc[j] = d;
  }

  push(score: number, time: number, doc: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      this.score[i] = score;
      this.time[i] = time;
      this.doc[i] = doc;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    // full: replace the root only if the newcomer beats it
    const s0 = this.score[0]!;
    if (score < s0 || (score === s0 && (time < this.time[0]! || (time === this.time[0]! && doc > this.doc[0]!)))) return;
    this.score[0] = score;
    this.time[0] = time;
    this.doc[0] = doc;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.worse(l, worst)) worst = l;
      if (r < this.size && this.worse(r, worst)) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  /** Kept doc numbers (unordered). */
  docs(): number[] {
    return Array.from(this.doc.subarray(0, this.size));
  }
}
