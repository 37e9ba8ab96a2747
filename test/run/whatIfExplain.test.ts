/**
 * What-if explanations (issue 9): every variant says what it would have changed in the city and which score
 * components moved, so a result that looks backwards ("leaving the rate limit out scores higher") comes with
 * its reason. Expected sentences are worked out by hand from the numbers below.
 */
import { describe, it, expect } from 'vitest';
import { explainVariant, harmChanges, type ExplainedOutcome } from '../../src/run/whatIfExplain';

const ZERO = { availability: 0, valueMoved: 0, customers: 0, budget: 0, trust: 0, rumours: 0, honesty: 0 };

const actual: ExplainedOutcome = {
  score: 60,
  harm: {
    downtime: 36_000,
    customerHours: 100_000,
    valueLostKES: 50_000_000,
    trustLost: 10,
    rumourPeak: 0.3,
  },
  spentKES: 2_000_000,
  points: {
    ...ZERO,
    availability: 15,
    valueMoved: 10,
    customers: 8,
    budget: 4,
    trust: 12,
    rumours: 6,
    honesty: 5,
  },
};

describe('what-if explanations', () => {
  it('an earlier filter: customers spared and money kept moving, largest change first, with the components', () => {
    const earlier: ExplainedOutcome = {
      score: 63.5,
      // 40 % fewer customer-hours, 10 % less money lost, 1,200 service-seconds less downtime (20 service-minutes; the threshold is 2 % = 720).
      harm: { ...actual.harm, customerHours: 60_000, valueLostKES: 45_000_000, downtime: 34_800 },
      spentKES: 2_000_000,
      points: { ...actual.points, customers: 10.5, valueMoved: 11 },
    };
    expect(explainVariant(actual, earlier)).toBe(
      'would have spared customers 40,000 hours stranded, kept KES 5.0 m more moving and cut 20 service-minutes of critical downtime; score +3.5 (customers spared +2.5, money kept moving +1.0)',
    );
  });

  it('leaving a costly filter out scores higher, and the reason says so: money saved outweighed the harm', () => {
    const never: ExplainedOutcome = {
      score: 61.2,
      harm: { ...actual.harm, customerHours: 104_000 },
      spentKES: 0,
      points: { ...actual.points, budget: 5.6, customers: 7.6 },
    };
    const words = explainVariant(actual, never);
    expect(words).toBe(
      'would have saved KES 2.0 m of the budget and left customers 4.0 thousand more hours stranded; score +1.2 (value for money +1.6, customers spared −0.4)',
    );
  });

  it('differences too small to matter are left out, and an unchanged score is called the same', () => {
    const same: ExplainedOutcome = {
      ...actual,
      harm: { ...actual.harm, customerHours: 100_010, valueLostKES: 50_050_000 },
      points: { ...actual.points },
    };
    expect(harmChanges(actual, same)).toEqual([]);
    expect(explainVariant(actual, same)).toBe('would have changed little in the city; the same score');
  });
});
