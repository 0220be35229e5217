/**
 * Work split into numbered blocks that threads take from one shared counter until none is left,
 * so a slow or late thread simply takes fewer. blocks[0] is the counter; blocks[1 + b] marks the
 * thread that claimed block b (0 = nobody yet). The calling thread may claim a block whose
 * number a worker drew but had not marked yet (see claimUnmarked), so the mark, not the draw,
 * decides who computes a block.
 */

/** The next block for thread `me`, or -1 when the counter has run out. */
export function claimBlock(blocks: Int32Array, numBlocks: number, me: number): number {
  for (;;) {
    const block = Atomics.add(blocks, 0, 1);
    if (block >= numBlocks) return -1;
    if (Atomics.compareExchange(blocks, 1 + block, 0, me) === 0) return block;
  }
}

/** Claims for `me` every block nobody has marked yet (after the counter ran out). */
export function claimUnmarked(blocks: Int32Array, numBlocks: number, me: number): number[] {
  const claimed: number[] = [];
  for (let block = 0; block < numBlocks; block++) if (Atomics.compareExchange(blocks, 1 + block, 0, me) === 0) claimed.push(block);
  return claimed;
}

/** Who marked block b (0 = nobody). */
export function ownerOf(blocks: Int32Array, block: number): number {
  return Atomics.load(blocks, 1 + block);
}
