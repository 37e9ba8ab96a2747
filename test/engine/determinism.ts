/**
 * A reusable determinism check in the spirit of GGRS's SyncTest and OpenRA's SyncReport: run the same thing
 * twice, compare the state hash after every tick, and on the first mismatch say which tick, which field
 * (firstDifference) and which commands were applied on that tick.
 *
 * The two runs advance in lockstep, so no state has to be kept: a divergence is explained from the two live
 * states at the moment it appears. (A plain list of per-tick hashes could only say *when* two runs diverged,
 * never *what* differed, which is the part that makes a desync fixable.) Running them interleaved also
 * exposes engine state shared between simulations, such as a module-level cache.
 */
import {
  applyDue,
  createSim,
  firstDifference,
  hashState,
  step,
  type LoggedCommand,
  type Scenario,
  type Sim,
  type SimState,
  type StateDifference,
} from '../../src/engine';

/** The state right after the step that simulated `tick`. */
export interface TickRecord {
  tick: number;
  state: SimState;
}

export type RunOnce = () => Iterable<TickRecord>;

export interface DeterminismReport {
  ok: boolean;
  /** Per-tick hashes of the first run, up to and including the first mismatch. */
  hashes: string[];
  /** The first tick after which the two runs' states differ. */
  tick?: number;
  difference?: StateDifference;
  /** The commands applied at the start of that tick. */
  commands?: LoggedCommand[];
}

export function checkDeterminism(runOnce: RunOnce, log: readonly LoggedCommand[] = []): DeterminismReport {
  const a = runOnce()[Symbol.iterator]();
  const b = runOnce()[Symbol.iterator]();
  const hashes: string[] = [];
  for (;;) {
    const ra = a.next();
    const rb = b.next();
    if (ra.done || rb.done) {
      if (ra.done && rb.done) return { ok: true, hashes };
      // One run went on longer than the other.
      const tick = (ra.done ? rb.value : ra.value).tick;
      return {
        ok: false,
        hashes,
        tick,
        difference: {
          path: '$ (run length)',
          a: ra.done ? 'ended' : 'running',
          b: rb.done ? 'ended' : 'running',
        },
      };
    }
    const ha = hashState(ra.value.state);
    const hb = hashState(rb.value.state);
    hashes.push(ha);
    if (ha !== hb || ra.value.tick !== rb.value.tick) {
      const tick = ra.value.tick;
      return {
        ok: false,
        hashes,
        tick,
        difference: firstDifference(ra.value.state, rb.value.state) ?? {
          path: '$.tick (record)',
          a: ra.value.tick,
          b: rb.value.tick,
        },
        commands: log.filter((c) => c.tick === tick),
      };
    }
  }
}

/** A readable one-liner for failure messages. */
export function describeReport(r: DeterminismReport): string {
  if (r.ok) return `deterministic over ${r.hashes.length} ticks`;
  const d = r.difference!;
  const cmds = r.commands?.length
    ? `; commands that tick: ${JSON.stringify(r.commands.map((c) => c.cmd))}`
    : '';
  return `runs diverge after tick ${r.tick}: ${d.path} is ${JSON.stringify(d.a)} vs ${JSON.stringify(d.b)}${cmds}`;
}

/**
 * Records a run tick by tick: commands due are applied before each step, as `run` does. `stepFn` lets a
 * test swap in a faulty step to prove the check catches it.
 */
export function recordRun(
  scenario: Scenario,
  seed: string | number,
  log: readonly LoggedCommand[],
  untilTick: number,
  stepFn: (sim: Sim) => void = step,
): RunOnce {
  const sorted = [...log].sort((x, y) => x.tick - y.tick);
  return function* () {
    const sim = createSim(scenario, seed);
    let cursor = 0;
    while (sim.state.tick < untilTick && !sim.state.ended) {
      const tick = sim.state.tick;
      cursor = applyDue(sim, sorted, cursor);
      stepFn(sim);
      yield { tick, state: sim.state };
    }
  };
}
