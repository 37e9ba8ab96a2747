/**
 * Autosave: the live drill is saved to browser storage every simulated minute, when it ends or is stopped, and
 * when the page is hidden or left (`pagehide`, `visibilitychange` → hidden). Replays are never saved (they
 * change nothing), nor are runs opened from a share link or a run file (they are someone else's finished drill,
 * already kept in the link or the file, and may be hostile: they never take the room of the player's own
 * saves); a fork is a new drill with its own key.
 *
 * THROTTLE. A save serialises the whole state (~50–100 kB for a four-hour drill). At 1× a simulated minute is
 * ten real seconds, so every minute is saved; at high speeds (or the test flag ?fast) minutes pass faster than
 * once a second, and a minute save is skipped if the last one was less than `minRealMs` ago. Ending, stopping
 * and leaving the page always save.
 *
 * The result of the last attempt is a status line (`status()`, `subscribe`) that the city shows: saving never
 * interrupts play, and a full storage is said in words (storage.ts drops the oldest save and retries).
 */
import { elapsedClock as clock } from '../../engine';
import { scenarioFingerprint } from '../../run/fit';
import { ENGINE_VERSION, scenarioHash } from '../../run/record';
import { makeSave, type Save } from '../../run/save';
import { t } from '../../i18n';
import type { GameStore, SessionStore } from '../../store';
import { writeSave, type KeyValueStore } from './storage';

export interface SaveStatus {
  kind: 'ok' | 'warning' | 'error';
  text: string;
}

export interface AutosaveOptions {
  /** localStorage, or null when the browser has none (then nothing is saved, and the status says so). */
  storage: KeyValueStore | null;
  /** Wall clock, for the "saved at" label only. */
  now: () => Date;
  /** A monotonic real-time clock in ms (performance.now), for the throttle. */
  realMs: () => number;
  minRealMs?: number;
  /** Where `pagehide` and `visibilitychange` are listened for (omitted in Node tests). */
  page?: { window: Window; document: Document };
}

export interface Autosaver {
  /** Save the live drill now (if there is one worth saving). */
  saveNow(): void;
  status(): SaveStatus | null;
  subscribe(listener: (status: SaveStatus | null) => void): () => void;
  dispose(): void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23 09:05:12": a label that also sorts in time order. */
export function savedAtLabel(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function drillSave(game: GameStore, savedAt: string): Save {
  const g = game.getState();
  return makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: g.scenario.id,
    scenarioHash: scenarioHash(g.scenario),
    scenarioFingerprint: scenarioFingerprint(g.scenario),
    seed: g.seed,
    commands: g.log,
    // makeSave deep-copies the state: the live one is never handed out.
    state: g.sim.state as Parameters<typeof makeSave>[0]['state'],
    // The menu lists seed, time and score next to it.
    // Named in the language of the page that saved it (the name is kept as written).
    name:
      g.origin?.kind === 'fork'
        ? t('saves:branchName', { title: g.scenario.meta.title })
        : g.scenario.meta.title,
    savedAt,
    // A drill ended with End drill opens as its debrief, never resumes; a live one resumes at its speed.
    stopped: g.stopped,
    stoppedBy: g.stoppedBy,
    speed: g.speed,
  });
}

/**
 * Worth saving: a live drill that has started (a drill at tick 0 with no order is just a menu choice), played
 * here (not a replay, not a run opened from a link or a file).
 */
function saveable(game: GameStore | null): game is GameStore {
  if (!game) return false;
  const g = game.getState();
  if (g.origin?.kind === 'link' || g.origin?.kind === 'file') return false;
  return g.replay === null && (g.sim.state.tick > 0 || g.log.length > 0);
}

export function installAutosave(session: SessionStore, options: AutosaveOptions): Autosaver {
  const minRealMs = options.minRealMs ?? 1000;
  const listeners = new Set<(status: SaveStatus | null) => void>();
  let status: SaveStatus | null = null;
  /** The drill the status is about: another drill's "Autosaved at T+01:32" must not show in a new one. */
  let statusDrill: string | null = null;
  let lastSaveMs = -Infinity;
  let unsubscribeGame: (() => void) | null = null;

  const setStatus = (next: SaveStatus | null, drillId: string | null) => {
    status = next;
    statusDrill = drillId;
    for (const l of listeners) l(status);
  };

  const save = (game: GameStore) => {
    if (!options.storage) {
      setStatus({ kind: 'error', text: t('saves:autosaveOff') }, game.getState().drillId);
      return;
    }
    lastSaveMs = options.realMs();
    const g = game.getState();
    const result = writeSave(options.storage, g.drillId, drillSave(game, savedAtLabel(options.now())), {
      ...g.roles,
    });
    const at = clock(g.sim.state.tick);
    if (!result.ok) {
      setStatus(
        {
          kind: 'error',
          text: t('saves:autosaveFailed', { reason: result.error }),
        },
        g.drillId,
      );
    } else if (result.dropped.length > 0) {
      const names = result.dropped.map((n) => t('saves:quoted', { name: n })).join(', ');
      setStatus(
        {
          kind: 'warning',
          text: t('saves:autosavedDropped', { at, names, count: result.dropped.length }),
        },
        g.drillId,
      );
    } else {
      setStatus({ kind: 'ok', text: t('saves:autosaved', { at }) }, g.drillId);
    }
  };

  const saveNow = () => {
    const game = session.getState().game;
    if (saveable(game)) save(game);
  };

  const watch = (game: GameStore | null) => {
    unsubscribeGame?.();
    unsubscribeGame = null;
    if (!game || game.getState().replay) return;
    // A new drill (a start, Play again, a fork, another save resumed) starts with no save status of its own.
    if (game.getState().drillId !== statusDrill && status !== null) setStatus(null, null);
    const offMinute = game.subscribe(
      (s) => Math.floor(s.sim.state.tick / 60),
      () => {
        if (options.realMs() - lastSaveMs >= minRealMs && saveable(game)) save(game);
      },
    );
    const offEnd = game.subscribe(
      (s) => s.ended || s.stopped,
      (over) => {
        if (over && saveable(game)) save(game);
      },
    );
    unsubscribeGame = () => {
      offMinute();
      offEnd();
    };
  };
  watch(session.getState().game);
  const unsubscribeSession = session.subscribe((s) => s.game, watch);

  const onHide = () => saveNow();
  const onVisibility = () => {
    if (options.page?.document.visibilityState === 'hidden') saveNow();
  };
  options.page?.window.addEventListener('pagehide', onHide);
  options.page?.document.addEventListener('visibilitychange', onVisibility);

  return {
    saveNow,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribeSession();
      unsubscribeGame?.();
      options.page?.window.removeEventListener('pagehide', onHide);
      options.page?.document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
