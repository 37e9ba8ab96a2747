/**
 * Where the map draws each service and its label: pure arithmetic on rectangles (no Phaser, no DOM), so it
 * is unit-tested in Node and the same layout is measured in the browser.
 *
 * The author places services roughly on a 0–1000 square; a projector needs big labels that never cover each
 * other, another service, or the canvas's edge. So:
 *
 * 1. the author's positions are stretched to fill the canvas (their relative placement is kept);
 * 2. each label takes the side of its service (below, above, right, left, or a corner) that collides least —
 *    repeated until no label changes side, so a label can give way to one placed after it;
 * 3. if anything still overlaps, the services that own the overlapping things are pushed apart along the
 *    axis where they overlap least (only as far as needed, so the author's picture survives), kept inside the
 *    canvas, and step 2 runs again.
 *
 * Deterministic: the same input gives the same layout (no randomness, fixed iteration order).
 */
import { areaOutside, inflate, overlapArea, overlapX, overlapY, RectGrid, union, type Rect } from './rects';

export type LabelSide =
  'below' | 'above' | 'right' | 'left' | 'below-right' | 'below-left' | 'above-right' | 'above-left';

/** In order of preference: below reads best under a marker; corners are the last resort. */
export const LABEL_SIDES: readonly LabelSide[] = [
  'below',
  'above',
  'right',
  'left',
  'below-right',
  'below-left',
  'above-right',
  'above-left',
];

export interface LayoutNode {
  /** Author's position on the 0–1000 square, or canvas pixels when `pinned`. */
  x: number;
  y: number;
  /** Drawn at exactly (x, y) in canvas pixels and never moved (e.g. the Internet marker in a corner). */
  pinned?: boolean;
  /** Half the side of the square the marker (with its rings) occupies. */
  half: number;
  /**
   * The label's size at its longest (name + status line), so it never needs to move as the status changes;
   * one entry per way of wrapping it (e.g. wide and short, narrow and tall), most preferred first.
   */
  labels: { w: number; h: number }[];
}

export interface LayoutInput {
  width: number;
  height: number;
  nodes: LayoutNode[];
  /** Space kept between any two things, and between a thing and the canvas edge. */
  gap: number;
  /** Canvas areas nothing may cover (e.g. where a DOM banner floats). */
  reserved?: Rect[];
}

export interface PlacedNode {
  x: number;
  y: number;
  node: Rect;
  label: Rect;
  side: LabelSide;
  /** Which of the node's `labels` shapes was used. */
  shape: number;
}

export interface CityLayout {
  nodes: PlacedNode[];
  /** Pairs of rectangles that still overlap (0 when the layout succeeded; -1: not counted, city too big). */
  overlaps: number;
  /** Rectangles (node or label) that stick out of the canvas. */
  outside: number;
}

const ROUNDS = 12;
const PUSHES_PER_ROUND = 30;
const LABEL_PASSES = 8;
/** The last resort looks for a free spot this many steps (of twice the gap) around a service. */
const SEARCH_RINGS = 30;
const ESCAPE_PASSES = 3;
const ESCAPE_TRIES = 4;
/** Services this far apart on the author's 0–1000 square keep their left/right and above/below order. */
const ORDER_KEPT = 250;
/** Above this many services nothing is moved (see solve()). */
const SEARCH_MAX_SERVICES = 200;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function layoutCity(input: LayoutInput): CityLayout {
  return new Solver(input).solve();
}

interface Choice {
  side: LabelSide;
  shape: number;
}

class Solver {
  private readonly n: number;
  private readonly xs: number[];
  private readonly ys: number[];
  private readonly choices: Choice[];
  private readonly bounds: Rect;
  private readonly cell: number;

  constructor(private readonly input: LayoutInput) {
    this.n = input.nodes.length;
    this.choices = input.nodes.map(() => ({ side: 'below', shape: 0 }));
    const { width, height, gap } = input;
    this.bounds = { x: gap, y: gap, w: Math.max(0, width - 2 * gap), h: Math.max(0, height - 2 * gap) };
    const biggest = Math.max(
      1,
      ...input.nodes.flatMap((n) => [2 * n.half, ...n.labels.map((l) => Math.max(l.w, l.h))]),
      ...(input.reserved ?? []).map((r) => Math.max(r.w, r.h)),
    );
    this.cell = biggest + 2 * gap;
    ({ xs: this.xs, ys: this.ys } = this.fit());
  }

