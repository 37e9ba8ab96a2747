/**
 * The counterfactual every score is measured against: the same scenario and seed, played by nobody. The same
 * incident unfolds (the seed decides when the flood starts, how hard it grows, what else breaks), prompts time
 * out to their defaults, and nothing is ordered or said. Its harm, minute by minute, is what the commander's
 * harm is compared with: a component is the share of that harm the commander avoided. So doing nothing scores
 * about zero on every scenario and every seed, without an author tuning anything, and a seed whose incident is
 * hopeless does not punish the player for it.
 *
 * Computed once per (scenario, seed) and cached: a run is a few tens of milliseconds, and every run, replay,
 * what-if variant and balance policy on that seed shares it. The baseline is derived data, never saved: a
 * restored drill recomputes the same one.
 */
import { harmOf, type Harm } from './harm';
import { createSim, type Sim } from './sim';
import { step } from './step';
import type { Scenario, SimState } from './types';

export interface Baseline {
  /** Harm at the start of each simulated minute (index = minute). */
  byMinute: Harm[];
  /** Harm when the unattended drill ended (its full length, or when a script ended it). */
  final: Harm;
  finalTick: number;
}

const cache = new WeakMap<Scenario, Map<string, Baseline>>();
const PER_SCENARIO = 256;

export function computeBaseline(scenario: Scenario, seed: string): Baseline {
  return runUnattended(scenario, seed).baseline;
}

function runUnattended(scenario: Scenario, seed: string): { baseline: Baseline; state: SimState } {
  const sim = createSim(scenario, seed, { baseline: true });
  const byMinute: Harm[] = [harmOf(scenario, sim.state)];
  while (!sim.state.ended) {
    step(sim);
    if (sim.state.tick % 60 === 0) byMinute.push(harmOf(scenario, sim.state));
  }
  return {
    baseline: { byMinute, final: harmOf(scenario, sim.state), finalTick: sim.state.tick },
    state: sim.state,
  };
}

function remember(scenario: Scenario, seed: string, baseline: Baseline): void {
  let bySeed = cache.get(scenario);
  if (!bySeed) cache.set(scenario, (bySeed = new Map()));
  if (!bySeed.has(seed) && bySeed.size >= PER_SCENARIO) bySeed.delete(bySeed.keys().next().value!);
  bySeed.set(seed, baseline);
}

/** The unattended run of this scenario and seed (cached). */
export function baselineFor(scenario: Scenario, seed: string): Baseline {
  const cached = cache.get(scenario)?.get(seed);
  if (cached) return cached;
  const baseline = computeBaseline(scenario, seed);
  remember(scenario, seed, baseline);
  return baseline;
}

/**
 * The unattended run with its final state, its baseline cached as baselineFor would. For the balance tool: a
 * play that never acts is this same run (src/balance/unattended.ts), so it need not be simulated twice.
 */
export function unattendedRun(scenario: Scenario, seed: string): { baseline: Baseline; state: SimState } {
  const run = runUnattended(scenario, seed);
  remember(scenario, seed, run.baseline);
  return run;
}

/** The baseline for this drill (null for a baseline run itself). */
export function baselineOf(sim: Sim): Baseline | null {
  return sim.rt.isBaseline ? null : baselineFor(sim.scenario, sim.state.seed);
}

/** The baseline's harm at `tick` (its last minute before it, or its end). */
export function baselineHarmAt(baseline: Baseline, tick: number): Harm {
  if (tick >= baseline.finalTick) return baseline.final;
  return baseline.byMinute[Math.min(baseline.byMinute.length - 1, Math.floor(tick / 60))]!;
}
