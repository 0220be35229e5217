/**
 * Anti-aliased area coverage of filled outlines, by signed-area accumulation
 * (the method of font-rs and stb_truetype): curves are flattened to lines; each
 * line adds, to every pixel cell it crosses, the signed area between it and the
 * cell's right side; a running sum along each row then gives each pixel the
 * winding-weighted area covered, exact for straight edges. Coverage is
 * min(1, |sum|): the non-zero rule (two overlapping contours of the same
 * direction still cover 1; a hole drawn the other way cancels to 0).
 */

/** Largest distance, in pixels, between a curve and the lines that stand for it. */
const FLATNESS = 0.05;

export class Coverage {
  readonly width: number;
  readonly height: number;
  /** One row per pixel row, two cells wider than the image: a line at x = width still has a cell to write. */
  readonly #acc: Float32Array;
  readonly #stride: number;
  #top = Infinity;
  #bottom = -Infinity;
  #left = Infinity;
  #right = -Infinity;
  #startX = 0;
  #startY = 0;
  #x = 0;
  #y = 0;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.#stride = width + 2;
    this.#acc = new Float32Array(this.#stride * height);
  }

  moveTo(x: number, y: number): void {
    this.close();
    this.#startX = this.#x = x;
    this.#startY = this.#y = y;
  }

  lineTo(x: number, y: number): void {
    this.#line(this.#x, this.#y, x, y);
    this.#x = x;
    this.#y = y;
  }

  quadTo(cx: number, cy: number, x: number, y: number): void {
    const x0 = this.#x;
    const y0 = this.#y;
    // Uniform steps: the error of n chords is at most |p0 − 2c + p1| / (4n²).
    const dd = Math.hypot(x0 - 2 * cx + x, y0 - 2 * cy + y);
    const n = Math.max(1, Math.ceil(Math.sqrt(dd / (4 * FLATNESS))));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      this.lineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
    }
    this.lineTo(x, y);
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    const x0 = this.#x;
    const y0 = this.#y;
    // The error of n chords is at most 3·max|second differences| / (4n²).
    const dd = Math.max(Math.hypot(x0 - 2 * c1x + c2x, y0 - 2 * c1y + c2y), Math.hypot(c1x - 2 * c2x + x, c1y - 2 * c2y + y));
    const n = Math.max(1, Math.ceil(Math.sqrt((3 * dd) / (4 * FLATNESS))));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const d = t * t * t;
      this.lineTo(a * x0 + b * c1x + c * c2x + d * x, a * y0 + b * c1y + c * c2y + d * y);
    }
    this.lineTo(x, y);
  }

  /** Closes the open contour (a contour left open is closed, as SVG and TrueType fill it). */
  close(): void {
    if (this.#x !== this.#startX || this.#y !== this.#startY) this.lineTo(this.#startX, this.#startY);
  }

  /** A rectangle, as a closed contour (exact coverage at fractional edges). */
  rect(x: number, y: number, width: number, height: number): void {
    this.moveTo(x, y);
    this.lineTo(x + width, y);
    this.lineTo(x + width, y + height);
    this.lineTo(x, y + height);
    this.close();
  }

  /**
   * Adds a coverage bitmap (0-255 per pixel, e.g. a cached glyph) with its
   * top-left pixel at (left, top): as differences along each row, so the running
   * sum in drain() gives it back, added to (and clamped with) everything else.
   */
  addBitmap(left: number, top: number, width: number, height: number, alpha: Uint8Array): void {
    const acc = this.#acc;
    const stride = this.#stride;
    const maxX = this.width;
    const y0 = Math.max(0, top);
    const y1 = Math.min(this.height, top + height);
    if (y0 >= y1 || width === 0) return;
    const x0 = Math.min(maxX, Math.max(0, left));
    const x1 = Math.min(maxX, Math.max(0, left + width));
    if (y0 < this.#top) this.#top = y0;
    if (y1 - 1 > this.#bottom) this.#bottom = y1 - 1;
    if (x0 < this.#left) this.#left = x0;
    if (x1 > this.#right) this.#right = x1;
    for (let y = y0; y < y1; y++) {
      const row = y * stride;
      const from = (y - top) * width;
      let previous = 0;
      for (let i = 0; i < width; i++) {
        const a = alpha[from + i]! / 255;
        if (a === previous) continue;
        const x = left + i;
        acc[row + (x < 0 ? 0 : x > maxX ? maxX : x)]! += a - previous;
        previous = a;
      }
      if (previous !== 0) {
        const x = left + width;
        acc[row + (x < 0 ? 0 : x > maxX ? maxX : x)]! -= previous;
      }
    }
  }

  /**
   * Sums every row touched since the last call and hands each pixel with any
   * coverage to `paint(x, y, coverage)`, leaving the accumulator empty for the
   * next outline.
   */
  drain(paint: (x: number, y: number, coverage: number) => void): void {
    this.close();
    const acc = this.#acc;
    const stride = this.#stride;
    const width = this.width;
    const left = Math.max(0, this.#left);
    // A line's cells reach one past its right end; the spare columns are cleared, never painted.
    const end = Math.min(this.#right + 1, width + 1);
    for (let y = Math.max(0, this.#top); y <= this.#bottom; y++) {
      const row = y * stride;
      let sum = 0;
      for (let x = left; x <= end; x++) {
        sum += acc[row + x]!;
        acc[row + x] = 0;
        const c = sum < 0 ? -sum : sum;
        if (c > 0.001 && x < width) paint(x, y, c > 1 ? 1 : c);
      }
    }
    this.#top = this.#left = Infinity;
    this.#bottom = this.#right = -Infinity;
  }

  /**
   * drain() for an indexed image: each covered pixel of `indices` (width × height)
   * becomes `first + level − 1`, level = coverage rounded to 1..levels; pixels that
   * round to 0 keep their index. Inlined, as a card drains some 350,000 pixels.
   */
  drainToIndices(indices: Uint8Array, first: number, levels: number): void {
    this.close();
    const acc = this.#acc;
    const stride = this.#stride;
    const width = this.width;
    const left = Math.max(0, this.#left);
    const end = Math.min(this.#right + 1, width + 1);
    const last = Math.min(end, width - 1);
    for (let y = Math.max(0, this.#top); y <= this.#bottom; y++) {
      const row = y * stride;
      const out = y * width;
      let sum = 0;
      for (let x = left; x <= last; x++) {
        const delta = acc[row + x]!;
        if (delta !== 0) {
          sum += delta;
          acc[row + x] = 0;
        }
        if (sum === 0) continue;
        const c = sum < 0 ? -sum : sum;
        const level = c >= 1 ? levels : Math.round(c * levels);
        if (level > 0) indices[out + x] = first + level - 1;
      }
      for (let x = last + 1; x <= end; x++) acc[row + x] = 0;
    }
    this.#top = this.#left = Infinity;
    this.#bottom = this.#right = -Infinity;
  }

  /** Adds one line's signed area to the cells it crosses (font-rs's draw_line, clipped to the image). */
  #line(ax: number, ay: number, bx: number, by: number): void {
    if (ay === by) return;
    const dir = ay < by ? 1 : -1;
    let x0 = ax;
    let y0 = ay;
    let x1 = bx;
    let y1 = by;
    if (dir < 0) [x0, y0, x1, y1] = [bx, by, ax, ay];
    const dxdy = (x1 - x0) / (y1 - y0);
    const h = this.height;
    if (y1 <= 0 || y0 >= h) return;
    let x = x0;
    if (y0 < 0) {
      x -= y0 * dxdy;
      y0 = 0;
    }
    if (y1 > h) y1 = h;
    const acc = this.#acc;
    const stride = this.#stride;
    // Cells left of the image fold into column 0, right of it into the spare column: the running sum stays right.
    const maxX = this.width;
    const clamp = (v: number) => (v < 0 ? 0 : v > maxX ? maxX : v);
    const yStart = Math.floor(y0);
    const yEnd = Math.ceil(y1);
    if (yStart < this.#top) this.#top = yStart;
    if (yEnd - 1 > this.#bottom) this.#bottom = yEnd - 1;
    for (let y = yStart; y < yEnd; y++) {
      const row = y * stride;
      const dy = Math.min(y + 1, y1) - Math.max(y, y0);
      const xNext = x + dxdy * dy;
      const d = dy * dir;
      const xa = clamp(x < xNext ? x : xNext);
      const xb = clamp(x < xNext ? xNext : x);
      // The cells the segment touches: xaI (its left end's cell) to xbI - 1, plus xbI for the remainder.
      const xaI = Math.floor(xa);
      const xbI = Math.ceil(xb);
      if (xaI < this.#left) this.#left = xaI;
      if (xbI > this.#right) this.#right = xbI;
      if (xbI <= xaI + 1) {
        // Within one cell: the part of the cell right of the line's mid x.
        const xmf = 0.5 * (xa + xb) - xaI;
        acc[row + xaI]! += d - d * xmf;
        acc[row + xaI + 1]! += d * xmf;
      } else {
        const s = 1 / (xb - xa);
        const xaf = xa - xaI;
        const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
        const xbf = xb - xbI + 1;
        const am = 0.5 * s * xbf * xbf;
        acc[row + xaI]! += d * a0;
        if (xbI === xaI + 2) {
          acc[row + xaI + 1]! += d * (1 - a0 - am);
        } else {
          const a1 = s * (1.5 - xaf);
          acc[row + xaI + 1]! += d * (a1 - a0);
          for (let xi = xaI + 2; xi < xbI - 1; xi++) acc[row + xi]! += d * s;
          const a2 = a1 + (xbI - xaI - 3) * s;
          acc[row + xbI - 1]! += d * (1 - a2 - am);
        }
        acc[row + xbI]! += d * am;
      }
      x = xNext;
    }
  }
}
