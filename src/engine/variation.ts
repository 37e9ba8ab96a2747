/**
 * The seed varies the incident itself, not just noise on top of it: when each attack starts, how strong it is
 * and the shape of its curve, and which unrelated background faults strike where and when. Without this a
 * seeded drill played the same every time (the expert play gave 9 distinct totals over 1,000 seeds), a class
 * of trainees all saw the same incident, and a replay with another seed taught nothing new.
 *
 * Sometimes an attack also comes with another vector than the author wrote (`vectorChange`), so the filter
 * that worked last time may not.
 *
 * Everything is drawn once, at tick 0, from its own stream ("incident"), so it never shifts the draws of the
 * other systems, and it is stored in the state (attack offsets, factors and curves; the faults), so a save or
 * replay carries the incident it was played on. The scenario bounds it (`variation:`; all zero turns it off).
 */
import { hashText } from './hash';
import { pushLog } from './log';
import { newRngState, withRng } from './rng';
import type { Sim } from './sim';
import { ATTACK_VECTORS, type AttackState, type FaultState, type Scenario } from './types';

const MIN = 60;
export const NO_VARIATION = { startTicks: 0, intensity: 0, faults: 0, vectorChange: 0 } as const;
/** A background fault halves a service's capacity. */
const FAULT_FACTOR = 0.5;

export function drawIncident(scenario: Scenario, seed: string, attacks: AttackState[]): FaultState[] {
  // A scenario built in code without `variation` (the engine's test cities) plays the same incident every seed.
  const v = scenario.variation ?? NO_VARIATION;
  return withRng(newRngState(seed, 'incident'), (next) => {
    scenario.attacks.forEach((def, a) => {
      const at = attacks[a]!;
      const u = next();
      if (!def.startsOff && v.startTicks > 0)
        at.offsetTicks = Math.round(((u * 4) / 3 - 1 / 3) * v.startTicks);
      at.factor = 1 + v.intensity * (2 * next() - 1);
      if (v.intensity > 0) at.curve = def.keyframes.map(() => 1 + (v.intensity / 2) * (2 * next() - 1));
      // Sometimes the attackers bring another weapon: the filters that worked on the authored vector may not.
      const others = ATTACK_VECTORS.filter((x) => x !== def.vector);
      if (next() < v.vectorChange) at.vector = others[Math.floor(next() * others.length)];
    });
    const faults: FaultState[] = [];
    const candidates = scenario.services
      .map((s, i) => (s.kind === 'call-centre' ? -1 : i))
      .filter((i) => i >= 0);
    const window = scenario.durationTicks - 60 * MIN;
    if (v.faults === 0 || candidates.length === 0 || window <= 0) return faults;
    const count = Math.floor(next() * (v.faults + 1));
    for (let f = 0; f < count; f++) {
      const service = candidates[Math.floor(next() * candidates.length)]!;
      const startTick = 20 * MIN + Math.floor(next() * window);
      const endTick = startTick + 20 * MIN + Math.floor(next() * 20 * MIN);
      faults.push({ service, startTick, endTick, factor: FAULT_FACTOR, active: false });
    }
    return faults;
  });
}

/**
 * This seed's factor for the length of a scripted failure (inject `inject`): 1 ± the scenario's intensity. A
 * hash of seed and inject, not a draw, so it needs no stream position and the same failure is always as long.
 */
export function faultLengthFactor(sim: Sim, inject: number): number {
  const v = sim.scenario.variation ?? NO_VARIATION;
  if (v.intensity === 0) return 1;
  const u =
    Number.parseInt(hashText(`${sim.state.seed}\u0000fail\u0000${inject}`).slice(-8), 16) / 0xffffffff;
  return 1 + v.intensity * (2 * u - 1);
}

/**
 * A share in [0, 1) fixed by the seed and `key` (a hash, not a draw: it needs no stream position, so asking
 * for it never shifts the other systems' draws).
 */
export function seededShare(sim: Sim, key: string): number {
  return Number.parseInt(hashText(`${sim.state.seed}\u0000${key}`).slice(-8), 16) / 0x100000000;
}

/** Switches background faults on and off at their ticks and derives the capacity multiplier they impose. */
export function updateFaults(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const faults = state.faults;
  rt.faultFactor.fill(1);
  if (!faults) return;
  for (const fault of faults) {
    const active = state.tick >= fault.startTick && state.tick < fault.endTick;
    if (active !== fault.active) {
      fault.active = active;
      const name = scenario.services[fault.service]!.name;
      pushLog(
        state,
        'note',
        active
          ? `${name} lost half its capacity (an unrelated fault: a failed disk, a bad deployment)`
          : `${name}'s unrelated fault was repaired`,
        fault.service,
      );
    }
    if (active) rt.faultFactor[fault.service]! *= fault.factor;
  }
}
