/**
 * Where the hover tooltip goes: the spot nearest its service that covers no other service (a tooltip must
 * not hide the neighbours a trainee is about to click) and as few labels as possible; never over the service
 * itself (the pointer is there) nor under the "Paused" banner. Pure.
 */
import type { PlacedNode } from './cityLayout';
import { overlapArea } from './rects';

/** Keep clear of the "Paused" banner (DOM, top centre of the canvas). */
const TOP = 40;
const MARGIN = 4;
/** Candidate spots are scanned on a grid this fine (CSS pixels). */
const STEP = 12;

export function tooltipPlace(
  size: { w: number; h: number },
  hovered: number,
  nodes: readonly PlacedNode[],
  canvas: { width: number; height: number },
): { x: number; y: number } {
  const p = nodes[hovered];
  if (!p) return { x: MARGIN, y: TOP };
  const { w, h } = size;
  const maxX = Math.max(MARGIN, canvas.width - w - MARGIN);
  const maxY = Math.max(TOP, canvas.height - h - MARGIN);
  let best = { x: MARGIN, y: TOP };
  let bestCost = Infinity;
  const consider = (x: number, y: number) => {
    const c = { x, y, w, h };
    let cost = 0;
    for (let j = 0; j < nodes.length; j++) {
      const n = nodes[j]!;
      cost += overlapArea(c, n.node) * (j === hovered ? 1000 : 100) + overlapArea(c, n.label);
    }
    // Nearest the service wins among equally clear spots.
    const dx = Math.max(0, x - p.x, p.x - (x + w));
    const dy = Math.max(0, y - p.y, p.y - (y + h));
    cost += Math.hypot(dx, dy) * 4;
    if (cost < bestCost) {
      bestCost = cost;
      best = { x, y };
    }
  };
  for (let y = TOP; y <= maxY; y += STEP) for (let x = MARGIN; x <= maxX; x += STEP) consider(x, y);
  consider(maxX, maxY);
  return best;
}
