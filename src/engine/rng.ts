/**
 * Seeded randomness with its state inside SimState.
 *
 * We use seedrandom's "alea" generator: its whole state is four numbers, so it sits in the JSON state as a
 * plain object and is cheap to save and restore. Each subsystem has its own named stream (demand noise,
 * attack jitter, operational risks, ...) so that a new draw in one system does not shift every other
 * outcome. Draws are batched (`withRng`) because rebuilding a generator from its state costs more than a draw.
 */
import seedrandom from 'seedrandom';
import type { RngState } from './types';

interface StatefulPrng {
  (): number;
  state(): RngState;
}

type AleaFactory = (seed: string, options: { state: boolean | RngState }) => StatefulPrng;

// The typings declare alea as a constructor-like function; at run time it is a plain factory.
const alea = (seedrandom as unknown as { alea: AleaFactory }).alea;

/** A fresh stream for `seed` and a stream name: independent per name, identical for the same pair. */
export function newRngState(seed: string, stream: string): RngState {
  return alea(`${seed}\u0000${stream}`, { state: true }).state();
}

/**
 * Runs `draw` with a generator positioned at `state`, then writes the advanced position back into `state`
 * (in place, so the SimState that owns it stays the single source of truth).
 *
 * The generator is alea's `next` step written out over four local numbers, rather than a seedrandom generator
 * rebuilt from the state: rebuilding one hashes its (empty) seed and allocates a generator object every call,
 * which the people systems do every 10 simulated seconds. The draws are bit for bit the same (test/engine/rng.test.ts
 * compares them with seedrandom's own alea).
 */
export function withRng<T>(state: RngState, draw: (next: () => number) => T): T {
  let { c, s0, s1, s2 } = state;
  const next = (): number => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    c = t | 0;
    return (s2 = t - c);
  };
  const result = draw(next);
  state.c = c;
  state.s0 = s0;
  state.s1 = s1;
  state.s2 = s2;
  return result;
}

/** Exposed for the golden tests: the raw alea generator for a seed, as documented by seedrandom. */
export function aleaForTest(seed: string): () => number {
  return alea(seed, { state: true });
}
