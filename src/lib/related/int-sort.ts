/**
 * Sort the first `n` entries of `a` (non-negative integers) ascending, in place: LSD radix sort
 * by bytes, with `scratch` (at least n long) as the second buffer. Rows of term ids are sorted
 * once per article at build time; this is several times faster than TypedArray#sort there.
 */
export function sortNonNegativeInts(a: Int32Array, n: number, scratch: Int32Array): void {
  let max = 0;
  for (let i = 0; i < n; i++) if (a[i]! > max) max = a[i]!;
  const counts = COUNTS;
  let from = a;
  let to = scratch;
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & 255]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[counts[(v >>> shift) & 255]!++] = v;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== a) a.set(from.subarray(0, n));
}

const COUNTS = new Int32Array(256);
