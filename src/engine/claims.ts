/**
 * What could be known when a claim was made. A claim is judged twice: by the truth when it comes out
 * (trust.ts, revealTruth), and here, by what the commander could see when it was said. An assurance nothing on
 * screen supported is a gamble even when it later proves true — the lesson of "no data has been accessed or
 * lost", said before any investigation. Only what a player can see counts as evidence:
 *
 * - "customer data is safe": only once the investigation has reported (the truth is revealed);
 * - a cause: "cyber-attack" needs attack traffic on the map; "glitch" or "maintenance" said while attack traffic
 *   is on the map contradicts what is on screen; "investigating" is never a gamble;
 * - a denial of a rumour: needs evidence (law or independent), not a bare denial;
 * - an ETA is not judged here but by the services it is about: those not healthy when it was given.
 */
import type { Sim } from './sim';
import type { Cause } from './types';

function attackVisible(sim: Sim): boolean {
  for (const s of sim.state.services) if (s.attackRps > 0) return true;
  return false;
}

export function causeIsGamble(sim: Sim, cause: Cause): boolean {
  if (cause === 'investigating') return false;
  return attackVisible(sim) ? cause !== 'cyber-attack' : cause === 'cyber-attack';
}

export function dataSafeIsGamble(sim: Sim): boolean {
  return !sim.state.people.revealed;
}

/** The services an ETA promises about: the critical ones not healthy now (all critical ones if none is). */
export function etaServices(sim: Sim): number[] {
  const { scenario, state } = sim;
  const critical = scenario.services.map((def, s) => (def.critical ? s : -1)).filter((s) => s >= 0);
  const hurt = critical.filter((s) => state.services[s]!.status !== 'healthy');
  return hurt.length > 0 ? hurt : critical;
}

/** An ETA is kept when every service it is about is back (≥ 90 % available) by its deadline. */
export function etaKept(sim: Sim, services: readonly number[]): boolean {
  return services.every((s) => sim.state.services[s]!.availability >= 0.9);
}
