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
 * neither skip nor repeat an inject: a prompt stops the frame on the very tick it opens.
 */
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import {
  apply,
  createSim,
  hashState,
  scoreBreakdown,
  step,
  type ApplyResult,
  type Command,
  type LoggedCommand,
  type RejectionCode,
  type ScoreBreakdown,
  type Scenario,
  type Sim,
  type SimState,
} from '../engine';
import { advanceClock, isSpeed, MAX_FRAME_MS, ticksPerSecond, type Speed } from './clock';

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

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
  ended: boolean;
  /** The facilitator ended the drill early (the debrief shows the state at that moment). */
  stopped: boolean;
  /** Selected service id (map click, service chooser, [ and ]). */
  selected: string | null;
  decisionTab: DecisionTab;
  plan: MitigationPlan;
  help: boolean;

  issue(cmd: Command): ApplyResult;
  frame(dtMs: number): number;
  setPaused(paused: boolean): void;
  togglePause(): void;
  /** End the drill now, before the scenario's end: no more steps, no more commands. */
  stop(): void;
  setSpeed(speed: Speed): void;
  select(serviceId: string | null): void;
  /** Select the next (+1) or previous (-1) service in scenario order. */
  selectNext(delta: 1 | -1): void;
  setDecisionTab(tab: DecisionTab): void;
  setPlan(plan: Partial<MitigationPlan>): void;
  setHelp(open: boolean): void;
  /** Hash of the current state (computed on demand: it serialises the whole state). */
  hash(): string;
  /** The engine's explained score breakdown for the current state (builds strings: call it when shown). */
  scoreBreakdown(): ScoreBreakdown;
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
}

function blockingPrompt(state: SimState): boolean {
  return state.prompts.some((p) => p.pause);
}

export function createGameStore(options: GameStoreOptions): GameStore {
  const sim: Sim = createSim(options.scenario, options.seed);
  const rateScale = options.rateScale && options.rateScale > 0 ? options.rateScale : 1;
  const maxFrameMs = options.maxFrameMs ?? MAX_FRAME_MS;
  // Clock remainder: private, nobody renders it, so changing it publishes nothing.
  let carry = 0;
  let frameCounter = 0;

  const view = (): SimView => ({ state: sim.state, frame: ++frameCounter });

  return createStore<GameState>()(
    subscribeWithSelector((set, get) => ({
      scenario: options.scenario,
      seed: sim.state.seed,
      sim: view(),
      log: [],
      results: [],
      lastRejection: null,
      paused: options.startPaused ?? true,
      speed: options.speed ?? 1,
      waitingForAnswer: false,
      ended: false,
      stopped: false,
      selected: null,
      decisionTab: 'mitigations',
      plan: { mitigation: null, region: null, dependsOn: null },
      help: false,

      issue(cmd) {
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
          lastRejection: result.ok ? null : { tick, cmd, code: result.code, message: result.message },
          waitingForAnswer: blockingPrompt(sim.state),
          ended: sim.state.ended,
        });
        return result;
      },

      frame(dtMs) {
        const s = get();
        if (s.paused || s.ended || s.stopped || s.waitingForAnswer) {
          carry = 0; // resuming starts a fresh tick, not a leftover fraction from before the pause
          return 0;
        }
        const clock = advanceClock(carry, dtMs, ticksPerSecond(s.speed, rateScale), maxFrameMs);
        carry = clock.carry;
        let stepped = 0;
        while (stepped < clock.ticks) {
          step(sim);
          stepped++;
          if (sim.state.ended || blockingPrompt(sim.state)) {
            carry = 0; // the rest of this frame's time is dropped: the clock stops on this tick
            break;
          }
        }
        if (stepped === 0) return 0;
        set({ sim: view(), waitingForAnswer: blockingPrompt(sim.state), ended: sim.state.ended });
        return stepped;
      },

      setPaused(paused) {
        if (get().paused !== paused) set({ paused });
      },
      togglePause() {
        set({ paused: !get().paused });
      },
      stop() {
        if (!get().stopped && !get().ended) set({ stopped: true });
      },
      setSpeed(speed) {
        if (isSpeed(speed) && get().speed !== speed) set({ speed });
      },
      select(serviceId) {
        const known = serviceId === null || options.scenario.services.some((x) => x.id === serviceId);
        if (known && get().selected !== serviceId) set({ selected: serviceId });
      },
      selectNext(delta) {
        const services = options.scenario.services;
        if (services.length === 0) return;
        const current = services.findIndex((x) => x.id === get().selected);
        const next =
          current < 0
            ? delta > 0
              ? 0
              : services.length - 1
            : (current + delta + services.length) % services.length;
        set({ selected: services[next]!.id });
      },
      setDecisionTab(tab) {
        if (get().decisionTab !== tab) set({ decisionTab: tab });
      },
      setPlan(plan) {
        set({ plan: { ...get().plan, ...plan } });
      },
      setHelp(open) {
        if (get().help !== open) set({ help: open });
      },
      hash() {
        return hashState(sim.state);
      },
      scoreBreakdown() {
        return scoreBreakdown(sim);
      },
    })),
  );
}
