/**
 * The budget is a limit (src/engine/budget.ts): running costs never take it below zero; when they would, every
 * order and workaround that costs money by the hour stops and the feed says so; free orders and posts still go
 * through, paid ones are refused with the amount left.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, createSim, step } from '../../src/engine';
import { compile } from '../../src/scenario';

// The default city with KES 1.5 m: scrubbing costs 1 m up front and 400 k an hour, so it runs out after 1h15m.
const text = readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8').replace(
  'budget: 12000000',
  'budget: 1500000',
);
const scenario = compile(text, 'nairobi-small-budget.yaml').scenario!;

describe('the budget is a limit', () => {
  it('stops paid standing orders when running costs would overdraw it, and never goes below zero', () => {
    expect(scenario.budgetKES).toBe(1_500_000);
    const sim = createSim(scenario, '1');
    expect(apply(sim, { type: 'mitigate', mitigation: 'scrubbing', target: 'gov-portal' }).ok).toBe(true);
    let lowest = Infinity;
    while (sim.state.tick < 2 * 3600) {
      step(sim);
      lowest = Math.min(lowest, sim.state.budgetKES);
    }
    expect(lowest).toBe(0);
    expect(sim.state.metrics.budgetSpentKES).toBeCloseTo(1_500_000, 6);
    const scrubbing = scenario.mitigations.findIndex((m) => m.id === 'scrubbing');
    expect(sim.state.mitigations.some((m) => m.mitigation === scrubbing)).toBe(false);
    expect(sim.state.feed.some((f) => f.text.includes('incident budget is spent'))).toBe(true);
    // With nothing left: a free order and a free post still go through; a paid order is refused, saying why.
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'operator-edge' }).ok).toBe(true);
    expect(
      apply(sim, {
        type: 'statement',
        channel: 'social',
        languages: ['en'],
        blocks: [{ kind: 'acknowledge' }],
      }).ok,
    ).toBe(true);
    expect(apply(sim, { type: 'mitigate', mitigation: 'waf-rule', target: 'gov-portal' })).toMatchObject({
      ok: false,
      code: 'cmd/insufficient-budget',
      message: expect.stringMatching(/the budget left is KES 0$/),
    });
  });
});
