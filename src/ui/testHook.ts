/**
 * TEST ONLY (installed with ?test=1): a read-only window into the running game for the browser tests. The
 * tests drive the game through the UI like a player; they use this hook only to read state (tick, the command
 * log, the state hash) and to find where a service is drawn so they can click it.
 */
import { currentLanguage, missingKeys } from '../i18n';
import type { GameStore, SessionStore } from '../store';

export interface ServicePoint {
  x: number;
  y: number;
}

/** A rectangle on the map canvas, in canvas (CSS) pixels from its top-left corner. */
export interface MapRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the map draws where: every marker and every text, for the layout test. */
export interface MapLayoutView {
  /** The canvas's size in CSS pixels. */
  width: number;
  height: number;
  items: { id: string; kind: 'marker' | 'label'; rect: MapRect; fontPx: number | null; text: string }[];
  /** People figures drawn in the last frame (crowds, queues, walkers). */
  figures: number;
  /** Whether traffic and people move (false under prefers-reduced-motion). */
  moving: boolean;
}

export interface CascadeTestHook {
  screen(): string;
  tick(): number | null;
  waitingForAnswer(): boolean;
  /** The id of the inject whose tutorial step holds the clock, or null. */
  step(): string | null;
  /** Skips the tutorial step holding the clock, if any (as the trainee's "Skip this step" does); false if none. */
  skipStep(): boolean;
  ended(): boolean;
  /** A deep copy: changing it changes nothing in the game. */
  state(): unknown;
  log(): unknown;
  hash(): string | null;
  seed(): string | null;
  scenarioId(): string | null;
  /** Page coordinates (CSS pixels) of a service on the map, or null if not drawn. */
  servicePoint(id: string): ServicePoint | null;
  /**
   * How many drills started in this page are still in memory (weak references to each drill's simulation
   * state). After a garbage collection only the current drill should be: the restart test reads this.
   */
  liveDrills(): number;
  /** The interface language, and the text keys no language had (src/i18n): the Kiswahili test reads both. */
  language(): string;
  missingTexts(): string[];
  /** Scene-side locator, registered by the City scene while it runs. */
  locator: ((id: string) => ServicePoint | null) | null;
  /** Scene-side: the map's markers and texts as drawn now, registered by the City scene while it runs. */
  mapLayout: (() => MapLayoutView) | null;
}

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

export function installTestHook(session: SessionStore): CascadeTestHook {
  const game = (): GameStore | null => session.getState().game;
  const drills: WeakRef<object>[] = [];
  session.subscribe(
    (s) => s.game,
    (g) => {
      if (g) drills.push(new WeakRef(g.getState().sim.state));
    },
  );
  const hook: CascadeTestHook = {
    screen: () => session.getState().screen,
    tick: () => game()?.getState().sim.state.tick ?? null,
    waitingForAnswer: () => game()?.getState().waitingForAnswer ?? false,
    step: () => game()?.getState().step?.injectId ?? null,
    skipStep: () => {
      const g = game();
      if (!g?.getState().step) return false;
      g.getState().skipStep?.();
      return true;
    },
    ended: () => game()?.getState().ended ?? false,
    state: () => {
      const g = game();
      return g ? structuredClone(g.getState().sim.state) : null;
    },
    log: () => structuredClone(game()?.getState().log ?? []),
    hash: () => game()?.getState().hash() ?? null,
    seed: () => game()?.getState().seed ?? null,
    scenarioId: () => game()?.getState().scenario.id ?? null,
    liveDrills: () => drills.filter((r) => r.deref() !== undefined).length,
    language: () => currentLanguage(),
    missingTexts: () => missingKeys(),
    servicePoint: (id) => hook.locator?.(id) ?? null,
    locator: null,
    mapLayout: null,
  };
  window.__cascade = hook;
  return hook;
}
