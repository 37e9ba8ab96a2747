/**
 * The page shell: shows the regions and overlays for the current screen, and mounts the DOM panels for the
 * drill in progress (disposing them — and so their store subscriptions — when the screen or the drill changes).
 * Scenes decide the screen (session.setScreen in their create()); the shell follows it.
 */
import { loadTexts } from '../i18n';
import type { SessionStore } from '../store';
import { setHidden } from './dom';
import { mountMenu } from './menu';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el;
}

export function mountShell(session: SessionStore, rateScale: number): () => void {
  const app = byId('app');
  const roots = {
    hud: byId('hud'),
    map: byId('map'),
    side: byId('side'),
    feed: byId('feed'),
    help: byId('help'),
  };
  const menuRoot = byId('menu');
  const debriefRoot = byId('debrief');
  const menu = mountMenu(menuRoot, session);

  // The City's panels (HUD, side panel, feed, decisions, prompts, help) are not needed for the menu: they load
  // while the menu is showing (so they are ready by Start) rather than before it, keeping them out of the
  // start-up JavaScript (issue 14). The service worker caches them with the rest.
  let cityPanels: Promise<typeof import('./cityPanels')> | null = null;
  const loadCityPanels = () => (cityPanels ??= import('./cityPanels'));

  let disposeScreen: (() => void) | null = null;
  const unsubscribe = session.subscribe(
    (s) => [s.screen, s.game] as const,
    ([screen, game]) => {
      disposeScreen?.();
      disposeScreen = null;
      app.dataset.screen = screen;
      setHidden(menuRoot, screen !== 'menu');
      setHidden(debriefRoot, screen !== 'debrief');
      if (screen === 'menu') {
        menu.focus();
        void loadCityPanels();
      }
      if (screen === 'city' && game) {
        let left = false;
        let panels: (() => void) | null = null;
        void loadCityPanels().then(({ mountCityPanels }) => {
          if (!left) panels = mountCityPanels(roots, game, rateScale);
        });
        disposeScreen = () => {
          left = true;
          panels?.();
        };
      }
      // A new drill may exist before its City scene has started (Play again): only a finished one has a debrief.
      // The debrief (with its charts, uPlot, exports and what-if) is loaded the first time it is needed: it is
      // not part of the start-up JavaScript. The service worker has it cached, so it opens offline too.
      if (screen === 'debrief' && game && (game.getState().ended || game.getState().stopped)) {
        let left = false;
        let debrief: { dispose(): void } | null = null;
        // Its English texts load with it (src/i18n `loadTexts`).
        void Promise.all([import('./debrief'), loadTexts(['debrief'])]).then(([{ mountDebrief }]) => {
          if (left) return;
          const mounted = mountDebrief(debriefRoot, session, game);
          debrief = mounted;
          mounted.focus();
        });
        disposeScreen = () => {
          left = true;
          debrief?.dispose();
        };
      }
    },
    { fireImmediately: true, equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  return () => {
    unsubscribe();
    disposeScreen?.();
    menu.dispose();
  };
}
