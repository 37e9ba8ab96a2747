/**
 * The session: everything around a drill — which screen is showing, the scenarios on offer (shipped ones and
 * files opened from disk, compiled with their diagnostics), the chosen scenario and seed, and the drill in
 * progress (a GameStore, created fresh for every start so nothing leaks from one run into the next).
 */
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Scenario } from '../engine';
import { compile, type Diagnostic } from '../scenario';
import { createGameStore, type GameStore } from './gameStore';

export type Screen = 'loading' | 'menu' | 'city' | 'debrief';

export interface ScenarioEntry {
  key: string;
  fileName: string;
  origin: 'shipped' | 'file';
  scenario: Scenario;
  /** Warnings only (a scenario with errors is never on offer). */
  warnings: Diagnostic[];
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

  setScreen(screen: Screen): void;
  /** Compile the shipped scenario files and preselect `defaultId` (or the first that compiled). */
  loadShipped(files: { fileName: string; text: string }[], defaultId: string): void;
  /** Compile a file opened from disk; if it compiles it joins the list and is selected. */
  openFile(fileName: string, text: string): FileReport;
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

export function createSession(options: SessionOptions): SessionStore {
  let fileCounter = 0;
  return createStore<SessionState>()(
    subscribeWithSelector((set, get) => ({
      screen: 'loading',
      scenarios: [],
      selectedKey: null,
      seed: options.seed,
      lastFile: null,
      shippedErrors: [],
      game: null,

      setScreen(screen) {
        if (get().screen !== screen) set({ screen });
      },

      loadShipped(files, defaultId) {
        const scenarios: ScenarioEntry[] = [];
        const shippedErrors: FileReport[] = [];
        for (const file of files) {
          const { scenario, diagnostics } = compile(file.text, file.fileName);
          if (scenario && !hasErrors(diagnostics)) {
            scenarios.push({
              key: `shipped:${file.fileName}`,
              fileName: file.fileName,
              origin: 'shipped',
              scenario,
              warnings: diagnostics,
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

      openFile(fileName, text) {
        const { scenario, diagnostics } = compile(text, fileName);
        const ok = scenario !== undefined && !hasErrors(diagnostics);
        const report: FileReport = { fileName, ok, diagnostics };
        if (ok) {
          const entry: ScenarioEntry = {
            key: `file:${++fileCounter}:${fileName}`,
            fileName,
            origin: 'file',
            scenario,
            warnings: diagnostics,
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
        const game = createGameStore({ scenario: entry.scenario, seed, rateScale: options.rateScale ?? 1 });
        set({ game, seed });
        return game;
      },

      leave() {
        set({ game: null });
      },
    })),
  );
}
