/**
 * Per-tick bookkeeping: running costs, the harm tallies (time-weighted availability of critical services,
 * customer time stranded, how long the public went uninformed during the incident), and the running score,
 * updated once a simulated minute (the full, explained breakdown is ./scoring.ts, from the same numbers).
 */
import { scoreTotal } from './scoring';
import type { Sim } from './sim';
import { chargeRunningCosts } from './budget';

/** A statement keeps the public informed for this long; after that they need to hear again. */
export const INFORMED_TICKS = 30 * 60;

export function updateMetrics(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const m = state.metrics;
  chargeRunningCosts(sim);
  // criticalAvailabilityNow and incidentOngoing (availability.ts, queries.ts), over the precomputed list of
  // critical services instead of a scan of all of them: the same sum in the same order, every tick.
  const critical = rt.graph.critical;
  let sum = 0;
  let ongoing = false;
  for (let i = 0; i < critical.length; i++) {
    const st = state.services[critical[i]!]!;
    sum += st.availability;
    if (st.status !== 'healthy') ongoing = true;
  }
  m.criticalAvailabilitySum += critical.length > 0 ? sum / critical.length : 1;
  m.strandedSeconds += m.stranded;
  if (ongoing) {
    m.incidentTicks++;
    const last = state.people.lastStatementTick;
    if (last >= 0 && state.tick - last <= INFORMED_TICKS) m.informedTicks++;
  }
  m.ticks++;
  const last = state.tick + 1 >= scenario.durationTicks;
  if (!rt.isBaseline && (m.ticks % 60 === 0 || last)) m.score = scoreTotal(sim, last);
}