  /** Step 1: the author's box of positions, stretched to the canvas minus room for markers and labels. */
  private fit(): { xs: number[]; ys: number[] } {
    const { nodes, width, height, gap } = this.input;
    const free = nodes.filter((n) => !n.pinned);
    const half = Math.max(0, ...free.map((n) => n.half));
    // Room at the edges for a typical label (the median, not the largest: one long name must not squeeze
    // the whole map; step 3 moves that one in).
    const labelW = median(free.map((n) => n.labels[0]?.w ?? 0));
    const labelH = median(free.map((n) => n.labels[0]?.h ?? 0));
    const left = gap + Math.max(half, labelW / 2);
    const right = width - left;
    // Below what is pinned along the top (the Internet marker and its label in a corner), so the services
    // of the top row are not all pushed against it.
    const pinnedBottom = Math.max(
      0,
      ...nodes.filter((n) => n.pinned).map((n) => n.y + n.half + (n.labels[0]?.h ?? 0)),
    );
    const top = Math.max(gap + half, pinnedBottom + gap + half / 2);
    const bottom = height - gap - half - labelH;
    const x0 = Math.min(...free.map((n) => n.x));
    const x1 = Math.max(...free.map((n) => n.x));
    const y0 = Math.min(...free.map((n) => n.y));
    const y1 = Math.max(...free.map((n) => n.y));
    const stretch = (v: number, lo: number, hi: number, from: number, to: number) =>
      hi > lo && to > from ? from + ((v - lo) / (hi - lo)) * (to - from) : (from + to) / 2;
    return {
      xs: nodes.map((n) => (n.pinned ? n.x : stretch(n.x, x0, x1, left, right))),
      ys: nodes.map((n) => (n.pinned ? n.y : stretch(n.y, y0, y1, top, bottom))),
    };
  }

  solve(): CityLayout {
    // A city too big to label legibly (the synthetic 1,000-service benchmark city) keeps the stretched picture
    // with labels below: the solver is quadratic in a crowded canvas (measured: 50 s for 1,000 services).
    const rounds = this.n <= SEARCH_MAX_SERVICES ? ROUNDS : 0;
    for (let round = 0; round < rounds; round++) {
      this.placeLabels();
      if (this.countOverlaps() === 0) break;
      for (let k = 0; k < PUSHES_PER_ROUND; k++) if (!this.pushApart()) break;
    }
    // The last resort, again while something still collides: a service that moved may free a place for
    // another.
    for (let k = 0; k < ESCAPE_TRIES && this.n <= SEARCH_MAX_SERVICES; k++) {
      this.placeLabels();
      this.escape();
      if (this.countOverlaps(0) === 0) break;
    }
    const nodes = this.input.nodes.map((_, i) => ({
      x: this.xs[i]!,
      y: this.ys[i]!,
      node: this.nodeRect(i),
      label: this.labelRect(i, this.choices[i]!),
      side: this.choices[i]!.side,
      shape: this.choices[i]!.shape,
    }));
    const canvas = { x: 0, y: 0, w: this.input.width, h: this.input.height };
    const outside = nodes.reduce(
      (count, p) =>
        count + (areaOutside(p.node, canvas) > 0 ? 1 : 0) + (areaOutside(p.label, canvas) > 0 ? 1 : 0),
      0,
    );
    return { nodes, overlaps: this.n <= SEARCH_MAX_SERVICES ? this.countOverlaps(0) : -1, outside };
  }

  private nodeRect(i: number, x = this.xs[i]!, y = this.ys[i]!): Rect {
    const h = this.input.nodes[i]!.half;
    return { x: x - h, y: y - h, w: 2 * h, h: 2 * h };
  }

  private labelRect(i: number, choice: Choice, x = this.xs[i]!, y = this.ys[i]!): Rect {
    const node = this.input.nodes[i]!;
    const { w, h } = node.labels[choice.shape] ?? { w: 0, h: 0 };
    // Labels sit just off the marker's square; corners tuck in a little so they still read as "this one's".
    const d = node.half + 2;
    const c = node.half * 0.7;
    switch (choice.side) {
      case 'below':
        return { x: x - w / 2, y: y + d, w, h };
      case 'above':
        return { x: x - w / 2, y: y - d - h, w, h };
      case 'right':
        return { x: x + d, y: y - h / 2, w, h };
      case 'left':
        return { x: x - d - w, y: y - h / 2, w, h };
      case 'below-right':
        return { x: x + c, y: y + c, w, h };
      case 'below-left':
        return { x: x - c - w, y: y + c, w, h };
      case 'above-right':
        return { x: x + c, y: y - c - h, w, h };
      case 'above-left':
        return { x: x - c - w, y: y - c - h, w, h };
    }
  }

