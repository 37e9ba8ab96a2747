/**
 * One drill in progress: the engine's Sim (owned privately), the command log, and the UI state around it.
 * Scenes and DOM panels read it through selectors and change it only through the actions below.
 *
 * PUBLISHED VIEW (`sim`). Copying the whole SimState every frame would cost more than the simulation itself,
 * so the store publishes the LIVE state object, wrapped in a new `{ state, frame }` object each time it
 * changes. Rules for readers:
 *   - never mutate `sim.state` (it is typed read-only; the engine is its only writer);
 *   - select `s.sim` (a new object on every change) or primitives (`s.sim.state.tick`), never a nested
 *     object such as `s.sim.state.services[0]` (same reference every frame, so a selector never sees it change);
 *   - to keep a value across frames, copy it (a number, or `structuredClone`).
 *
 * FRAMES. `frame(dtMs)` is the only thing a scene's update() calls: clock → n ticks → n engine steps →
 * exactly one setState. A frame that advances nothing (paused, ended, waiting for an answer) publishes nothing.
 *
 * COMMANDS. `issue(cmd)` stamps the command with the current tick, appends it to the log and applies it to
 * the engine at once. The engine only moves in `step`, so the state a command meets now is exactly the state
 * at the start of the next step: applying now is the same as applying "at the start of the next step" (which
 * is what `run`/`applyDue` do with the log when replaying), and it gives the player the engine's answer, and
 * the effect on the budget, immediately — even while paused. test/store checks that the log replays to the
 * same state hash with `run`.
 *
 * PAUSE. The clock stops while the player has paused, while a decision prompt that pauses is open
 * (`state.prompts[i].pause`), and once the drill has ended (or the facilitator stopped it). The engine is tick-driven, so pausing can
 * neither skip nor repeat an inject: a prompt stops the frame on the very tick it opens. A tutorial step
 * (`step`, tutorialSteps.ts) holds the clock the same way until the trainee has done it; like a pause, it is
 * not engine state, so the log replays exactly whether anyone waited or not.
 *
 * RECORDING (for the after-action report, src/run). After every step the store records a state hash each
 * simulated minute and the per-minute chart series (recording.ts) — private, mutable, never published, so the
 * frame still makes exactly one setState. `record()`, `series()` and `report()` read them on demand.
 *
 * ROLES. Who issued a command is a side table `roles: { [index in log]: role }`, stamped by `issue` with the
 * role chosen in the city (`setRole`). It is not part of the command: the engine, replays, hashes and share
 * links never see it; the report and the exported record carry it.
 *
 * HISTORY. A drill can start from a history instead of tick 0 (resume a save, take over from a replay, open a
 * shared or exported run): `options.history` fast-forwards the log headless, recording on the way, so charts
 * and checkpoints cover the whole run. A save's snapshot, when given, is the state play continues from (it is
 * what was saved, checked by its hash); if replaying the log does not reach the same hash (an engine change),
 * `origin.historyMatched` is false and the report says so.
 *
 * REPLAY. A store in replay mode (replayStore.ts) has the same shape, with `replay` set; commands are refused.
 */
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import {
  apply,
  hashState,
  restore,
  scoreBreakdown,
  step,
  type ApplyResult,
  type Command,
  type DeepReadonly,
  type LoggedCommand,
  type RejectionCode,
  type ScoreBreakdown,
  type Scenario,
  type Sim,
  type SimState,
} from '../engine';
import {
  buildReport,
  makeRecord,
  type ReportModel,
  type RunRecord,
  type RunWords,
  type Series,
  type WhatIfReport,
} from '../run';
import { advanceClock, MAX_FRAME_MS, ticksPerSecond, type Speed } from './clock';
import { fastForward, type Recording } from './recording';
import { StepTracker, type StepView } from './tutorialSteps';
import { uiActions } from './uiActions';

/** The published state is read-only all the way down (the engine's type: its queries accept it as it is). */
export type { DeepReadonly } from '../engine';

/** What scenes and panels read about the simulation: the live state, and a counter that changes with it. */
export interface SimView {
  readonly state: DeepReadonly<SimState>;
  /** Bumped on every publication (frame that advanced, or command applied). */
  readonly frame: number;
}

export type DecisionTab = 'mitigations' | 'messages' | 'workarounds';

