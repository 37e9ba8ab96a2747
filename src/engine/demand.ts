/**
 * Legitimate demand: what customers want to do this second, and the retries of those who failed.
 * New transactions come from active customers following the scenario's demand curve; stranded customers
 * retry by hand every few seconds; client software re-sends a share of the requests that failed last second.
 */
import type { Sim } from './sim';
import { splitNeed } from './workarounds';

/** Demand multiplier for the current simulated time of day (linear between the 24 hourly values). */
export function demandCurveAt(sim: Sim): number {
  const { scenario, state } = sim;
  const hours = scenario.startHour + state.tick / 3600;
  const h = Math.floor(hours);
  const frac = hours - h;
  const a = scenario.demandCurve[h % 24]!;
  const b = scenario.demandCurve[(h + 1) % 24]!;
  return a + (b - a) * frac;
}

export function computeDemand(sim: Sim): void {
  const { scenario, state, rt } = sim;
  rt.legitDirect.fill(0);
  rt.retryDirect.fill(0);
  const curve = demandCurveAt(sim);
  const segments = scenario.segments;
  for (let g = 0; g < segments.length; g++) {
    const def = segments[g]!;
    const seg = state.segments[g]!;
    const offset = rt.needOffset[g]!;
    const retryRate = rt.graph.retryRate[g]!;
    const perNeed = rt.graph.perNeed[g]!;
    for (let k = 0; k < def.needs.length; k++) {
      const need = def.needs[k]!;
      const idx = offset + k;
      const pass = rt.needPass[idx]!;
      // No more new transactions in a second than there are active customers to start them (keeps customers
      // conserved however extreme a scenario's demand or a rumour's panic factor).
      const arrivals = Math.min(
        seg.active * perNeed,
        ((seg.active * need.perHour) / 3600) * curve * seg.noise[k]! * rt.needFactor[idx]!,
      );
      const retries = seg.stranded[k]! * retryRate;
      rt.needNew[idx] = arrivals;
      rt.needRetry[idx] = retries;
      // Workarounds move part of this need's demand (new and retried) to another channel.
      const routes = rt.routes[idx]!;
      const moved = splitNeed(sim, g, idx);
      rt.needMoved[idx] = moved;
      const shares = idx * rt.maxRoutes;
      for (let j = 0; j < routes.length; j++) {
        const share = rt.routeShare[j]!;
        rt.needRouteShare[shares + j] = share;
        if (share <= 0) continue;
        const to = scenario.people.workarounds[routes[j]!]!.to;
        rt.legitDirect[to]! += arrivals * share;
        rt.retryDirect[to]! += retries * share;
      }
      rt.legitDirect[need.service]! += arrivals * (1 - moved) * pass;
      rt.retryDirect[need.service]! += retries * (1 - moved) * pass;
    }
  }
  // Apps and clients re-send part of what failed: the amplifier behind retry storms.
  const clientRetry = rt.graph.clientRetry;
  for (let s = 0; s < clientRetry.length; s++) {
    rt.retryDirect[s]! += state.services[s]!.failedLastTick * clientRetry[s]!;
  }
}

/** Complaints: stranded customers call the call centre (fewer when they trust what they are told). */
export function addComplaints(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const cc = scenario.people.callCentre;
  if (cc < 0) return;
  for (let g = 0; g < scenario.segments.length; g++) {
    const seg = state.segments[g]!;
    let stranded = 0;
    for (let k = 0; k < seg.stranded.length; k++) stranded += seg.stranded[k]!;
    rt.legitDirect[cc]! += ((stranded * scenario.segments[g]!.callsPerHour) / 3600) * (1.5 - seg.trust / 100);
  }
}
