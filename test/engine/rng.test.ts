/**
 * RNG goldens. The engine's randomness is seedrandom's "alea", with its four-number state kept in SimState;
 * these tests pin the generator to its published output and prove that saving and restoring the state is
 * invisible to the sequence of draws.
 */
import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { aleaForTest, newRngState, withRng } from '../../src/engine/rng';
import type { RngState } from '../../src/engine/types';

/** seedrandom's own alea positioned at a saved state: the reference withRng's inlined generator must match. */
const referenceAlea = (
  seedrandom as unknown as {
    alea: (seed: string, o: { state: RngState }) => { (): number; state(): RngState };
  }
).alea;

describe('seeded RNG', () => {
  it("matches seedrandom's documented first draw for alea('hello.')", () => {
    // seedrandom README: `var myrng = new Math.seedrandom.alea('hello.'); console.log(myrng()); // 0.4783254903741181`
    expect(aleaForTest('hello.')()).toBe(0.4783254903741181);
  });

  it('continues identically after the state is saved and restored (even through JSON)', () => {
    const state = newRngState('42', 'demand');
    const saved = structuredClone(state);
    // Uninterrupted: ten draws in one go.
    const straight = withRng(saved, (next) => Array.from({ length: 10 }, () => next()));
    // Interrupted: five draws, save (as a save file would), restore into a fresh object, five more.
    const first = withRng(state, (next) => Array.from({ length: 5 }, () => next()));
    const restored = JSON.parse(JSON.stringify(state)) as typeof state;
    const second = withRng(restored, (next) => Array.from({ length: 5 }, () => next()));
    expect([...first, ...second]).toEqual(straight);
    // Both positions end in the same place.
    expect(restored).toEqual(saved);
  });

  it('advances the state in place (so the owning SimState stays the single source of truth)', () => {
    const state = newRngState('7', 'ops');
    const before = { ...state };
    withRng(state, (next) => next());
    expect(state).not.toEqual(before);
  });

  it('gives independent streams per name and identical streams for the same seed and name', () => {
    expect(newRngState('1', 'a')).not.toEqual(newRngState('1', 'b'));
    expect(newRngState('1', 'a')).not.toEqual(newRngState('2', 'a'));
    expect(newRngState('1', 'a')).toEqual(newRngState('1', 'a'));
    const drawsA = withRng(newRngState('1', 'a'), (next) => [next(), next(), next()]);
    const drawsB = withRng(newRngState('1', 'b'), (next) => [next(), next(), next()]);
    expect(drawsA).not.toEqual(drawsB);
  });

  it('keeps the state plain JSON numbers within [0, 1) for the draws', () => {
    const state = newRngState('x', 'attack');
    for (const v of Object.values(state)) expect(Number.isFinite(v)).toBe(true);
    const draws = withRng(state, (next) => Array.from({ length: 1000 }, () => next()));
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
  });

  it("draws bit for bit what seedrandom's alea draws from the same state, and leaves the same state", () => {
    for (const seed of ['1', '42', 'x', '9007199254740993']) {
      for (const stream of ['demand', 'people']) {
        const state = newRngState(seed, stream);
        const reference = referenceAlea('', { state: { ...state } });
        const ours = withRng(state, (next) => Array.from({ length: 2000 }, () => next()));
        const theirs = Array.from({ length: 2000 }, () => reference());
        expect(ours).toEqual(theirs);
        expect(state).toEqual(reference.state());
      }
    }
  });
});
