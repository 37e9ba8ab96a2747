/** Attack traffic arriving at each target this second, after the target's filters. */
import { VECTOR_COST } from './catalogue';
import { VECTOR_COUNT } from './runtime';
import type { Sim } from './sim';
import { ATTACK_VECTORS, type AttackKeyframe } from './types';

/** Piecewise-linear intensity; zero outside the keyframes' span. */
export function keyframeRps(frames: readonly AttackKeyframe[], tick: number): number {
  const n = frames.length;
  if (n === 0 || tick < frames[0]!.tick || tick > frames[n - 1]!.tick) return 0;
  for (let i = 1; i < n; i++) {
    const b = frames[i]!;
    if (tick <= b.tick) {
      const a = frames[i - 1]!;
      const span = b.tick - a.tick;
      return span <= 0 ? b.rps : a.rps + ((b.rps - a.rps) * (tick - a.tick)) / span;
    }
  }
  return frames[n - 1]!.rps;
}

const VECTOR_INDEX = new Map(ATTACK_VECTORS.map((v, i) => [v, i]));

export function computeAttack(sim: Sim): void {
  const { scenario, state, rt } = sim;
  rt.attackDirect.fill(0);
  rt.attackArriving.fill(0);
  const attacks = scenario.attacks;
  for (let a = 0; a < attacks.length; a++) {
    const def = attacks[a]!;
    const at = state.attacks[a]!;
    if (!at.on) continue;
    const rps = keyframeRps(def.keyframes, state.tick - at.offsetTicks) * at.factor;
    if (rps <= 0) continue;
    const slot = at.target * VECTOR_COUNT + VECTOR_INDEX.get(def.vector)!;
    const arriving = rps * state.attackJitter[a]! * VECTOR_COST[def.vector] * rt.upstreamPass[slot]!;
    rt.attackArriving[at.target]! += arriving;
    rt.attackDirect[at.target]! += arriving * rt.attackGeoPass[a]! * rt.attackPass[slot]!;
  }
}
