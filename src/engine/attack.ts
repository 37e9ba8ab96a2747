/** Attack traffic arriving at each target this second, after the target's filters. */
import { VECTOR_COST } from './catalogue';
import { VECTOR_COUNT } from './runtime';
import type { Sim } from './sim';
import { ATTACK_VECTORS, type AttackKeyframe, type AttackState } from './types';

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

/** An attack's requests per second at `tick`, with this seed's start, strength and curve (./variation.ts). */
export function attackRpsAt(
  frames: readonly AttackKeyframe[],
  at: Readonly<Pick<AttackState, 'offsetTicks' | 'factor'>> & { readonly curve?: readonly number[] },
  tick: number,
): number {
  const t = tick - at.offsetTicks;
  const curve = at.curve;
  if (!curve) return keyframeRps(frames, t) * at.factor;
  const n = frames.length;
  if (n === 0 || t < frames[0]!.tick || t > frames[n - 1]!.tick) return 0;
  for (let i = 1; i < n; i++) {
    const b = frames[i]!;
    if (t <= b.tick) {
      const a = frames[i - 1]!;
      const ra = a.rps * curve[i - 1]!;
      const rb = b.rps * curve[i]!;
      const span = b.tick - a.tick;
      return (span <= 0 ? rb : ra + ((rb - ra) * (t - a.tick)) / span) * at.factor;
    }
  }
  return frames[n - 1]!.rps * curve[n - 1]! * at.factor;
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
    const rps = attackRpsAt(def.keyframes, at, state.tick);
    if (rps <= 0) continue;
    const vector = at.vector ?? def.vector;
    const slot = at.target * VECTOR_COUNT + VECTOR_INDEX.get(vector)!;
    const arriving = rps * state.attackJitter[a]! * VECTOR_COST[vector] * rt.upstreamPass[slot]!;
    rt.attackArriving[at.target]! += arriving;
    rt.attackDirect[at.target]! += arriving * rt.attackGeoPass[a]! * rt.attackPass[slot]!;
  }
}
