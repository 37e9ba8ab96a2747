/**
 * The balance tool's shortcuts must not change a single result: the do-nothing play scored on the seed's
 * unattended run gives exactly what playing it gives, and batches keep each seed's jobs together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { batchesBySeed } from '../../src/balance/batches';
import { play } from '../../src/balance/play';
import { POLICIES } from '../../src/balance/policies';
import { doNothingIsUnattended, doNothingPlay } from '../../src/balance/unattended';
import { compile } from '../../src/scenario';

const load = (id: string): Scenario =>
  compile(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `scenarios/${id}.yaml`).scenario!;

describe('do-nothing scored on the unattended run', () => {
  it.each([
    ['nairobi-ddos-2023', ['3', '404']],
    ['tutorial', ['1', '2', '77']],
  ])('%s: the same total and components as playing it, to the last bit', (id, seeds) => {
    const scenario = load(id);
    expect(doNothingIsUnattended(scenario)).toBe(true);
    for (const seed of seeds) {
      const played = play(scenario, seed, POLICIES['do-nothing']!);
      expect(doNothingPlay(scenario, seed)).toEqual(played);
    }
  });

  it('is not used when a scenario condition reads the running score (an unattended run keeps none)', () => {
    const scenario = load('tutorial');
    const inject = scenario.injects[0]!;
    const readsScore = {
      ...scenario,
      injects: [{ ...inject, conditionSource: 'score < 50 and minutes > 3' }],
    };
    expect(doNothingIsUnattended(readsScore)).toBe(false);
    const mentionsScoring = { ...scenario, injects: [{ ...inject, conditionSource: 'scored_minutes > 3' }] };
    expect(doNothingIsUnattended(mentionsScoring)).toBe(true);
  });
});

describe('batches for the worker threads', () => {
  const jobs = ['1', '2', '3', '4', '5'].flatMap((seed) =>
    ['do-nothing', 'textbook', 'panic'].map((policy) => ({ policy, seed })),
  );

  it('hold whole seeds, about the target size, every job once and in order', () => {
    const batches = batchesBySeed(jobs, 8);
    expect(batches.map((b) => b.length)).toEqual([6, 6, 3]);
    expect(batches.flat()).toEqual(jobs);
    for (const b of batches)
      for (const seed of new Set(b.map((j) => j.seed)))
        expect(batches.filter((x) => x.some((j) => j.seed === seed))).toEqual([b]);
  });

  it('gives a seed with more jobs than the target a batch of its own, and groups a seed listed apart', () => {
    expect(batchesBySeed(jobs, 2).map((b) => b.length)).toEqual([3, 3, 3, 3, 3]);
    const scattered = [
      { policy: 'a', seed: '1' },
      { policy: 'a', seed: '2' },
      { policy: 'b', seed: '1' },
    ];
    expect(batchesBySeed(scattered, 8)).toEqual([[scattered[0], scattered[2], scattered[1]]]);
  });
});
