/**
 * Running a whole drill headless: scenario + seed + command log → final state. The same function drives
 * the CLI, the tests, the benchmarks and the what-if analysis (src/run/whatif.ts), so they all see the same
 * engine.
 */
import { apply } from './commands';
import { createSim, type Sim } from './sim';
import { step } from './step';
import type { ApplyResult, LoggedCommand, Scenario } from './types';

export interface RunOptions {
  /** Stop before this tick (default: the scenario's end). */
  untilTick?: number;
  /** Called after every tick. */
  onTick?: (sim: Sim) => void;
  /** Called for each command with its result (rejections are part of a faithful replay, not errors). */
  onCommand?: (entry: LoggedCommand, result: ApplyResult) => void;
}

/** Applies the commands stamped for the current tick, in log order. `cursor` is the next unapplied entry. */
export function applyDue(
  sim: Sim,
  log: readonly LoggedCommand[],
  cursor: number,
  onCommand?: RunOptions['onCommand'],
): number {
  let i = cursor;
  while (i < log.length && log[i]!.tick <= sim.state.tick) {
    const entry = log[i]!;
    const result = apply(sim, entry.cmd);
    onCommand?.(entry, result);
    i++;
  }
  return i;
}

/** Advances `sim` to `untilTick` (or the end), applying due commands before each step. */
export function advance(
  sim: Sim,
  log: readonly LoggedCommand[],
  cursor: number,
  options: RunOptions = {},
): number {
  const until = Math.min(options.untilTick ?? sim.scenario.durationTicks, sim.scenario.durationTicks);
  let c = cursor;
  while (sim.state.tick < until && !sim.state.ended) {
    c = applyDue(sim, log, c, options.onCommand);
    step(sim);
    options.onTick?.(sim);
  }
  return c;
}

export function run(
  scenario: Scenario,
  seed: string | number,
  log: readonly LoggedCommand[] = [],
  options: RunOptions = {},
): Sim {
  const sim = createSim(scenario, seed);
  const sorted = [...log].sort((a, b) => a.tick - b.tick);
  advance(sim, sorted, 0, options);
  return sim;
}
