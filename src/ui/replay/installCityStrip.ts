/**
 * Mounts the strip above the map (ui/replay/cityStrip.ts) whenever the city shows a drill, and takes it away
 * when the screen or the drill changes. The strip's code loads while the menu is showing, with the City's
 * panels (ui/shell.ts), not before the menu: it is not part of the start-up JavaScript.
 */
import type { SessionStore } from '../../store';
import type { Autosaver } from '../saves/autosave';

export function installCityStrip(session: SessionStore, autosaver: Autosaver | null): () => void {
  const map = document.getElementById('map');
  const app = document.getElementById('app');
  if (!map || !app) throw new Error('index.html lacks #map or #app');
  let strip: Promise<typeof import('./cityStrip')> | null = null;
  const load = () => (strip ??= import('./cityStrip'));
  let dispose: (() => void) | null = null;
  return session.subscribe(
    (s) => [s.screen, s.game] as const,
    ([screen, game]) => {
      dispose?.();
      dispose = null;
      if (screen === 'menu') void load();
      if (screen === 'city' && game) {
        let left = false;
        let mounted: (() => void) | null = null;
        void load().then(({ mountCityStrip }) => {
          if (!left) mounted = mountCityStrip(map, app, session, game, autosaver);
        });
        dispose = () => {
          left = true;
          mounted?.();
        };
      }
    },
    { fireImmediately: true, equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
}
