/**
 * The baseline of the first-frame benchmark (bench/firstFrameVsBare.ts): a bare Phaser 4 game, configured as
 * src/main.ts configures Cascade's (renderer choice, RESIZE scale, no keyboard, no audio), whose one scene draws
 * a few shapes and a text. It announces its first frame exactly as the City does, through a
 * `window.__cascade.screen()` that says 'city' from create() on, so the same probe times both pages.
 * This file runs in the browser (built by Vite for the benchmark), never in Node.
 */
// eslint-disable-next-line no-restricted-imports -- a browser page built by Vite, not Node-side code
import Phaser from 'phaser';

class Bare extends Phaser.Scene {
  constructor() {
    super('Bare');
  }

  create(): void {
    const g = this.add.graphics();
    g.fillStyle(0x009e73, 1);
    g.fillCircle(200, 200, 24);
    g.lineStyle(2, 0x5d7a96, 1);
    g.lineBetween(200, 200, 500, 320);
    this.add.text(180, 240, 'bare scene', { color: '#f2f5f8', fontSize: '16px' });
    (window as unknown as { __cascade: { screen(): string } }).__cascade = { screen: () => 'city' };
  }
}

new Phaser.Game({
  type: navigator.webdriver ? Phaser.CANVAS : Phaser.AUTO,
  parent: 'stage',
  backgroundColor: 0x0d1b2a,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  input: { keyboard: false },
  audio: { noAudio: true },
  banner: false,
  scene: [Bare],
});
