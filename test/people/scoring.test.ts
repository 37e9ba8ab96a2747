/**
 * The score breakdown (src/engine/scoring.ts): seven components, each 0–100, weighted by the scenario's weights
 * (normalised by their sum); points = value × weight / Σ weights; total = Σ points. The harm components are the
 * share of the unattended run's harm avoided; honesty is the informed share of the incident less 30 % per claim
 * proved false or gambled; every component explains itself in words.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, run, scoreBreakdown, type Sim } from '../../src/engine';
import { compile } from '../../src/scenario';
import { avoided } from '../../src/engine/scoring';
import { labSim, stepTo, type LabOptions } from './fixtures';

const WEIGHTS = { availability: 1, valueMoved: 2, customers: 3, budget: 4, trust: 5, rumours: 6, honesty: 7 };
const SUM = 28;

/** The lab drill, `blocks` said at 2:00 on `channel`, stepped to `until` (default: its end). */
function drill(blocks: object[], extra: LabOptions = {}, channel = 'press', until?: number): Sim {
  const sim = labSim({
    weights: WEIGHTS,
    outage: { atMinutes: 1, forMinutes: 20 },
    minutes: 60,
    truth: { cause: 'glitch', dataSafe: false, revealAtMinutes: 40 },
    injects: [
      '{ id: plant, trigger: { at: 5m }, effects: [{ type: rumour, rumour: data-leak, belief: 0.4 }] }',
    ],
    ...extra,
  });
  stepTo(sim, 120);
  if (blocks.length > 0)
    expect(apply(sim, { type: 'statement', channel, languages: ['en', 'sw'], blocks }).ok).toBe(true);
  stepTo(sim, until ?? sim.scenario.durationTicks);
  return sim;
}

