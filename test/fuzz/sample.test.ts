/**
 * A small sample of `npm run fuzz` in every `npm test`: the same cases and checks (mutated scenarios, random
 * command logs, tampered saves, links and run files), in this process. The seed is new on every run, so the
 * sample covers new ground each time; a failure names the seed and the case, and
 * `npm run fuzz -- --seed S --case I` runs it again. The full harness (worker threads, hang budget,
 * minimized reproductions) is `npm run fuzz`; see docs/reliability.md.
 */
import { describe, expect, it } from 'vitest';
import { loadBases, makeCase, SAMPLE_EVERY, type CaseKind } from '../../src/cli/fuzz/cases';
import { checkCase, Env, firstNonFinite } from '../../src/cli/fuzz/check';
import { applySteps, TEXT_STEPS, TREE_STEPS } from '../../src/cli/fuzz/scenarioMutations';

const CASES = 40;
const env = new Env(loadBases());

describe('fuzz sample', () => {
  it(`${CASES} cases give no finding`, () => {
    const seed = Math.floor(Math.random() * 2 ** 32).toString(36);
    const failures: string[] = [];
    for (let index = 0; index < CASES; index++) {
      const result = checkCase(makeCase(seed, index, env.bases), env);
      for (const f of result.findings)
        failures.push(
          `npm run fuzz -- --seed ${seed} --case ${index}: ${f.kind} at ${f.where}: ${f.message}`,
        );
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('a case is rebuilt exactly from its seed and index, and the four kinds all occur', () => {
    const kinds = new Set<CaseKind>();
    for (let index = 0; index < 30; index++) {
      const a = makeCase('same', index, env.bases);
      expect(makeCase('same', index, env.bases)).toEqual(a);
      expect(a.sample).toBe(index % SAMPLE_EVERY === 0);
      kinds.add(a.kind);
    }
    expect([...kinds].sort()).toEqual(['commands', 'save', 'scenario', 'share']);
    expect(makeCase('other', 1, env.bases)).not.toEqual(makeCase('same', 1, env.bases));
  });

  it('every mutation step changes the file', () => {
    const base = env.bases.find((b) => b.name === 'tutorial.yaml')!.text;
    for (const name of [...TREE_STEPS, ...TEXT_STEPS]) {
      // Some steps may pick a place where they change nothing; over a few seeds each one must bite.
      const changed = ['a', 'b', 'c', 'd', 'e'].some((seed) => applySteps(base, [{ name, seed }]) !== base);
      expect(changed, name).toBe(true);
    }
  });

  it('finds a non-finite number anywhere in a state, with its path', () => {
    expect(firstNonFinite({ a: [1, { b: 2 }], c: 'x' })).toBeUndefined();
    expect(firstNonFinite({ a: [1, { b: Number.NaN }] })).toBe('$.a[1].b = NaN');
    expect(firstNonFinite({ services: [{ utilisation: Infinity }] })).toBe(
      '$.services[0].utilisation = Infinity',
    );
  });
});