  /** Every label choice for service i, most preferred first: each side with the first shape, then the others. */
  private options(i: number): Choice[] {
    const shapes = this.input.nodes[i]!.labels.length;
    const out: Choice[] = [];
    for (let shape = 0; shape < shapes; shape++) for (const side of LABEL_SIDES) out.push({ side, shape });
    return out;
  }

  /** Rectangles by id: 2i is service i's marker, 2i + 1 its label, then the reserved areas. */
  private rects(): Rect[] {
    const out: Rect[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.nodeRect(i), this.labelRect(i, this.choices[i]!));
    for (const r of this.input.reserved ?? []) out.push(r);
    return out;
  }

  private grid(rects: Rect[]): RectGrid {
    const grid = new RectGrid(this.cell);
    rects.forEach((r, id) => grid.insert(id, inflate(r, this.input.gap)));
    return grid;
  }

  /** Owner of rectangle `id` (a service index), or -1 for a reserved area. */
  private owner(id: number): number {
    return id < 2 * this.n ? id >> 1 : -1;
  }

  /** How much `r` (owned by service i) collides with everything else, canvas edges included. */
  private collision(i: number, r: Rect, rects: Rect[], grid: RectGrid, markerWeight: number): number {
    const half = this.input.gap / 2;
    const a = inflate(r, half);
    let cost = 0;
    for (const id of grid.near(a)) {
      if (this.owner(id) === i) continue;
      // Covering a marker is worse than covering another label (which may still move).
      const weight = id % 2 === 0 || id >= 2 * this.n ? markerWeight : 2;
      cost += weight * overlapArea(a, inflate(rects[id]!, half));
    }
    return cost + 8 * areaOutside(a, inflate(this.bounds, half));
  }

  /** Step 2: every label to its least-colliding side (and shape), until none changes. */
  private placeLabels(): void {
    for (let pass = 0; pass < LABEL_PASSES; pass++) {
      const rects = this.rects();
      const grid = this.grid(rects);
      let changed = false;
      for (let i = 0; i < this.n; i++) {
        let best = this.choices[i]!;
        let bestCost = Infinity;
        this.options(i).forEach((choice, rank) => {
          const cost = rank * 4 + this.collision(i, this.labelRect(i, choice), rects, grid, 4);
          if (cost < bestCost) {
            bestCost = cost;
            best = choice;
          }
        });
        const current = this.choices[i]!;
        if (best.side !== current.side || best.shape !== current.shape) {
          this.choices[i] = best;
          rects[2 * i + 1] = this.labelRect(i, best);
          changed = true;
        }
      }
      if (!changed) break;
    }
  }

  /**
   * The last resort, for the few services still in a collision: the nearest spot (in rings around where the
   * service is now) where its marker and some label choice collide with nothing — or, failing that, the spot
   * that collides least, if it is better than where the service is. Nearest first, so the author's picture
   * moves as little as possible; repeated, since one service moving can free a place for another.
   */
  private escape(): void {
    const step = Math.max(4, this.input.gap * 2);
    for (let pass = 0; pass < ESCAPE_PASSES; pass++) {
      let moved = false;
      for (let i = 0; i < this.n; i++) {
        if (this.input.nodes[i]!.pinned) continue;
        const rects = this.rects();
        const grid = this.grid(rects);
        const costAt = (x: number, y: number, choice: Choice) =>
          this.collision(i, this.nodeRect(i, x, y), rects, grid, 4) +
          this.collision(i, this.labelRect(i, choice, x, y), rects, grid, 4);
        let bestCost = costAt(this.xs[i]!, this.ys[i]!, this.choices[i]!);
        if (bestCost === 0) continue;
        const x0 = this.xs[i]!;
        const y0 = this.ys[i]!;
        let best: { x: number; y: number; choice: Choice } | null = null;
        for (let ring = 1; ring <= SEARCH_RINGS && bestCost > 0; ring++) {
          for (let k = -ring; k <= ring && bestCost > 0; k++) {
            // The ring's cells: top and bottom rows, then left and right columns.
            for (const [dx, dy] of [
              [k, -ring],
              [k, ring],
              [-ring, k],
              [ring, k],
            ] as const) {
              const x = x0 + dx * step;
              const y = y0 + dy * step;
              if (!this.keepsOrder(i, x, y)) continue;
              const node = this.collision(i, this.nodeRect(i, x, y), rects, grid, 4);
              if (node >= bestCost) continue;
              for (const choice of this.options(i)) {
                const cost = node + this.collision(i, this.labelRect(i, choice, x, y), rects, grid, 4);
                if (cost < bestCost) {
                  bestCost = cost;
                  best = { x, y, choice };
                  if (cost === 0) break;
                }
              }
              if (bestCost === 0) break;
            }
          }
        }
        if (best) {
          this.xs[i] = best.x;
          this.ys[i] = best.y;
          this.choices[i] = best.choice;
          moved = true;
        }
      }
      if (!moved) break;
    }
  }