describe('score breakdown', () => {
  it('has seven components in [0, 100] with the scenario’s weights, and total = Σ points', () => {
    const b = scoreBreakdown(drill([{ kind: 'acknowledge' }]));
    expect(b.components.map((c) => c.id).sort()).toEqual(Object.keys(WEIGHTS).sort());
    for (const c of b.components) {
      expect(c.value).toBeGreaterThanOrEqual(0);
      expect(c.value).toBeLessThanOrEqual(100);
      expect(c.weight).toBe(WEIGHTS[c.id]);
      expect(c.points).toBeCloseTo((c.value * WEIGHTS[c.id]) / SUM, 12);
      expect(c.explanation.trim().length).toBeGreaterThan(0);
      expect(c.label.trim().length).toBeGreaterThan(0);
    }
    expect(b.total).toBeCloseTo(
      b.components.reduce((s, c) => s + c.points, 0),
      12,
    );
    expect(b.total).toBeGreaterThanOrEqual(0);
    expect(b.total).toBeLessThanOrEqual(100);
  });

  it('doing nothing scores 0 on every harm component: it is the counterfactual every run is compared with', () => {
    const b = scoreBreakdown(drill([]));
    const get = (id: string): number => b.components.find((c) => c.id === id)!.value;
    for (const id of ['availability', 'valueMoved', 'customers', 'budget', 'trust'] as const)
      expect(get(id)).toBe(0);
    // The outage lasted 20 minutes and nobody said a word: honesty counts the time the public was informed.
    expect(get('honesty')).toBe(0);
    expect(b.harm).toEqual(b.baselineHarm);
    expect(b.baselineHarm.downtime).toBeGreaterThan(0);
  });

  it('avoided = 1 − harm / unattended harm, clamped; below the floor the unattended harm is too small to compare', () => {
    expect(avoided(0, 10, 1)).toBe(1);
    expect(avoided(5, 10, 1)).toBe(0.5);
    expect(avoided(20, 10, 1)).toBe(0); // worse than nobody
    expect(avoided(0.5, 0, 1)).toBe(0.5); // nothing to avoid: judged against the floor
    expect(avoided(Number.NaN, 10, 1)).toBe(0);
  });

  it('honesty: the share of the incident the public was informed, −30 % per claim proved false or gambled', () => {
    // On social media (it lands within minutes; the lab's press conference lands after the outage).
    const honesty = (blocks: object[], extra: LabOptions = {}): number =>
      scoreBreakdown(drill(blocks, extra, 'social')).components.find((c) => c.id === 'honesty')!.value;
    const informed = honesty([{ kind: 'cause', cause: 'investigating' }]);
    // Said at 2:00 into a 20-minute outage that started at 1:00: informed for about 19 of its 20 minutes.
    expect(informed).toBeGreaterThan(85);
    expect(informed).toBeLessThan(100);
    // Truth: a glitch, and data was taken. "maintenance" proves false: −30 %; with "data is safe" too: −60 %.
    expect(honesty([{ kind: 'cause', cause: 'maintenance' }])).toBeCloseTo(informed * 0.7, 9);
    expect(honesty([{ kind: 'cause', cause: 'maintenance' }, { kind: 'data-safe' }])).toBeCloseTo(
      informed * 0.4,
      9,
    );
  });

  it('an assurance nobody could know is a gamble even when it proves true, and does not raise the score', () => {
    // Data really was safe, but the investigation only reports at 40:00: at 2:00 nobody could know it.
    const truthful = { truth: { cause: 'glitch' as const, dataSafe: true, revealAtMinutes: 40 } };
    const honest = drill([{ kind: 'acknowledge' }], truthful, 'social');
    const gamble = drill([{ kind: 'acknowledge' }, { kind: 'data-safe' }], truthful, 'social');
    const claim = gamble.state.people.claims.find((c) => c.kind === 'data-safe')!;
    expect(claim.status).toBe('kept');
    expect(claim.gamble).toBe(true);
    const hon = (s: Sim) => scoreBreakdown(s).components.find((c) => c.id === 'honesty')!.value;
    expect(hon(gamble)).toBeCloseTo(hon(honest) * 0.7, 9);
    expect(scoreBreakdown(gamble).total).toBeLessThan(scoreBreakdown(honest).total);
    expect(scoreBreakdown(gamble).components.find((c) => c.id === 'honesty')!.explanation).toMatch(/gamble/);
  });

  it('value for money: the harm avoided, discounted by the budget spent; saving money by doing nothing earns nothing', () => {
    const b = scoreBreakdown(drill([]));
    expect(b.components.find((c) => c.id === 'budget')!.value).toBe(0);
    expect(drill([]).state.metrics.budgetSpentKES).toBe(0);
  });

  it('a drill stopped early is scored on the rest unfolding without orders: ending early never pays', () => {
    const whole = drill([{ kind: 'acknowledge' }]);
    const stopped = drill([{ kind: 'acknowledge' }], {}, 'press', 10 * 60); // End drill at 10:00, mid-outage
    const early = scoreBreakdown(stopped);
    expect(early.projected).toBe(true);
    expect(stopped.state.tick).toBe(600); // scoring does not move the drill itself
    expect(early.total).toBeCloseTo(scoreBreakdown(whole).total, 9);
    expect(scoreBreakdown(whole).projected).toBe(false);
  });

  it('is the running score in the metrics at the end', () => {
    const sim = drill([]);
    expect(sim.state.metrics.score).toBeCloseTo(scoreBreakdown(sim).total, 12);
  });

  it('is the running score in the metrics also when a script ends the drill (the tutorial ends at 09:00)', () => {
    const tutorial = compile(readFileSync('scenarios/tutorial.yaml', 'utf8'), 'tutorial.yaml').scenario!;
    const log = [{ tick: 100, cmd: { type: 'mitigate' as const, mitigation: 'rate-limit', target: 'edge' } }];
    const sim = run(tutorial, '5', log);
    expect(sim.state.ended).toBe(true);
    expect(sim.state.tick).toBeLessThan(tutorial.durationTicks);
    expect(sim.state.metrics.score).toBeGreaterThan(0);
    expect(sim.state.metrics.score).toBeCloseTo(scoreBreakdown(sim).total, 12);
  });
});
