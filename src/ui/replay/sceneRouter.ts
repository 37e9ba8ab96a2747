/**
 * Keeps the Phaser scenes in step with the session when the drill changes UNDER the City scene, which only
 * watches its own drill ending:
 *   - a new drill arrives while the City shows another (take over from a replay, a share link opened in a
 *     running tab) → the City restarts with it;
 *   - a finished drill arrives (back from a replay, a run opened from a link, a file or an ended save) → the
 *     Debrief, since a finished drill's place is its report.
 * The Menu and Debrief scenes already start the City when a drill appears; this covers the rest. Scene
 * control is passed in (src/main.ts wires it to Phaser), so the rules can be tested without a browser.
 */
import type { GameStore, SessionStore } from '../../store';

export interface SceneControl {
  restartCity(): void;
  cityToDebrief(): void;
}

function finished(game: GameStore): boolean {
  const g = game.getState();
  return g.replay === null && (g.ended || g.stopped);
}

export function installSceneRouter(session: SessionStore, scenes: SceneControl): () => void {
  // The drill the City scene is running: the one in the session when the screen became 'city'.
  let cityGame: GameStore | null = null;
  return session.subscribe(
    (s) => [s.screen, s.game] as const,
    ([screen, game], [previousScreen]) => {
      if (screen !== 'city' || !game) {
        if (screen !== 'city') cityGame = null;
        return;
      }
      const arrived = previousScreen !== 'city';
      if (arrived) cityGame = game;
      if (game !== cityGame) {
        cityGame = game;
        if (finished(game)) scenes.cityToDebrief();
        else scenes.restartCity();
      } else if (arrived && finished(game)) {
        scenes.cityToDebrief();
      }
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
}