  /**
   * Whether service i at (x, y) keeps the author's picture: left of every service the author put well to its
   * right (ORDER_KEPT on the 0–1000 square), above every one put well below, and so on.
   */
  private keepsOrder(i: number, x: number, y: number): boolean {
    const a = this.input.nodes[i]!;
    for (let j = 0; j < this.n; j++) {
      const b = this.input.nodes[j]!;
      if (j === i || b.pinned) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      if ((dx >= ORDER_KEPT && x >= this.xs[j]!) || (dx <= -ORDER_KEPT && x <= this.xs[j]!)) return false;
      if ((dy >= ORDER_KEPT && y >= this.ys[j]!) || (dy <= -ORDER_KEPT && y <= this.ys[j]!)) return false;
    }
    return true;
  }

  /** Overlapping pairs of rectangles from different owners, each rectangle grown by `gap / 2` (or `pad`). */
  private countOverlaps(pad = this.input.gap / 2): number {
    const rects = this.rects();
    const grid = this.grid(rects);
    let count = 0;
    rects.forEach((r, id) => {
      if (id >= 2 * this.n) return;
      for (const other of grid.near(inflate(r, pad))) {
        if (other <= id && other < 2 * this.n) continue;
        if (this.owner(other) === this.owner(id)) continue;
        if (overlapArea(inflate(r, pad), inflate(rects[other]!, pad)) > 0) count++;
      }
      // Outside the canvas counts as a collision too.
      if (areaOutside(r, inflate(this.bounds, pad)) > 0) count++;
    });
    return count;
  }

  /**
   * Step 3, one sweep: for each overlapping pair, move both owners apart (half each; a pinned or reserved one
   * does not move) along the axis where they overlap least; then keep every service inside the canvas.
   * Returns whether anything overlapped.
   */
  private pushApart(): boolean {
    const pad = this.input.gap / 2;
    const rects = this.rects().map((r) => inflate(r, pad));
    const grid = this.grid(rects);
    const dx = new Float64Array(this.n);
    const dy = new Float64Array(this.n);
    let any = false;
    rects.forEach((a, id) => {
      const p = this.owner(id);
      if (p < 0) return;
      for (const other of grid.near(a)) {
        const q = this.owner(other);
        if (q === p || (q >= 0 && other <= id)) continue;
        const b = rects[other]!;
        const ox = overlapX(a, b);
        const oy = overlapY(a, b);
        if (ox <= 0 || oy <= 0) continue;
        any = true;
        const moveP = !this.input.nodes[p]!.pinned;
        const moveQ = q >= 0 && !this.input.nodes[q]!.pinned;
        if (!moveP && !moveQ) continue;
        const share = moveP && moveQ ? 0.5 : 1;
        // Direction: from b's centre to a's; ties (same centre) broken by index so the result is deterministic.
        const sx = a.x + a.w / 2 - (b.x + b.w / 2) || (p < q ? -1 : 1);
        const sy = a.y + a.h / 2 - (b.y + b.h / 2) || (p < q ? -1 : 1);
        if (ox < oy) {
          const m = (ox + 0.5) * share * Math.sign(sx);
          if (moveP) dx[p] = dx[p]! + m;
          if (moveQ) dx[q] = dx[q]! - m;
        } else {
          const m = (oy + 0.5) * share * Math.sign(sy);
          if (moveP) dy[p] = dy[p]! + m;
          if (moveQ) dy[q] = dy[q]! - m;
        }
      }
    });
    for (let i = 0; i < this.n; i++) {
      if (this.input.nodes[i]!.pinned) continue;
      this.xs[i] = this.xs[i]! + dx[i]!;
      this.ys[i] = this.ys[i]! + dy[i]!;
      this.keepInside(i);
    }
    return any;
  }

  /** Shift service i (marker and label together) back inside the canvas. */
  private keepInside(i: number): void {
    const box = union(this.nodeRect(i), this.labelRect(i, this.choices[i]!));
    const b = this.bounds;
    let shiftX = 0;
    let shiftY = 0;
    if (box.x + box.w > b.x + b.w) shiftX = b.x + b.w - (box.x + box.w);
    if (box.x + shiftX < b.x) shiftX = b.x - box.x;
    if (box.y + box.h > b.y + b.h) shiftY = b.y + b.h - (box.y + box.h);
    if (box.y + shiftY < b.y) shiftY = b.y - box.y;
    this.xs[i] = this.xs[i]! + shiftX;
    this.ys[i] = this.ys[i]! + shiftY;
  }
}
