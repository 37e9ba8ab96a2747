import Phaser from 'phaser';
import { sessionOf } from './context';
import { COLOURS } from './palette';

/**
 * The menu is DOM (src/ui/menu.ts) over a quiet animated backdrop: a drifting network. The scene starts the
 * City when the session has a drill to run.
 */
export class Menu extends Phaser.Scene {
  private backdrop!: Phaser.GameObjects.Graphics;
  private nodes: { x: number; y: number; vx: number; vy: number }[] = [];

  constructor() {
    super('Menu');
  }

  create(): void {
    const session = sessionOf(this);
    this.cameras.main.setBackgroundColor(COLOURS.background);
    this.backdrop = this.add.graphics();
    // Decoration only: a fixed pattern (no randomness needed, and none that could touch the simulation).
    this.nodes = Array.from({ length: 28 }, (_, i) => ({
      x: ((i * 0.618034) % 1) * 1000,
      y: ((i * 0.41421) % 1) * 1000,
      vx: Math.cos(i * 2.4) * 12,
      vy: Math.sin(i * 2.4) * 12,
    }));
    session.getState().setScreen('menu');
    const unsubscribe = session.subscribe(
      (s) => s.game,
      (game) => {
        if (game) this.scene.start('City');
      },
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, unsubscribe);
    if (session.getState().game) this.scene.start('City');
  }

  override update(_time: number, delta: number): void {
    const { width, height } = this.scale;
    const g = this.backdrop;
    g.clear();
    const dt = Math.min(delta, 100) / 1000;
    for (const n of this.nodes) {
      n.x = (n.x + n.vx * dt + 1000) % 1000;
      n.y = (n.y + n.vy * dt + 1000) % 1000;
    }
    const px = (n: { x: number }) => (n.x / 1000) * width;
    const py = (n: { y: number }) => (n.y / 1000) * height;
    g.lineStyle(1, COLOURS.edgeSoft, 0.6);
    for (let i = 0; i < this.nodes.length; i++) {
      for (let j = i + 1; j < this.nodes.length; j++) {
        const a = this.nodes[i]!;
        const b = this.nodes[j]!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < 220) g.lineBetween(px(a), py(a), px(b), py(b));
      }
    }
    g.fillStyle(COLOURS.edge, 0.9);
    for (const n of this.nodes) g.fillCircle(px(n), py(n), 4);
  }
}
