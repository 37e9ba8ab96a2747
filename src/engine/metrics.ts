/**
 * Per-tick bookkeeping: running costs, time-weighted availability of critical services, and the running
 * score hook (the full, explained score breakdown is computed by the scoring system from these).
 */
import { scoreTotal } from './scoring';
import type { Sim } from './sim';
import { workaroundCostPerTick } from './workarounds';

export function updateMetrics(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const m = state.metrics;
  const cost = rt.costPerTick + workaroundCostPerTick(sim);
  if (cost > 0) {
    state.budgetKES -= cost;
    m.budgetSpentKES += cost;
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
  if (m.ticks % 10 === 0 || state.tick + 1 >= sim.scenario.durationTicks) m.score = scoreTotal(sim);
}
