/**
 * The session: everything around a drill — which screen is showing, the scenarios on offer (shipped ones and
 * files opened from disk, compiled with their diagnostics), the chosen scenario and seed, and the drill in
 * progress (a GameStore, created fresh for every start so nothing leaks from one run into the next).
 *
 * AFTER THE DRILL. A drill can also come from elsewhere than Start: a save (`resume`), a share link or an
 * exported run file (`openRun`: replayed headless to where it was recorded, then shown as finished), or a
 * replay (`openReplay` over the finished drill; `leaveReplay` goes back to it; `takeOver` forks a new live
 * drill from the replay's current tick). Each is a new GameStore in `game`; the scenes follow `game`.
 * `notice` is a line for the menu when one of these could not be done (unknown scenario, damaged link).
 */
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { elapsedClock, type LoggedCommand, type Scenario, type SimState } from '../engine';
import { scenarioHash, type RunRecord } from '../run/record';
import type { Save } from '../run/save';
// Types only: the compiler is not part of the page's start-up code (src/scenario/precompiled.ts); whoever
// opens a file compiles it (with `compileFile`, loaded on demand) and hands the result here.
import type { CompiledFile, Diagnostic } from '../scenario';
import { createGameStore, type GameStore } from './gameStore';
import { createReplayStore } from './replayStore';

export type Screen = 'loading' | 'menu' | 'city' | 'debrief';

export interface ScenarioEntry {
  key: string;
  fileName: string;
  origin: 'shipped' | 'file';
  scenario: Scenario;
  /** Warnings only (a scenario with errors is never on offer). */
  warnings: Diagnostic[];
  /** The source text (the what-if worker compiles it again: a compiled scenario holds functions). */
  text: string;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** A run recorded elsewhere: a share link or an exported run file. */
export interface RunToOpen {
  from: 'link' | 'file';
  scenarioId: string;
  /** When known (a file): a different hash means the scenario changed since the run was recorded. */
  scenarioHash?: string;
  seed: string;
  commands: LoggedCommand[];
  /** Where the recording ended (default: the scenario's end). */
  untilTick?: number;
  /** The final state hash where it was recorded. */
  expectedHash?: string;
  roles?: Record<number, string>;
  record?: RunRecord;
}

/** The outcome of compiling one file. */
export interface FileReport {
  fileName: string;
  ok: boolean;
  diagnostics: Diagnostic[];
}

export interface SessionState {
  screen: Screen;
  scenarios: ScenarioEntry[];
  selectedKey: string | null;
  seed: string;
  /** Diagnostics of the last file opened from disk (shown in the menu until the next one). */
  lastFile: FileReport | null;
  /** Shipped scenarios that failed to compile (a build problem: shown, never hidden). */
  shippedErrors: FileReport[];
  game: GameStore | null;
  notice: Notice | null;

