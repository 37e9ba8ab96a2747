import type Phaser from 'phaser';

/**
 * Hit-testing must always use the current layout. Phaser's scale manager notices a change of its parent's size
 * only on a window resize or when it polls (every 500 ms), and reads the canvas's page position only then too.
 * Meanwhile the DOM around the map can change (the drill starts and the panels appear; a status line shows up),
 * and a click in that window lands on the service that *was* under the pointer (measured: 80 px off, 50–200 ms
 * after Space). So:
 *
 * - a ResizeObserver on the canvas's parent refreshes the scale as soon as the parent's size changes — before the
 *   next paint, so the City scene's layout (its RESIZE handler) is current when the user can see the map;
 * - before Phaser handles any pointer press, the canvas's page position is read again (one
 *   getBoundingClientRect), so a map that moved without changing size is still hit where it is drawn.
 */
export function keepScaleInSync(game: Phaser.Game, parent: HTMLElement): () => void {
  const refresh = () => {
    const scale = game.scale;
    if (!scale?.canvas) return;
    // getParentBounds() reads the parent's size and says whether it changed.
    if (scale.getParentBounds()) scale.refresh();
    else scale.updateBounds();
  };
  const observer = new ResizeObserver(refresh);
  observer.observe(parent);
  const beforePress = () => game.scale?.canvas && game.scale.updateBounds();
  // Capture phase on window: runs before Phaser's own listeners on the canvas.
  const events = ['pointerdown', 'mousedown', 'touchstart'] as const;
  for (const type of events) window.addEventListener(type, beforePress, { capture: true, passive: true });
  return () => {
    observer.disconnect();
    for (const type of events) window.removeEventListener(type, beforePress, { capture: true });
  };
}
