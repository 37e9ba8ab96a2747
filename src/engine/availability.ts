/**
 * "Are the critical services up?", asked in one place. The scenario marks the services that matter most
 * `critical`; their mean availability drives the availability score (time-weighted over the run), decides
 * whether an ETA given to the public was kept, and is what summaries and what-if comparisons report.
 * With no critical service the city counts as fully available (the validator warns about such scenarios).
 */
import type { DeepReadonly } from './readonly';
import type { Scenario, SimState } from './types';

/** Mean availability (0–1) of the critical services at this tick. */
export function criticalAvailabilityNow(scenario: Scenario, state: DeepReadonly<SimState>): number {
  let sum = 0;
  let count = 0;
  for (let s = 0; s < scenario.services.length; s++) {
    if (!scenario.services[s]!.critical) continue;
    sum += state.services[s]!.availability;
    count++;
  }
  return count > 0 ? sum / count : 1;
}

/**
 * Time-weighted availability (0–1) of the critical services over the ticks run so far: the mean of
 * `criticalAvailabilityNow` over every tick, as the metrics system accumulates it.
 */
export function criticalAvailabilityToDate(state: DeepReadonly<SimState>): number {
  const m = state.metrics;
  return m.ticks > 0 ? m.criticalAvailabilitySum / m.ticks : 1;
}
