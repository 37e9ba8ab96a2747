import Phaser from 'phaser';
import { sessionOf } from './context';
import { COLOURS } from './palette';

/**
 * The debrief is DOM (src/ui/debrief.ts); the scene holds the screen and leaves when the session does:
 * "Play again" (a new drill) starts the City, "Back to the menu" (no drill) starts the Menu.
 */
export class Debrief extends Phaser.Scene {
  constructor() {
    super('Debrief');
  }

  create(): void {
    const session = sessionOf(this);
    this.cameras.main.setBackgroundColor(COLOURS.background);
    const finished = session.getState().game;
    session.getState().setScreen('debrief');
    const unsubscribe = session.subscribe(
      (s) => s.game,
      (game) => {
        if (game === null) this.scene.start('Menu');
        else if (game !== finished) this.scene.start('City');
      },
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, unsubscribe);
  }
}
