/**
 * Where the hover tooltip goes: beside its service, on the side that covers the fewest other services (a
 * tooltip must not hide the neighbours a trainee is about to click), else in the canvas corner that does.
 * Pure.
 */
import type { PlacedNode } from './cityLayout';
import { areaOutside, overlapArea, type Rect } from './rects';

/** Keep clear of the "Paused" banner (DOM, top centre of the canvas). */
const TOP = 48;
const MARGIN = 4;

export function tooltipPlace(
  size: { w: number; h: number },
  hovered: number,
  nodes: readonly PlacedNode[],
  canvas: { width: number; height: number },
): { x: number; y: number } {
  const p = nodes[hovered];
  if (!p) return { x: MARGIN, y: TOP };
  const { w, h } = size;
  const off = p.node.w / 2 + 6;
  const clampY = (y: number) => Math.max(TOP, Math.min(canvas.height - h - MARGIN, y));
  const clampX = (x: number) => Math.max(MARGIN, Math.min(canvas.width - w - MARGIN, x));
  const candidates: Rect[] = [
    { x: p.x + off, y: clampY(p.y - h / 2), w, h },
    { x: p.x - off - w, y: clampY(p.y - h / 2), w, h },
    { x: clampX(p.x - w / 2), y: p.y + off, w, h },
    { x: clampX(p.x - w / 2), y: p.y - off - h, w, h },
    { x: MARGIN, y: TOP, w, h },
    { x: canvas.width - w - MARGIN, y: TOP, w, h },
    { x: MARGIN, y: canvas.height - h - MARGIN, w, h },
    { x: canvas.width - w - MARGIN, y: canvas.height - h - MARGIN, w, h },
  ];
  const bounds = { x: 0, y: 0, w: canvas.width, h: canvas.height };
  let best = candidates[0]!;
  let bestCost = Infinity;
  candidates.forEach((c, rank) => {
    // Covering the hovered service itself is worst (the pointer is there); then other services; labels a bit.
    let cost = rank + 50 * areaOutside(c, bounds);
    nodes.forEach((n, j) => {
      cost += overlapArea(c, n.node) * (j === hovered ? 100 : 20) + overlapArea(c, n.label);
    });
    if (cost < bestCost) {
      bestCost = cost;
      best = c;
    }
  });
  return { x: best.x, y: best.y };
}