/** The mitigation being prepared in the decision panel (its target is the selected service). */
export interface MitigationPlan {
  mitigation: string | null;
  region: string | null;
  dependsOn: string | null;
}

export interface Rejection {
  tick: number;
  cmd: Command;
  code: RejectionCode;
  message: string;
}

export interface GameState {
  readonly scenario: Scenario;
  readonly seed: string;
  sim: SimView;
  /** Every command issued, stamped with the tick at whose start it applies: scenario + seed + log = a replay. */
  log: readonly LoggedCommand[];
  /** The engine's answer to each entry of `log` (same index). */
  results: readonly ApplyResult[];
  /** The last command the engine turned down (cleared by the next accepted one). */
  lastRejection: Rejection | null;
  paused: boolean;
  speed: Speed;
  /** A decision prompt that pauses the clock is open. */
  waitingForAnswer: boolean;
  /**
   * The tutorial step the clock is holding for (tutorialSteps.ts), or null. Absent in a replay, which never holds.
   */
  step?: StepView | null;
  ended: boolean;
  /** The drill was ended early with End drill (the debrief shows the state at that moment). */
  stopped: boolean;
  /** Who ended it early, when known (a share link or a run file does not say). */
  stoppedBy: StoppedBy | null;
  /** Selected service id (map click, service chooser, [ and ]). */
  selected: string | null;
  decisionTab: DecisionTab;
  plan: MitigationPlan;
  help: boolean;
  /** Identifies this drill across autosaves (its storage key). A new start or a fork gets a new one. */
  readonly drillId: string;
  /** Who is at the keyboard now; stamped on each command issued (see ROLES). */
  role: string;
  /** Index in `log` → the role that issued it (a side table; see ROLES above). */
  roles: Readonly<Record<number, string>>;
  /** Set while replaying a recorded run (replayStore.ts); null in a live drill. */
  replay: ReplayView | null;
  /** Where this drill came from when it did not start at tick 0 in this page. */
  readonly origin: RunOrigin | null;

  /** `by`: who issued it when not the role at the keyboard (the facilitator's console says 'Facilitator'). */
  issue(cmd: Command, by?: string): ApplyResult;
  frame(dtMs: number): number;
  setPaused(paused: boolean): void;
  togglePause(): void;
  /**
   * End the drill now, before the scenario's end: no more steps, no more commands. `by`: who pressed End
   * drill (the debrief says it); the trainee's HUD button by default.
   */
  stop(by?: StoppedBy): void;
  setSpeed(speed: Speed): void;
  select(serviceId: string | null): void;
  /** Select the next (+1) or previous (-1) service in scenario order. */
  selectNext(delta: 1 | -1): void;
  setDecisionTab(tab: DecisionTab): void;
  setPlan(plan: Partial<MitigationPlan>): void;
  setHelp(open: boolean): void;
  /** Move on from the current tutorial step without it being done (the facilitator's way out). */
  skipStep?(): void;
  /** Hash of the current state (computed on demand: it serialises the whole state). */
  hash(): string;
  /** The engine's explained score breakdown for the current state (builds strings: call it when shown). */
  scoreBreakdown(): ScoreBreakdown;
  setRole(role: string): void;
  /** Replay only: jump to a tick (live drills ignore it). */
  seek(tick: number): void;
  /** Replay only: play faster than 8× (16×, 32×, 64× are 8× with a boost of 2, 4, 8). */
  setReplayBoost(boost: number): void;
  /** The run so far as a record (scenario identity, seed, log, minute checkpoints, final hash and score). */
  record(): RunRecord;
  /** The per-minute chart series so far (the live object: copy it to keep it). */
  series(): Series;
  /**
   * The after-action report of the state now (builds strings: call it when shown), its sentences in `words`
   * (English when not given: the JSON export keeps English).
   */
  report(whatIf?: WhatIfReport, words?: RunWords): ReportModel;
}

/** Who may end a drill early: the trainee (the HUD's End drill) or the facilitator (their console). */
export type StoppedBy = 'trainee' | 'facilitator';

/** The roles a command can be stamped with (the first is the default). */
export const ROLES = ['Commander', 'Network lead', 'Comms lead', 'Customer lead'] as const;

