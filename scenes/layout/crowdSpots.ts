/**
 * Where each service's crowd gathers: beside it, on the side where a full crowd covers the fewest labels
 * and services and stays on the canvas. Fixed per layout, so a crowd grows in place. Pure.
 */
import type { PlacedNode } from './cityLayout';
import { areaOutside, overlapArea, type Rect } from './rects';

export interface CrowdSpot {
  /** Centre of the crowd. */
  x: number;
  y: number;
  /** Unit vector from the service towards the crowd (queues form along it). */
  ux: number;
  uy: number;
}

const MAX_CHECKED = 200;

const DIRECTIONS: readonly [number, number][] = [
  [0, -1],
  [1, 0],
  [-1, 0],
  [0, 1],
  [0.7071, -0.7071],
  [-0.7071, -0.7071],
  [0.7071, 0.7071],
  [-0.7071, 0.7071],
];

/** `radius`: how far a full crowd spreads from its centre. */
export function crowdSpots(
  nodes: readonly PlacedNode[],
  radius: number,
  canvas: { width: number; height: number },
  reserved: readonly Rect[] = [],
): CrowdSpot[] {
  const bounds = { x: 0, y: 0, w: canvas.width, h: canvas.height };
  // Each spot is checked against every service: a huge city (the 1,000-service benchmark) just uses "above".
  const thorough = nodes.length <= MAX_CHECKED;
  return nodes.map((p, i) => {
    const half = p.node.w / 2;
    let best: CrowdSpot = { x: p.x, y: p.y - half - radius, ux: 0, uy: -1 };
    let bestCost = Infinity;
    (thorough ? DIRECTIONS : DIRECTIONS.slice(0, 1)).forEach(([ux, uy], rank) => {
      const x = p.x + ux * (half + radius);
      const y = p.y + uy * (half + radius);
      const disc = { x: x - radius, y: y - radius, w: 2 * radius, h: 2 * radius };
      let cost = rank + 4 * areaOutside(disc, bounds);
      nodes.forEach((q, j) => {
        cost += 2 * overlapArea(disc, q.label);
        if (j !== i) cost += 3 * overlapArea(disc, q.node);
      });
      for (const r of reserved) cost += overlapArea(disc, r);
      if (cost < bestCost) {
        bestCost = cost;
        best = { x, y, ux, uy };
      }
    });
    return best;
  });
}
