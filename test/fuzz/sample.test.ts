/**
 * A sample of `npm run fuzz` in every `npm test`: 2,000 cases of the real harness (src/cli/fuzz/sweep.ts: worker
 * threads on every core, a time budget per case, a case over it tried again alone with four times as long, then
 * a hang; the budget is longer here, see BUDGET_MS), with a new seed on every run, so the sample covers new
 * ground each time. Every case kind and check is the same as `npm run fuzz`, except that a scenario or commands
 * case runs the first simulated hour of its drill (MAX_TICKS) instead of all of it (four hours for the shipped
 * ones): 2,000 full cases took far longer than a test may (see docs/reliability.md, "In npm test"). A failure
 * names the seed and the case; `npm run fuzz -- --seed S --case I --max-ticks 3600` runs it again.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadBases, makeCase, SAMPLE_EVERY, type CaseKind } from '../../src/cli/fuzz/cases';
import { Env, firstNonFinite } from '../../src/cli/fuzz/check';
import { applySteps, TEXT_STEPS, TREE_STEPS } from '../../src/cli/fuzz/scenarioMutations';
import { sweep } from '../../src/cli/fuzz/sweep';

const CASES = 2_000;
/** The first simulated hour of each drill (see the header). */
const MAX_TICKS = 3_600;
/**
 * A case with no answer within 15 s (then 60 s alone) is a hang. `npm run fuzz` uses 5 s (then 20 s), but the
 * unit suite shares the cores with the other test files: in a run at load average 20, case 1218 of seed 1jha1so
 * (1.0 s alone in a worker) had not answered after 20 s.
 */
const BUDGET_MS = 15_000;
const env = new Env(loadBases());

describe('fuzz sample', () => {
  it(`${CASES} cases of the real harness, in worker threads, give no finding`, async () => {
    const seed = Math.floor(Math.random() * 2 ** 32).toString(36);
    const t0 = performance.now();
    const result = await sweep(
      { seed, cases: CASES, workers: availableParallelism(), budgetMs: BUDGET_MS, maxTicks: MAX_TICKS },
      env.bases,
    );
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(
      `fuzz sample: ${CASES} cases, seed ${seed}, ${seconds} s, ${result.failures.length} failing, ${result.retried} tried again after ${BUDGET_MS} ms`,
    );
    const failures = result.failures.flatMap((f) =>
      f.findings.map(
        (x) =>
          `npm run fuzz -- --seed ${seed} --case ${f.index} --max-ticks ${MAX_TICKS}: ${x.kind} at ${x.where}: ${x.message}`,
      ),
    );
    expect(failures, `fuzz seed ${seed}`).toEqual([]);
    // Every case was answered (none lost between the workers), and every kind occurred.
    const kinds = result.byKind;
    expect(kinds.scenario + kinds.commands + kinds.save + kinds.share).toBe(CASES);
    expect(Math.min(kinds.scenario, kinds.commands, kinds.save, kinds.share)).toBeGreaterThan(0);
  }, 3_600_000);

  it('a case that does not answer within its budget fails the sweep, named by its index', async () => {
    // 1 ms (then 4 ms alone) is less than any case takes: each is reported as a hang.
    const result = await sweep({ seed: 'budget', cases: 2, workers: 1, budgetMs: 1 }, env.bases);
    expect(result.failures.map((f) => [f.index, f.findings.map((x) => x.kind)])).toEqual([
      [0, ['hang']],
      [1, ['hang']],
    ]);
    expect(result.retried).toBe(2);
  }, 120_000);

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
