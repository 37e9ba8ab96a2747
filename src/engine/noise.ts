/**
 * Random variation, redrawn once per simulated minute: demand noise per segment need and attack jitter.
 * Once a minute is realistic for traffic noise and keeps RNG work out of most ticks.
 */
import { withRng } from './rng';
import type { Sim } from './sim';

export const DEMAND_NOISE = 0.08;

export function redrawNoise(sim: Sim): void {
  const { scenario, state } = sim;
  withRng(state.rng.demand, (next) => {
    for (const seg of state.segments) {
      for (let k = 0; k < seg.noise.length; k++) seg.noise[k] = 1 + DEMAND_NOISE * (2 * next() - 1);
    }
  });
  withRng(state.rng.attack, (next) => {
    for (let a = 0; a < scenario.attacks.length; a++) {
      state.attackJitter[a] = 1 + scenario.attacks[a]!.jitter * (2 * next() - 1);
    }
  });
}
