/**
 * Rumours: born from the state (a long outage × silence × grievance) or from the scenario's injects, spread
 * between segments by a seeded contagion model, and believed by a share of each segment. Belief changes
 * behaviour (the scenario says how: boycotts, panic withdrawals) and costs trust.
 */
import { pushLog } from './log';
import { postFeed } from './injects';
import { withRng } from './rng';
import { incidentOngoing, silenceTicks } from './queries';
import type { Sim } from './sim';
import { PEOPLE_PERIOD } from './workarounds';

export const BIRTH_BELIEF = 0.03;

export function spawnRumour(sim: Sim, r: number, belief: number, why: string): void {
  const { scenario, state } = sim;
  const rs = state.people.rumours[r]!;
  const def = scenario.people.rumours[r]!;
  if (!rs.born) {
    rs.born = true;
    rs.bornTick = state.tick;
    postFeed(sim, 'social', 'Trending', def.text, why);
    pushLog(state, 'people', `rumour '${def.id}' is spreading`, -1);
  }
  for (let g = 0; g < rs.belief.length; g++) rs.belief[g] = Math.max(rs.belief[g]!, belief);
}

export function updateRumours(sim: Sim): void {
  const { scenario, state } = sim;
  const defs = scenario.people.rumours;
  if (defs.length === 0) return;
  const minutes = PEOPLE_PERIOD / 60;
  const p = state.people;
  const silence = silenceTicks(sim.state);
  const outageMinutes = p.incidentTick >= 0 ? (state.tick - p.incidentTick) / 60 : 0;
  const grievance = 1 - p.trust[0]! / 100;
  let totalSize = 0;
  for (const g of scenario.segments) totalSize += g.size;
  withRng(state.rng.people, (next) => {
    for (let r = 0; r < defs.length; r++) {
      const def = defs[r]!;
      const rs = p.rumours[r]!;
      if (!rs.born) {
        if (
          !def.auto ||
          p.incidentTick < 0 ||
          silence < def.silenceTicks ||
          !incidentOngoing(sim.scenario, sim.state)
        )
          continue;
        // The longer the outage and the silence, and the less people trust us, the likelier it is born.
        const pressure = (outageMinutes / 60) * (silence / 3600) * grievance;
        const perMinute = Math.min(1, 0.3 + pressure);
        if (next() < 1 - Math.pow(1 - perMinute, minutes)) {
          spawnRumour(
            sim,
            r,
            BIRTH_BELIEF,
            `born from the outage (${Math.round(outageMinutes)} min), silence (${Math.round(silence / 60)} min) and low trust (${Math.round(p.trust[0]!)})`,
          );
        }
        continue;
      }
      let mean = 0;
      for (let g = 0; g < rs.belief.length; g++) mean += rs.belief[g]! * scenario.segments[g]!.size;
      mean = totalSize > 0 ? mean / totalSize : 0;
      const noise = 1 + 0.3 * (2 * next() - 1);
      let peak = 0;
      for (let g = 0; g < rs.belief.length; g++) {
        const b = rs.belief[g]!;
        const susceptibility = 0.4 + (1 - state.segments[g]!.trust / 100);
        const contact = 0.5 * b + 0.5 * mean;
        const grow = def.spread * contact * (1 - b) * susceptibility * noise * minutes;
        const fade = def.decay * b * minutes;
        const nb = Math.min(1, Math.max(0, b + grow - fade));
        rs.belief[g] = nb;
        peak = Math.max(peak, nb);
      }
      rs.peak = Math.max(rs.peak, peak);
    }
  });
}

/** Per segment need: demand multiplier from the rumours people believe (boycotts, panic). */
export function recomputeNeedFactors(sim: Sim): void {
  const { state, rt } = sim;
  rt.needFactor.fill(1);
  const hits = rt.rumourHits;
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const rs = state.people.rumours[hit.rumour]!;
    if (rs.born) rt.needFactor[hit.need]! *= 1 + (hit.factor - 1) * rs.belief[hit.segment]!;
  }
  rt.peopleDirty = false;
}
