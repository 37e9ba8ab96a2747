/**
 * The ground of each district: the cells of a fine grid nearer to one of its services than to any other
 * service (within `reach`), plus the cells under the district's name, so the name stands on its own ground.
 * Returned as horizontal runs of one district each (a few hundred rectangles to paint once per layout, not a
 * rectangle per cell). Pure; the cost is a few cells per service, so the 1,000-service city stays cheap.
 */
import { inflate, type Rect } from './rects';

export interface GroundRun extends Rect {
  /** Index into the scenario's districts. */
  district: number;
}

export interface GroundInput {
  width: number;
  height: number;
  /** Each service's position on the canvas. */
  points: readonly { x: number; y: number }[];
  /** Each service's district index. */
  districtOf: readonly number[];
  /** Each district's name, where it is drawn (null: not drawn). */
  labels: readonly (Rect | null)[];
  /** Side of a grid cell, in canvas pixels. */
  cell: number;
  /** How far a service's ground reaches. */
  reach: number;
}

export function districtGround(input: GroundInput): GroundRun[] {
  const { width, height, points, districtOf, labels, cell, reach } = input;
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const nearest = new Float64Array(cols * rows).fill(Infinity);
  const owner = new Int32Array(cols * rows).fill(-1);
  const reach2 = reach * reach;
  points.forEach((p, i) => {
    const c0 = Math.max(0, Math.floor((p.x - reach) / cell));
    const c1 = Math.min(cols - 1, Math.floor((p.x + reach) / cell));
    const r0 = Math.max(0, Math.floor((p.y - reach) / cell));
    const r1 = Math.min(rows - 1, Math.floor((p.y + reach) / cell));
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const dx = (c + 0.5) * cell - p.x;
        const dy = (r + 0.5) * cell - p.y;
        const d2 = dx * dx + dy * dy;
        const k = r * cols + c;
        if (d2 <= reach2 && d2 < nearest[k]!) {
          nearest[k] = d2;
          owner[k] = districtOf[i]!;
        }
      }
  });
  // The name's own ground wins over any service's (it was placed where nothing else is drawn).
  labels.forEach((label, d) => {
    if (!label) return;
    const r = inflate(label, cell);
    for (
      let row = Math.max(0, Math.floor(r.y / cell));
      row < Math.min(rows, Math.ceil((r.y + r.h) / cell));
      row++
    )
      for (
        let c = Math.max(0, Math.floor(r.x / cell));
        c < Math.min(cols, Math.ceil((r.x + r.w) / cell));
        c++
      )
        owner[row * cols + c] = d;
  });
  const runs: GroundRun[] = [];
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < cols) {
      const d = owner[r * cols + c]!;
      let end = c + 1;
      while (end < cols && owner[r * cols + end] === d) end++;
      if (d >= 0) runs.push({ x: c * cell, y: r * cell, w: (end - c) * cell, h: cell, district: d });
      c = end;
    }
  }
  return runs;
}

/**
 * The district's most central service: the one whose summed distance to the others is least (a medoid).
 * Returns its index in `members` (the first one on a tie).
 */
export function districtHome(members: readonly { x: number; y: number }[]): number {
  let best = 0;
  let bestSum = Infinity;
  members.forEach((a, i) => {
    const sum = members.reduce((total, b) => total + Math.hypot(a.x - b.x, a.y - b.y), 0);
    if (sum < bestSum) {
      bestSum = sum;
      best = i;
    }
  });
  return best;
}
