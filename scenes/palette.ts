/**
 * The map's visual vocabulary. Colours are from the Okabe–Ito palette (distinguishable with the common forms
 * of colour blindness), and status is ALSO carried by shape and glyph: healthy = circle ✓, degraded =
 * triangle !, down = square ✕, recovering = diamond ↻. Attack traffic is purple, dashed, with square dots;
 * legitimate requests are light, solid, with round dots. The same vocabulary is used by the DOM (src/ui/dom.ts).
 */
import type Phaser from 'phaser';
import type { ServiceStatus } from '../src/engine';

export const COLOURS = {
  background: 0x0d1b2a,
  grid: 0x142a3f,
  edge: 0x5d7a96,
  edgeSoft: 0x3f5973,
  flow: 0xf2f5f8,
  attack: 0xcc79a7,
  outline: 0xf2f5f8,
  glyph: 0x0b1620,
  selected: 0xf0e442,
  isolated: 0xd55e00,
  status: {
    healthy: 0x009e73,
    degraded: 0xe69f00,
    down: 0xd55e00,
    recovering: 0x56b4e9,
  } satisfies Record<ServiceStatus, number>,
} as const;

export const TEXT_COLOUR = '#f2f5f8';
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

/** Draw a service marker: status shape, filled with the status colour, outlined, with its glyph. */
export function drawServiceMarker(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  r: number,
  status: ServiceStatus,
  critical: boolean,
): void {
  const fill = COLOURS.status[status];
  g.fillStyle(fill, 1);
  g.lineStyle(2, COLOURS.outline, 1);
  switch (status) {
    case 'healthy':
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      break;
    case 'degraded': {
      const R = r * 1.3;
      const pts = [x, y - R, x + R * 0.866, y + R * 0.5, x - R * 0.866, y + R * 0.5];
      g.fillTriangle(pts[0]!, pts[1]!, pts[2]!, pts[3]!, pts[4]!, pts[5]!);
      g.strokeTriangle(pts[0]!, pts[1]!, pts[2]!, pts[3]!, pts[4]!, pts[5]!);
      break;
    }
    case 'down':
      g.fillRect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      g.strokeRect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 'recovering': {
      const R = r * 1.25;
      g.fillTriangle(x, y - R, x + R, y, x - R, y);
      g.fillTriangle(x, y + R, x + R, y, x - R, y);
      g.beginPath();
      g.moveTo(x, y - R);
      g.lineTo(x + R, y);
      g.lineTo(x, y + R);
      g.lineTo(x - R, y);
      g.closePath();
      g.strokePath();
      break;
    }
  }
  if (critical) {
    g.lineStyle(1.5, COLOURS.outline, 0.55);
    g.strokeCircle(x, y, r * 1.6);
  }
  drawGlyph(g, x, y, r, status);
}

function drawGlyph(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  r: number,
  status: ServiceStatus,
): void {
  const w = Math.max(2, r * 0.2);
  g.lineStyle(w, COLOURS.glyph, 1);
  switch (status) {
    case 'healthy':
      g.beginPath();
      g.moveTo(x - r * 0.45, y + r * 0.02);
      g.lineTo(x - r * 0.1, y + r * 0.38);
      g.lineTo(x + r * 0.48, y - r * 0.35);
      g.strokePath();
      break;
    case 'degraded':
      g.lineBetween(x, y - r * 0.35, x, y + r * 0.12);
      g.fillStyle(COLOURS.glyph, 1);
      g.fillCircle(x, y + r * 0.38, w * 0.6);
      break;
    case 'down':
      g.lineBetween(x - r * 0.42, y - r * 0.42, x + r * 0.42, y + r * 0.42);
      g.lineBetween(x + r * 0.42, y - r * 0.42, x - r * 0.42, y + r * 0.42);
      break;
    case 'recovering': {
      const rr = r * 0.45;
      g.beginPath();
      g.arc(x, y, rr, -Math.PI * 0.35, Math.PI * 1.45, false);
      g.strokePath();
      // Arrowhead at the start of the arc.
      const ax = x + rr * Math.cos(-Math.PI * 0.35);
      const ay = y + rr * Math.sin(-Math.PI * 0.35);
      g.fillStyle(COLOURS.glyph, 1);
      g.fillTriangle(ax - w * 1.6, ay - w * 0.6, ax + w * 1.2, ay - w * 1.4, ax + w * 0.4, ay + w * 1.6);
      break;
    }
  }
}

/** A dashed line (Graphics has no dash style). */
export function dashedLine(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash: number,
  gap: number,
): void {
  g.beginPath();
  dashes(g, x1, y1, x2, y2, dash, gap);
  g.strokePath();
}

/**
 * The dashes of a dashed line, added to the Graphics' current path (the caller begins and strokes it): many
 * lines in one path are one stroke for the canvas instead of one per dash.
 */
export function dashes(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash: number,
  gap: number,
): void {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length === 0) return;
  const ux = dx / length;
  const uy = dy / length;
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(length, d + dash);
    g.moveTo(x1 + ux * d, y1 + uy * d);
    g.lineTo(x1 + ux * e, y1 + uy * e);
  }
}
