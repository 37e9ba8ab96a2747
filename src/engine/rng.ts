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
 */
export function withRng<T>(state: RngState, draw: (next: () => number) => T): T {
  const prng = alea('', { state });
  const result = draw(prng);
  const after = prng.state();
  state.c = after.c;
  state.s0 = after.s0;
  state.s1 = after.s1;
  state.s2 = after.s2;
  return result;
}

/** Exposed for the golden tests: the raw alea generator for a seed, as documented by seedrandom. */
export function aleaForTest(seed: string): () => number {
  return alea(seed, { state: true });
}