export interface ReplayView {
  /** The recorded run's last tick: the replay stops there. */
  readonly endTick: number;
  readonly atEnd: boolean;
  /** Speed multiplier on top of `speed` (1, 2, 4 or 8). */
  readonly boost: number;
  /** The determinism check made when the replay opened (verifyRecord), in words. */
  readonly verification: { readonly ok: boolean; readonly text: string };
  /** The finished drill this replay was opened from (the report to go back to). */
  readonly source: GameStore;
  /** The recorded commands before `tick`: the start of a new branch taken over there (Replayer.forkLog). */
  readonly forkLog: (tick: number) => LoggedCommand[];
}

export interface RunOrigin {
  kind: 'save' | 'link' | 'file' | 'fork' | 'studio';
  /** One line for the player: "Resumed from the save 'Morning drill'", "Opened from a share link". */
  label: string;
  /** The hash the run ended with where it was recorded (a link or a file): the debrief compares. */
  expectedHash?: string;
  /** The record this run was loaded from (a file): the replay verifies against it. */
  record?: RunRecord;
  /** False when replaying the saved log did not reproduce the saved state (the save is still what resumes). */
  historyMatched?: boolean;
}

export interface History {
  log: readonly LoggedCommand[];
  /** Rebuild up to this tick. */
  untilTick: number;
  roles?: Readonly<Record<number, string>>;
  /** A save's snapshot at `untilTick`: play continues from it. */
  state?: SimState;
  /** The run had been stopped early (End drill) at `untilTick`. */
  stopped?: boolean;
  /** Who stopped it, when the history says (a save does; a link or a run file does not). */
  stoppedBy?: StoppedBy;
}

export type GameStore = Mutate<StoreApi<GameState>, [['zustand/subscribeWithSelector', never]]>;

export interface GameStoreOptions {
  scenario: Scenario;
  seed: string | number;
  /** Multiplies the tick rate at every speed. 1 in play; the test flag `?fast=N` raises it. */
  rateScale?: number;
  /** A drill opens paused so the facilitator can brief the team first (default true). */
  startPaused?: boolean;
  speed?: Speed;
  maxFrameMs?: number;
  drillId?: string;
  role?: string;
  /** Start from this history instead of tick 0 (see HISTORY above). */
  history?: History;
  origin?: RunOrigin;
}

let drillCounter = 0;
/** A fresh drill id: unique within the page, and across pages by the time it was made. */
export function newDrillId(): string {
  return `${Date.now().toString(36)}-${(++drillCounter).toString(36)}`;
}

function blockingPrompt(state: SimState): boolean {
  return state.prompts.some((p) => p.pause);
}

