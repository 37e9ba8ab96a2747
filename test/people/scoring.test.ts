/**
 * The score breakdown (src/engine/scoring.ts): seven components, each 0–100, weighted by the scenario's weights
 * (normalised by their sum); points = value × weight / Σ weights; total = Σ points. Honesty loses 25 per claim
 * that proved false; every component explains itself in words.
 */
import { describe, expect, it } from 'vitest';
import { apply, scoreBreakdown, type Sim } from '../../src/engine';
import { labSim, stepTo, type LabOptions } from './fixtures';

const WEIGHTS = { availability: 1, valueMoved: 2, customers: 3, budget: 4, trust: 5, rumours: 6, honesty: 7 };
const SUM = 28;

function drill(blocks: object[], extra: LabOptions = {}): Sim {
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
    expect(apply(sim, { type: 'statement', channel: 'press', languages: ['en', 'sw'], blocks }).ok).toBe(
      true,
    );
  stepTo(sim, sim.scenario.durationTicks);
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

  it('honesty: 100 with no broken claim, −25 per claim proved false', () => {
    const honesty = (blocks: object[]): number =>
      scoreBreakdown(drill(blocks)).components.find((c) => c.id === 'honesty')!.value;
    expect(honesty([{ kind: 'cause', cause: 'investigating' }])).toBe(100);
    expect(honesty([{ kind: 'cause', cause: 'maintenance' }])).toBe(75);
    // Truth: a glitch, and data was taken. Both claims prove false.
    expect(honesty([{ kind: 'cause', cause: 'maintenance' }, { kind: 'data-safe' }])).toBe(50);
  });

  it('budget and rumour components follow what was spent and believed', () => {
    const sim = drill([{ kind: 'acknowledge' }]);
    const b = scoreBreakdown(sim);
    const get = (id: string): number => b.components.find((c) => c.id === id)!.value;
    // The only spending is the press conference, KES 150 000 of 50 m.
    expect(sim.state.metrics.budgetSpentKES).toBe(150_000);
    expect(get('budget')).toBeCloseTo(100 * (1 - 150_000 / 50_000_000), 12);
    // The planted rumour has spread 0 and decay 0: its peak is the planted 0.4.
    expect(get('rumours')).toBeCloseTo(60, 12);
    expect(b.components.find((c) => c.id === 'rumours')!.explanation).toMatch(/40 %/);
  });

  it('is the running score in the metrics at the end', () => {
    const sim = drill([]);
    expect(sim.state.metrics.score).toBeCloseTo(scoreBreakdown(sim).total, 12);
  });
});
