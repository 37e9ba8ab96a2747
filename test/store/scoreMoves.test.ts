/**
 * "Why the score moved" (src/store/scoreMoves.ts): the HUD's sentence compares the score's parts now with those
 * a few minutes ago and names the harm behind the biggest move, or says nothing for a move under half a point.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSim, scoreParts, step, type ScoreParts } from '../../src/engine';
import { compile } from '../../src/scenario';
import { describeScoreMove, MOVE_THRESHOLD } from '../../src/store';

const scenario = compile(readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8'), 'nairobi.yaml').scenario!;

describe('describeScoreMove', () => {
  it('names the harm when the score falls: nobody acts as the flood takes the portal down', () => {
    const sim = createSim(scenario, '1');
    const byMinute: ScoreParts[] = [];
    while (sim.state.tick < 90 * 60) {
      if (sim.state.tick % 60 === 0) byMinute.push(scoreParts(sim.scenario, sim.state));
      step(sim);
    }
    // Unattended, the running score ends near 0 (harm equals the unattended harm) after starting near 100.
    expect(byMinute[0]!.total).toBeGreaterThan(95);
    expect(byMinute.at(-1)!.total).toBeLessThan(10);
    const m = byMinute.findIndex((p, i) => i >= 5 && byMinute[i - 5]!.total - p.total >= 5);
    expect(m).toBeGreaterThan(0);
    const text = describeScoreMove(byMinute[m - 5]!, byMinute[m]!, sim.state);
    expect(text).toMatch(/^−\d+\.\d since T\+\d\d:\d\d: /);
    expect(text).toMatch(/not healthy|down|stranded|lost or stuck|trust|rumour|heard/);
  });

  it('says nothing for a move under the threshold, and names what helped when it rises', () => {
    const base: ScoreParts = {
      tick: 600,
      total: 40,
      points: {
        availability: 10,
        valueMoved: 10,
        customers: 10,
        budget: 0,
        trust: 10,
        rumours: 0,
        honesty: 0,
      },
      harm: { downtime: 0, customerHours: 0, valueLostKES: 0, trustLost: 0, rumourPeak: 0 },
      baselineHarm: { downtime: 0, customerHours: 0, valueLostKES: 0, trustLost: 0, rumourPeak: 0 },
    };
    const state = createSim(scenario, '1').state;
    const tiny = { ...base, total: base.total + MOVE_THRESHOLD / 2 };
    expect(describeScoreMove(base, tiny, state)).toBe('');
    const up = { ...base, tick: 900, total: 46, points: { ...base.points, availability: 15, trust: 11 } };
    expect(describeScoreMove(base, up, state)).toBe('+6.0 since T+00:10: services coming back');
  });
});
