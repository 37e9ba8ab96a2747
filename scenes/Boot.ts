import Phaser from 'phaser';
import { COLOURS } from './palette';
import { sessionOf } from './context';

/** First scene: nothing to load yet; hands over to the Preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(COLOURS.background);
    sessionOf(this).getState().setScreen('loading');
    this.scene.start('Preloader');
  }
}
