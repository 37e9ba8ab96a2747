/**
 * Per-tick bookkeeping: running costs, time-weighted availability of critical services, and the running
 * score hook (the full, explained score breakdown is computed by the scoring system from these).
 */
import type { Sim } from './sim';

export function updateMetrics(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const m = state.metrics;
  if (rt.costPerTick > 0) {
    state.budgetKES -= rt.costPerTick;
    m.budgetSpentKES += rt.costPerTick;
  }
  let sum = 0;
  let count = 0;
  for (let s = 0; s < scenario.services.length; s++) {
    if (!scenario.services[s]!.critical) continue;
    sum += state.services[s]!.availability;
    count++;
  }
  m.criticalAvailabilitySum += count > 0 ? sum / count : 1;
  m.ticks++;
  m.score = runningScore(sim);
}

/**
 * 0..100: 60 % time-weighted availability of critical services, 40 % share of transaction value that
 * moved (rather than being lost or stuck). Deliberately simple and monotone: a hook, not the final score.
 */
export function runningScore(sim: Sim): number {
  const m = sim.state.metrics;
  const availability = m.ticks > 0 ? m.criticalAvailabilitySum / m.ticks : 1;
  const total = m.valueMovedKES + m.valueLostKES + m.valuePendingKES;
  const moved = total > 0 ? m.valueMovedKES / total : 1;
  return 100 * (0.6 * availability + 0.4 * moved);
}