  setScreen(screen: Screen): void;
  setNotice(notice: Notice | null): void;
  /** Continue a saved drill from its snapshot (null, with a notice, if its scenario is not on offer). */
  resume(save: Save, drillId: string, roles?: Record<number, string>): GameStore | null;
  /** Open a shared or exported run as a finished drill (null, with a notice, if its scenario is not on offer). */
  openRun(run: RunToOpen): GameStore | null;
  /** Replay the finished drill in `game` (time travel). */
  openReplay(): GameStore | null;
  /** Back from a replay to the finished drill it was opened from. */
  leaveReplay(): void;
  /** Fork: a new live drill from the replay's current tick, with the recorded commands before it. */
  takeOver(): GameStore | null;
  /** Offer the compiled shipped scenario files and preselect `defaultId` (or the first that compiled). */
  loadShipped(files: CompiledFile[], defaultId: string): void;
  /** A compiled file opened from disk: if it has no error it joins the list and is selected. */
  openFile(file: CompiledFile): FileReport;
  select(key: string): void;
  setSeed(seed: string): void;
  /** Start the selected scenario with the current seed; null if there is nothing to start. */
  start(): GameStore | null;
  /** Drop the drill (back to the menu). */
  leave(): void;
}

export type SessionStore = Mutate<StoreApi<SessionState>, [['zustand/subscribeWithSelector', never]]>;

export interface SessionOptions {
  /** Seed shown when the menu first opens (the UI fills a random concrete number). */
  seed: string;
  /** Passed to every GameStore (test flag ?fast=N). */
  rateScale?: number;
}

export const MAX_SEED_LENGTH = 40;

function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The scenario a run or save refers to: by id, preferring the exact compiled scenario it was recorded with. */
export function findScenario(
  scenarios: readonly ScenarioEntry[],
  id: string,
  hash?: string,
  origins: ScenarioEntry['origin'][] = ['shipped', 'file'],
): ScenarioEntry | undefined {
  const candidates = scenarios.filter((e) => e.scenario.id === id && origins.includes(e.origin));
  return (hash && candidates.find((e) => scenarioHash(e.scenario) === hash)) || candidates[0];
}

export function createSession(options: SessionOptions): SessionStore {
  let fileCounter = 0;
  const rateScale = options.rateScale ?? 1;
  return createStore<SessionState>()(
    subscribeWithSelector((set, get) => ({
      screen: 'loading',
      scenarios: [],
      selectedKey: null,
      seed: options.seed,
      lastFile: null,
      shippedErrors: [],
      game: null,
      notice: null,

      setScreen(screen) {
        if (get().screen !== screen) set({ screen });
      },

      setNotice(notice) {
        set({ notice });
      },

      resume(save, drillId, roles) {
        const entry = findScenario(get().scenarios, save.scenarioId, save.scenarioHash);
        const state = save.snapshot as unknown as SimState;
        if (!entry) {
          set({
            notice: {
              kind: 'error',
              text: `Cannot resume “${save.name}”: its scenario “${save.scenarioId}” is not loaded. Open the scenario file first.`,
            },
          });
          return null;
        }
        // An ended drill is rebuilt to its natural end: one ended by an inject ends inside the step at its last
        // tick without the tick advancing, so "until its tick" would stop one step short (see replayableRecord).
        const untilTick = state.ended ? entry.scenario.durationTicks : state.tick;
        const game = createGameStore({
          scenario: entry.scenario,
          seed: save.seed,
          rateScale,
          drillId,
          // A live drill resumes at the speed it was saved at; one ended with End drill stays ended.
          speed: save.speed,
          history: {
            log: save.commands as LoggedCommand[],
            untilTick,
            state,
            roles,
            stopped: save.stopped === true,
            ...(save.stoppedBy ? { stoppedBy: save.stoppedBy } : {}),
          },
          origin: {
            kind: 'save',
            label: `Resumed from the save “${save.name}” at ${elapsedClock(state.tick)}.`,
          },
        });
        set({ game, seed: save.seed, notice: null });
        return game;
      },

      openRun(run) {
        // A link names a shipped scenario (the receiver has the same build); a file may use one opened from disk.
        const origins: ScenarioEntry['origin'][] = run.from === 'link' ? ['shipped'] : ['shipped', 'file'];
        const entry = findScenario(get().scenarios, run.scenarioId, run.scenarioHash, origins);
        const what = run.from === 'link' ? 'This share link' : 'This run file';
        if (!entry) {
          set({
            notice: {
              kind: 'error',
              text: `${what} is for the scenario “${run.scenarioId}”, which is not ${run.from === 'link' ? 'one of the shipped scenarios' : 'loaded: open the scenario file first'}.`,
            },
          });
          return null;
        }
        const changed = run.scenarioHash !== undefined && run.scenarioHash !== scenarioHash(entry.scenario);
        const label =
          `${run.from === 'link' ? 'Opened from a share link' : 'Opened from a run file'}: replayed here from the start.` +
          (changed
            ? ' The scenario has changed since the run was recorded, so it may not replay the same.'
            : '');
        const make = (untilTick: number) =>
          createGameStore({
            scenario: entry.scenario,
            seed: run.seed,
            rateScale,
            history: { log: run.commands, untilTick, roles: run.roles, stopped: true },
            origin: { kind: run.from, label, expectedHash: run.expectedHash, record: run.record },
          });
        const duration = entry.scenario.durationTicks;
        let game = make(run.untilTick ?? duration);
        // A record does not say whether its drill ENDED at finalTick (an inject's end effect, inside the step at
        // that tick) or was stopped there. If "stopped" does not reproduce the recorded hash, try "ended".
        const g = game.getState();
        if (run.expectedHash !== undefined && g.hash() !== run.expectedHash && g.sim.state.tick < duration) {
          const ended = make(duration);
          const e = ended.getState();
          if (e.ended && e.sim.state.tick === g.sim.state.tick && e.hash() === run.expectedHash) game = ended;
        }
        set({ game, seed: run.seed, notice: null, selectedKey: entry.key });
        return game;
      },

      openReplay() {
        const game = get().game;
        if (!game) return null;
        const g = game.getState();
        if (g.replay || !(g.ended || g.stopped)) return null;
        const replay = createReplayStore({
          source: game,
          record: g.origin?.record ?? g.record(),
          rateScale,
          onExit: () => get().leaveReplay(),
        });
        set({ game: replay });
        return replay;
      },

      leaveReplay() {
        const replay = get().game?.getState().replay;
        if (replay) set({ game: replay.source });
      },

      takeOver() {
        const game = get().game;
        const r = game?.getState();
        if (!r?.replay) return null;
        const tick = r.sim.state.tick;
        const log = r.replay.forkLog(tick);
        const fork = createGameStore({
          scenario: r.scenario,
          seed: r.seed,
          rateScale,
          speed: r.speed,
          role: r.role,
          history: { log, untilTick: tick, roles: r.roles },
          origin: {
            kind: 'fork',
            label: `Taken over from a replay at ${elapsedClock(tick)}: a new branch of the drill.`,
          },
        });
        set({ game: fork });
        return fork;
      },

      loadShipped(files, defaultId) {
        const scenarios: ScenarioEntry[] = [];
        const shippedErrors: FileReport[] = [];
        for (const file of files) {
          const { scenario, diagnostics } = file.compiled;
          if (scenario && !hasErrors(diagnostics)) {
            scenarios.push({
              key: `shipped:${file.fileName}`,
              fileName: file.fileName,
              origin: 'shipped',
              scenario,
              warnings: diagnostics,
              text: file.text,
            });
          } else {
            shippedErrors.push({ fileName: file.fileName, ok: false, diagnostics });
          }
        }
        const preferred = scenarios.find((e) => e.scenario.id === defaultId) ?? scenarios[0];
        set({
          scenarios: [...scenarios, ...get().scenarios.filter((e) => e.origin === 'file')],
          shippedErrors,
          selectedKey: get().selectedKey ?? preferred?.key ?? null,
        });
      },

      openFile({ fileName, text, compiled }) {
        const { scenario, diagnostics } = compiled;
        const ok = scenario !== undefined && !hasErrors(diagnostics);
        const report: FileReport = { fileName, ok, diagnostics };
        if (ok) {
          const entry: ScenarioEntry = {
            key: `file:${++fileCounter}:${fileName}`,
            fileName,
            origin: 'file',
            scenario,
            warnings: diagnostics,
            text,
          };
          set({ scenarios: [...get().scenarios, entry], selectedKey: entry.key, lastFile: report });
        } else {
          set({ lastFile: report });
        }
        return report;
      },

      select(key) {
        if (get().scenarios.some((e) => e.key === key)) set({ selectedKey: key });
      },

      setSeed(seed) {
        set({ seed: seed.slice(0, MAX_SEED_LENGTH) });
      },

      start() {
        const s = get();
        const entry = s.scenarios.find((e) => e.key === s.selectedKey);
        const seed = s.seed.trim();
        if (!entry || seed === '') return null;
        const game = createGameStore({ scenario: entry.scenario, seed, rateScale });
        set({ game, seed, notice: null });
        return game;
      },

      leave() {
        set({ game: null });
      },
    })),
  );
}
