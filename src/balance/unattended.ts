/**
 * The do-nothing play without a run of its own. Scoring any play needs its seed's unattended run
 * (engine/baseline.ts), and a policy that never acts plays exactly that run: the same state tick by tick, except
 * the running score, which an unattended run does not keep. So the balance tool scores do-nothing on the
 * unattended run's final state and saves one four-hour run per seed (a quarter of the work of
 * do-nothing,textbook,panic).
 *
 * The one way the running score could change what happens is a scenario condition that reads it (`score` in an
 * inject's `when`); such a scenario plays do-nothing as a run of its own, as before.
 */
import { restore, scoreBreakdown, type Scenario } from '../engine';
import { unattendedRun } from '../engine/baseline';
import type { PlayResult } from './play';

export const DO_NOTHING = 'do-nothing';

/** True when the do-nothing play of this scenario is its unattended run (no condition reads the score). */
export function doNothingIsUnattended(scenario: Scenario): boolean {
  return scenario.injects.every((i) => !/\bscore\b/.test(i.conditionSource));
}

/**
 * The do-nothing play's result, scored on the unattended run (which it also computes and caches as the seed's
 * baseline). Only for a scenario where doNothingIsUnattended holds.
 */
export function doNothingPlay(scenario: Scenario, seed: string): PlayResult {
  const { state } = unattendedRun(scenario, seed);
  // `restore` gives the final state a player's runtime, so the breakdown compares it with the baseline.
  const breakdown = scoreBreakdown(restore(scenario, state));
  const components: Record<string, number> = {};
  for (const c of breakdown.components) components[c.id] = c.value;
  return { total: breakdown.total, components, log: [], rejected: 0 };
}
