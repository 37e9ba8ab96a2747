/**
 * Customers: whoever fails to transact becomes stranded and keeps retrying until they succeed or their
 * patience runs out; some of those who give up leave for a competitor. Customers are conserved:
 * active + stranded + churned = segment size, always.
 */
import type { Sim } from './sim';

export function updateCustomers(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const m = state.metrics;
  let strandedTotal = 0;
  let churnedTotal = 0;
  let pending = 0;
  for (let g = 0; g < scenario.segments.length; g++) {
    const def = scenario.segments[g]!;
    const seg = state.segments[g]!;
    const offset = rt.needOffset[g]!;
    // A goodwill gesture (free transfers) buys patience.
    const goodwill = state.tick < state.people.goodwillUntilTick ? 1.5 : 1;
    const giveUpRate = 1 / (def.patienceTicks * goodwill);
    let segStranded = 0;
    for (let k = 0; k < def.needs.length; k++) {
      const need = def.needs[k]!;
      const idx = offset + k;
      // Success over the channels the need's demand is split across (its own service and any workarounds).
      const routes = rt.routes[idx]!;
      // The split computeDemand drew this tick (splitNeed), not worked out again.
      const moved = rt.needMoved[idx]!;
      const shares = idx * rt.maxRoutes;
      let success = 0;
      for (let j = 0; j < routes.length; j++) {
        const share = rt.needRouteShare[shares + j]!;
        if (share <= 0) continue;
        success += share * state.services[scenario.people.workarounds[routes[j]!]!.to]!.availability;
      }
      success += (1 - moved) * rt.needPass[idx]! * state.services[need.service]!.availability;
      const arrivals = rt.needNew[idx]!;
      const retries = rt.needRetry[idx]!;
      const okNew = arrivals * success;
      const okRetry = retries * success;
      const stranded = seg.stranded[k]!;
      // Leaving the stranded pool can never exceed the pool (guards tiny patience/retry settings).
      const giveUp = Math.min(stranded - okRetry, stranded * giveUpRate);
      const next = Math.max(0, stranded + (arrivals - okNew) - okRetry - giveUp);
      seg.stranded[k] = next;
      seg.recovered += okRetry;
      seg.churned += giveUp * def.churnShare;
      seg.gaveUp += giveUp * (1 - def.churnShare);
      m.succeeded += okNew + okRetry;
      m.failed += arrivals - okNew + (retries - okRetry);
      m.valueMovedKES += (okNew + okRetry) * need.valueKES;
      m.valueLostKES += giveUp * need.valueKES;
      pending += next * need.valueKES;
      segStranded += next;
    }
    seg.active = Math.max(0, def.size - segStranded - seg.churned);
    strandedTotal += segStranded;
    churnedTotal += seg.churned;
  }
  m.stranded = strandedTotal;
  if (strandedTotal > m.strandedPeak) m.strandedPeak = strandedTotal;
  m.valuePendingKES = pending;
  m.churned = churnedTotal;
}