export function createGameStore(options: GameStoreOptions): GameStore {
  const history = options.history ?? { log: [], untilTick: 0 };
  const rebuilt = fastForward(options.scenario, options.seed, history.log, history.untilTick);
  const recording: Recording = rebuilt.recording;
  let origin = options.origin ?? null;
  let sim: Sim = rebuilt.sim;
  if (history.state) {
    const matched = hashState(history.state) === hashState(rebuilt.sim.state);
    if (!matched) sim = restore(options.scenario, history.state);
    if (origin) origin = { ...origin, historyMatched: matched };
  }
  const roles: Record<number, string> = {};
  for (const [index, role] of Object.entries(history.roles ?? {})) {
    if (Number(index) < rebuilt.log.length) roles[Number(index)] = role;
  }
  const rateScale = options.rateScale && options.rateScale > 0 ? options.rateScale : 1;
  const maxFrameMs = options.maxFrameMs ?? MAX_FRAME_MS;
  // Clock remainder: private, nobody renders it, so changing it publishes nothing.
  let carry = 0;
  let frameCounter = 0;

  const view = (): SimView => ({ state: sim.state, frame: ++frameCounter });
  // Tutorial steps hold the clock like a pause (see tutorialSteps.ts): never part of the engine's state.
  const steps = new StepTracker(options.scenario);
  if (sim.state.tick > 0) steps.resumeAt(sim.state);
  let lastStep: StepView | null = null;
  // The same object while the same step holds, so a panel selecting `step` re-renders only when it changes.
  const pendingStep = (selected: string | null): StepView | null => {
    const next = steps.hasSteps ? steps.pending(sim, selected) : null;
    lastStep = next && lastStep && next.inject === lastStep.inject ? lastStep : next;
    return lastStep;
  };

  const store = createStore<GameState>()(
    subscribeWithSelector((set, get) => ({
      scenario: options.scenario,
      seed: sim.state.seed,
      sim: view(),
      log: rebuilt.log,
      results: rebuilt.results,
      lastRejection: null,
      paused: options.startPaused ?? true,
      speed: options.speed ?? 1,
      waitingForAnswer: blockingPrompt(sim.state),
      step: pendingStep(null),
      ended: sim.state.ended,
      stopped: (history.stopped ?? false) && !sim.state.ended,
      stoppedBy: (history.stopped ?? false) && !sim.state.ended ? (history.stoppedBy ?? null) : null,
      selected: null,
      decisionTab: 'mitigations',
      plan: { mitigation: null, region: null, dependsOn: null },
      help: false,
      drillId: options.drillId ?? newDrillId(),
      role: options.role ?? ROLES[0],
      roles,
      replay: null,
      origin,
      ...uiActions(options.scenario, set, get),

      issue(cmd, by) {
        const tick = sim.state.tick;
        if (get().stopped) {
          const message = 'the drill was stopped';
          set({ lastRejection: { tick, cmd, code: 'cmd/scenario-ended', message } });
          return { ok: false, code: 'cmd/scenario-ended', message };
        }
        const result = apply(sim, cmd);
        // After the end nothing is applied any more, and a replay stops there too: keep the log a faithful replay.
        if (!result.ok && result.code === 'cmd/scenario-ended') {
          set({ lastRejection: { tick, cmd, code: result.code, message: result.message } });
          return result;
        }
        const s = get();
        set({
          sim: view(),
          log: [...s.log, { tick, cmd }],
          results: [...s.results, result],
          roles: (by ?? s.role) ? { ...s.roles, [s.log.length]: by ?? s.role } : s.roles,
          lastRejection: result.ok ? null : { tick, cmd, code: result.code, message: result.message },
          waitingForAnswer: blockingPrompt(sim.state),
          step: pendingStep(s.selected),
          ended: sim.state.ended,
        });
        return result;
      },

      frame(dtMs) {
        const s = get();
        if (s.paused || s.ended || s.stopped || s.waitingForAnswer || s.step) {
          carry = 0; // resuming starts a fresh tick, not a leftover fraction from before the pause
          return 0;
        }
        const clock = advanceClock(carry, dtMs, ticksPerSecond(s.speed, rateScale), maxFrameMs);
        carry = clock.carry;
        let stepped = 0;
        while (stepped < clock.ticks) {
          step(sim);
          recording.onTick(sim);
          stepped++;
          if (sim.state.ended || blockingPrompt(sim.state) || pendingStep(s.selected)) {
            carry = 0; // the rest of this frame's time is dropped: the clock stops on this tick
            break;
          }
        }
        if (stepped === 0) return 0;
        set({
          sim: view(),
          waitingForAnswer: blockingPrompt(sim.state),
          step: pendingStep(s.selected),
          ended: sim.state.ended,
        });
        return stepped;
      },

      skipStep() {
        const current = get().step;
        if (!current) return;
        steps.skip(current.inject);
        set({ step: pendingStep(get().selected) });
      },

      stop(by = 'trainee') {
        if (!get().stopped && !get().ended) set({ stopped: true, stoppedBy: by });
      },
      hash() {
        return hashState(sim.state);
      },
      scoreBreakdown() {
        return scoreBreakdown(sim);
      },
      seek() {
        // A live drill has no past to jump to.
      },
      setReplayBoost() {
        // Live drills play at the four speeds only.
      },
      record() {
        return makeRecord(sim, get().log, recording.checkpoints);
      },
      series() {
        return recording.series;
      },
      report(whatIf, words) {
        const s = get();
        return buildReport(sim, s.log, recording.series, {
          whatIf,
          ...(words ? { words } : {}),
          roles: s.roles,
          hash: hashState(sim.state),
          stopped: s.stopped ? { by: s.stoppedBy ?? 'unknown' } : null,
        });
      },
    })),
  );
  // Selecting a service can finish a step ("select the portal"): selection is UI state, not a command.
  if (steps.hasSteps)
    store.subscribe(
      (st) => st.selected,
      (selected) => {
        const step = pendingStep(selected);
        if (step !== store.getState().step) store.setState({ step });
      },
    );
  return store;
}
