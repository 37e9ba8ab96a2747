/**
 * The engine's read-only queries (queries.ts, availability.ts, clock.ts, workarounds.ts's workaroundApplies):
 * they take the scenario and the state — as the store publishes them, frozen — never a running Sim, and give
 * what the systems themselves use.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  createSim,
  criticalAvailabilityNow,
  criticalAvailabilityToDate,
  elapsedClock,
  GOODWILL_COST_KES,
  incidentOngoing,
  meanBelief,
  meanReach,
  segmentReach,
  silenceTicks,
  snapshot,
  statementCost,
  workaroundApplies,
  type SimState,
} from '../../src/engine';
import { nairobi, steps } from './fixtures';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('elapsedClock', () => {
  it('writes whole minutes of simulated time as T+HH:MM', () => {
    expect(elapsedClock(0)).toBe('T+00:00');
    expect(elapsedClock(59)).toBe('T+00:00');
    expect(elapsedClock(83 * 60 + 59)).toBe('T+01:23');
    expect(elapsedClock(4 * 3600)).toBe('T+04:00');
    expect(elapsedClock(26 * 3600 + 5 * 60)).toBe('T+26:05');
  });
});

describe('queries on a published (frozen) state', () => {
  const scenario = nairobi();
  const sim = createSim(scenario, 7);
  steps(sim, 40 * 60);
  const said = apply(sim, {
    type: 'statement',
    channel: 'social',
    languages: ['en'],
    blocks: [{ kind: 'apologise' }],
  });
  if (!said.ok) throw new Error(`the statement was refused: ${said.message}`);
  steps(sim, 20 * 60);
  const state: SimState = deepFreeze(snapshot(sim));

  it('answer without changing anything', () => {
    const before = JSON.stringify(state);
    const social = scenario.people.channels.findIndex((c) => c.id === 'social');
    expect(meanReach(scenario, social, ['en', 'sw'])).toBeGreaterThan(
      meanReach(scenario, social, ['en']) - 1e-12,
    );
    expect(segmentReach(scenario, social, [], 0)).toBe(0);
    expect(
      statementCost(scenario, social, [{ kind: 'goodwill' }]) - statementCost(scenario, social, []),
    ).toBe(GOODWILL_COST_KES);
    expect(silenceTicks(state)).toBe(
      state.people.incidentTick < 0
        ? 0
        : state.tick - Math.max(state.people.lastStatementTick, state.people.incidentTick),
    );
    scenario.people.rumours.forEach((_, r) => {
      const b = meanBelief(scenario, state, r);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(1);
    });
    expect(typeof incidentOngoing(scenario, state)).toBe('boolean');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('critical availability: now is the mean over critical services, to date the mean over ticks', () => {
    const critical = scenario.services.flatMap((s, i) =>
      s.critical ? [state.services[i]!.availability] : [],
    );
    expect(criticalAvailabilityNow(scenario, state)).toBeCloseTo(
      critical.reduce((a, b) => a + b, 0) / critical.length,
      12,
    );
    expect(criticalAvailabilityToDate(state)).toBeCloseTo(
      state.metrics.criticalAvailabilitySum / state.metrics.ticks,
      12,
    );
    expect(state.metrics.ticks).toBeGreaterThan(0);
  });

  it('a workaround applies to exactly the segments whose demand it can route', () => {
    scenario.people.workarounds.forEach((w, wi) => {
      scenario.segments.forEach((g, gi) => {
        const listed = w.segments.length === 0 || w.segments.includes(gi);
        const uses = g.needs.some((n) => n.service === w.from);
        expect(workaroundApplies(scenario, wi, gi), `${w.id} / ${g.id}`).toBe(listed && uses);
      });
    });
  });
});
