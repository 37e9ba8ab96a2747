/** Axis-aligned rectangles in canvas pixels, and the overlap arithmetic the map layout is built on. Pure. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Area two rectangles share (0 when they only touch). */
export function overlapArea(a: Rect, b: Rect): number {
  return overlapX(a, b) * overlapY(a, b);
}

/** Below this (a millionth of a pixel) two edges touch rather than overlap: floating-point noise. */
const EPSILON = 1e-6;

export function overlapX(a: Rect, b: Rect): number {
  const d = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  return d > EPSILON ? d : 0;
}

export function overlapY(a: Rect, b: Rect): number {
  const d = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return d > EPSILON ? d : 0;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return overlapArea(a, b) > 0;
}

/** The rectangle grown by `by` on every side. */
export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by };
}

/** Area of `r` that lies outside `bounds`. */
export function areaOutside(r: Rect, bounds: Rect): number {
  const out = r.w * r.h - overlapArea(r, bounds);
  return out > EPSILON * Math.max(1, r.w + r.h) ? out : 0;
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * A uniform grid of buckets, so that "what is near this rectangle" costs a few buckets rather than every
 * rectangle on the map (the synthetic 1,000-service benchmark city is laid out with the same code).
 */
export class RectGrid {
  private readonly buckets = new Map<number, number[]>();
  /** Which query last returned each id: a query lists an id once without allocating a Set. */
  private seen = new Int32Array(64);
  private query = 0;
  private readonly found: number[] = [];

  constructor(private readonly cell: number) {}

  private key(col: number, row: number): number {
    return row * 100_003 + col;
  }

  insert(id: number, r: Rect): void {
    if (id >= this.seen.length) {
      const grown = new Int32Array(Math.max(id + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    const c0 = Math.floor(r.x / this.cell);
    const c1 = Math.floor((r.x + r.w) / this.cell);
    const r0 = Math.floor(r.y / this.cell);
    const r1 = Math.floor((r.y + r.h) / this.cell);
    for (let row = r0; row <= r1; row++)
      for (let col = c0; col <= c1; col++) {
        const key = this.key(col, row);
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(id);
        else this.buckets.set(key, [id]);
      }
  }

  /** Ids whose rectangles may touch `r` (each once). The array is reused by the next call: copy to keep it. */
  near(r: Rect): readonly number[] {
    this.query++;
    this.found.length = 0;
    const c0 = Math.floor(r.x / this.cell);
    const c1 = Math.floor((r.x + r.w) / this.cell);
    const r0 = Math.floor(r.y / this.cell);
    const r1 = Math.floor((r.y + r.h) / this.cell);
    for (let row = r0; row <= r1; row++)
      for (let col = c0; col <= c1; col++) {
        const bucket = this.buckets.get(this.key(col, row));
        if (!bucket) continue;
        for (const id of bucket)
          if (this.seen[id] !== this.query) {
            this.seen[id] = this.query;
            this.found.push(id);
          }
      }
    return this.found;
  }
}
