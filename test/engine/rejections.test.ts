/**
 * Commands can come from a hand-edited replay file: `apply` must answer anything with a result, and an
 * illegal command must be rejected with its specific code and leave the state as it was (bar the log line).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { apply, createSim, hashState, type RejectionCode, type SimState } from '../../src/engine';
import { fixture, mitigationCity, steps } from './fixtures';

const scenario = mitigationCity({ budget: 100_000 });

/** The state without its event log (rejections add a log line, and nothing else). */
function withoutLog(state: SimState): string {
  return hashState({ ...state, log: [] });
}

const CASES: [string, unknown, RejectionCode][] = [
  ['an unknown command type', { type: 'explode' }, 'cmd/unknown-type'],
  [
    'an unknown service',
    { type: 'mitigate', mitigation: 'rate-limit', target: 'nope' },
    'cmd/unknown-service',
  ],
  [
    'a service id that is not a string',
    { type: 'mitigate', mitigation: 'rate-limit', target: 3 },
    'cmd/unknown-service',
  ],
  [
    'an unknown mitigation',
    { type: 'mitigate', mitigation: 'prayer', target: 'portal' },
    'cmd/unknown-mitigation',
  ],
  ['a missing mitigation', { type: 'mitigate', target: 'portal' }, 'cmd/unknown-mitigation'],
  // waf-rule costs KES 150,000; this city has 100,000.
  [
    'an order over budget',
    { type: 'mitigate', mitigation: 'waf-rule', target: 'portal' },
    'cmd/insufficient-budget',
  ],
  ['a lift of an unknown order', { type: 'lift', uid: 999 }, 'cmd/not-active'],
  ['a lift without a uid', { type: 'lift' }, 'cmd/not-active'],
  ['an answer with no open prompt', { type: 'answer', inject: 'nothing', option: 'x' }, 'cmd/no-such-prompt'],
  ['null', null, 'cmd/malformed'],
  ['undefined', undefined, 'cmd/malformed'],
  ['a number', 42, 'cmd/malformed'],
  ['a string', 'mitigate', 'cmd/malformed'],
  ['an array', [{ type: 'noop' }], 'cmd/malformed'],
  ['an object without a type', { mitigation: 'rate-limit', target: 'portal' }, 'cmd/malformed'],
  ['a non-string type', { type: 7 }, 'cmd/malformed'],
];

describe('rejections', () => {
  it.each(CASES)('rejects %s with its code and leaves the state unchanged', (_, cmd, code) => {
    const sim = createSim(scenario, 1);
    steps(sim, 5);
    const before = withoutLog(sim.state);
    const result = apply(sim, cmd);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && result.message.length > 0).toBe(true);
    expect(withoutLog(sim.state)).toBe(before);
  });

  it('rejects an order already in place (waiting or in effect) on the same target', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' }).ok).toBe(true);
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' })).toMatchObject({
      ok: false,
      code: 'cmd/already-active',
    });
    steps(sim, 200); // now in effect
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' })).toMatchObject({
      ok: false,
      code: 'cmd/already-active',
    });
    // The same mitigation on another target is a different order.
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'edge' }).ok).toBe(true);
  });

  it('rejects everything once the drill has ended', () => {
    const ending = fixture(`
      services:
        - { id: a, name: A, kind: portal, capacity: 10, critical: true, map: { x: 0, y: 0 } }
        - { id: b, name: B, kind: counter, capacity: 10, map: { x: 0, y: 0 } }
      injects:
        - { id: stop, trigger: { at: 10s }, effects: [{ type: end, outcome: success, text: Done. }] }
    `);
    const sim = createSim(ending, 1);
    steps(sim, 11);
    expect(sim.state.ended).toBe(true);
    expect(apply(sim, { type: 'noop' })).toMatchObject({ ok: false, code: 'cmd/scenario-ended' });
  });

  it('answers any value at all with a result, never an exception', () => {
    const sim = createSim(scenario, 1);
    fc.assert(
      fc.property(fc.anything(), (cmd) => {
        const result = apply(sim, cmd);
        // Only a well-formed command can be accepted; everything else names a rejection code.
        if (result.ok) expect((cmd as { type: unknown }).type).toMatch(/^(noop|mitigate|lift|answer)$/);
        else expect(result.code).toMatch(/^cmd\/[a-z-]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
