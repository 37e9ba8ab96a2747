/**
 * People on the map, as small figures: a crowd beside each service whose customers are stranded, a line at
 * counters and ATMs, and people walking along the road a workaround sends them down. How many figures comes
 * from the simulation (layout/cityPeople.ts); where they stand is fixed per service (no randomness), so a
 * crowd grows in place rather than jumping about.
 */
import type Phaser from 'phaser';
import { figuresFor } from './layout/cityPeople';

export const PERSON = 0xf5deb3;
/** At most this many figures on the whole map per frame (the 8× frame budget). */
const MAX_ON_MAP = 400;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export class CrowdPainter {
  private drawn = 0;

  constructor(
    private readonly g: Phaser.GameObjects.Graphics,
    /** Size of a figure (CSS pixels): its width; it is twice as tall. */
    private readonly size: number,
  ) {}

  begin(): void {
    this.drawn = 0;
  }

  /** Figures drawn since begin(). */
  get figures(): number {
    return this.drawn;
  }

  /** A person: a body and, above it, a head (two rectangles: cheap on the canvas renderer). */
  private figure(x: number, y: number): void {
    if (this.drawn >= MAX_ON_MAP) return;
    this.drawn++;
    const s = this.size;
    this.g.fillRect(x - s / 2, y - s * 0.6, s, s * 1.6);
    this.g.fillRect(x - s * 0.35, y - s * 1.4, s * 0.7, s * 0.7);
  }

  /** How far a crowd of `figures` spreads from its centre. */
  radiusFor(figures: number): number {
    return this.size * 1.7 * Math.sqrt(figures) + this.size;
  }

  /**
   * A crowd of `people` gathered at (x, y): a disc of figures that widens as it grows (a sunflower pattern,
   * so each new figure lands at the edge). `bob` (0–1) shuffles them a little while the clock runs.
   */
  crowd(x: number, y: number, people: number, bob: number): void {
    const n = figuresFor(people);
    if (n === 0) return;
    this.g.fillStyle(PERSON, 0.95);
    const spacing = this.size * 1.7;
    for (let k = 0; k < n; k++) {
      const r = spacing * Math.sqrt(k + 0.5);
      const a = k * GOLDEN_ANGLE;
      const jiggle = Math.sin((bob + k * 0.37) * Math.PI * 2) * this.size * 0.25;
      this.figure(x + r * Math.cos(a) + jiggle, y + r * Math.sin(a) * 0.7);
    }
  }

  /** A line of `people` from (x, y) in direction (ux, uy), folding back on itself every ten figures. */
  queue(x: number, y: number, ux: number, uy: number, people: number): void {
    const n = figuresFor(people);
    if (n === 0) return;
    this.g.fillStyle(PERSON, 0.95);
    const step = this.size * 1.8;
    for (let k = 0; k < n; k++) {
      const row = Math.floor(k / 10);
      const along = row % 2 === 0 ? k % 10 : 9 - (k % 10);
      const d = along * step;
      const side = row * step * 2.2;
      this.figure(x + ux * d - uy * side, y + uy * d + ux * side);
    }
  }

  /** `people` walking from A to B; `phase` (0–1) moves them along, 0 for a still picture. */
  walkers(ax: number, ay: number, bx: number, by: number, people: number, phase: number): void {
    const n = Math.ceil(figuresFor(people) / 2);
    if (n === 0) return;
    this.g.fillStyle(PERSON, 0.95);
    const len = Math.hypot(bx - ax, by - ay) || 1;
    // Beside the road, not on it (the traffic is on it).
    const ox = (-(by - ay) / len) * this.size * 2.5;
    const oy = ((bx - ax) / len) * this.size * 2.5;
    for (let k = 0; k < n; k++) {
      const t = (phase + k / n) % 1;
      this.figure(ax + (bx - ax) * t + ox, ay + (by - ay) * t + oy);
    }
  }
}
