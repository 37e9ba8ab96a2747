/**
 * The scenario script (injects.ts): triggers fire on the simulated clock, once per tick at most, evaluated at
 * the start of the tick on the state the previous tick left. Expected ticks are worked out from the
 * triggers as written in the YAML below.
 */
import { describe, it, expect } from 'vitest';
import { apply, createSim, step, type Sim } from '../../src/engine';
import { newRngState, withRng } from '../../src/engine/rng';
import { fixture, injectIndex, stepTo, steps, svc } from './fixtures';

const BUDGET = 1_000_000;

const script = fixture(
  `
  services:
    - { id: portal, name: Portal, kind: portal, capacity: 1000, critical: true, map: { x: 0, y: 0 } }
    - { id: wallet, name: Wallet, kind: mobile-money-core, capacity: 100, map: { x: 0, y: 0 } }
  attacks:
    - id: flood
      vector: layer7
      target: portal
      jitter: 0
      startsOff: true
      intensity: [{ at: 0, rps: 0 }, { at: 100s, rps: 200 }, { at: 1h, rps: 200 }]
  injects:
    - { id: once-at, trigger: { at: 30s }, effects: [{ type: feed, channel: ops, from: NOC, text: At thirty seconds. }] }
    - { id: clock-when, trigger: { when: 'seconds >= 45' }, effects: [{ type: feed, channel: ops, from: NOC, text: Clock condition. }] }
    - { id: wallet-fail, trigger: { at: 20s }, effects: [{ type: fail, service: wallet, for: 100s }] }
    - { id: wallet-seen-down, trigger: { when: 'service("wallet").down' }, effects: [{ type: feed, channel: social, from: User, text: Wallet down. }] }
    - { id: wallet-restore, trigger: { at: 60s }, effects: [{ type: restore, service: wallet }] }
    - { id: after-rate, trigger: { after: { mitigation: rate-limit, target: portal } }, effects: [{ type: feed, channel: ops, from: NOC, text: Rate limit ordered. }] }
    - id: repeat-at
      trigger: { at: 10s }
      repeat: { times: 3, cooldown: 20s }
      effects: [{ type: feed, channel: ops, from: NOC, text: Repeating. }]
    - id: repeat-when
      trigger: { when: 'seconds >= 5', notBefore: 40s }
      repeat: { times: 2, cooldown: 7s }
      effects: [{ type: feed, channel: ops, from: NOC, text: Repeating on a condition. }]
    - id: ask
      trigger: { at: 100s }
      effects:
        - type: prompt
          from: Minister
          text: Spend or save?
          timeout: 60s
          options:
            - { id: spend, label: Spend, effects: [{ type: budget, amount: 1000 }] }
            - { id: save, label: Save, default: true, effects: [{ type: budget, amount: -500 }] }
    - { id: flood-start, trigger: { at: 200s }, effects: [{ type: attack, attack: flood, action: start }] }
    - { id: flood-escalate, trigger: { at: 260s }, effects: [{ type: attack, attack: flood, action: escalate, factor: 2 }] }
    - { id: flood-shift, trigger: { at: 300s }, effects: [{ type: attack, attack: flood, action: shift, target: wallet }] }
    - { id: portal-halved, trigger: { at: 400s }, effects: [{ type: capacity, service: portal, factor: 0.5 }] }
    - { id: chain, trigger: { at: 500s }, effects: [{ type: fire, inject: follow }] }
    - { id: follow, trigger: {}, followUpOnly: true, effects: [{ type: feed, channel: headline, from: Paper, text: Follow-up. }] }
  `,
  { id: 'script', budget: BUDGET },
);

/** Steps to `until` and returns the ticks at which the inject fired. */
function firingTicks(sim: Sim, id: string, until: number): number[] {
  const i = injectIndex(sim.scenario, id);
  const ticks: number[] = [];
  while (sim.state.tick < until) {
    const before = sim.state.injects[i]!.fired;
    const tick = sim.state.tick;
    step(sim);
    for (let k = before; k < sim.state.injects[i]!.fired; k++) ticks.push(tick);
  }
  return ticks;
}

describe('triggers', () => {
  it('`at` fires exactly at its tick, once', () => {
    const sim = createSim(script, 1);
    expect(firingTicks(sim, 'once-at', 600)).toEqual([30]);
    expect(sim.state.feed.filter((f) => f.text === 'At thirty seconds.').map((f) => f.tick)).toEqual([30]);
  });

  it('`when` fires on the first tick its condition is true', () => {
    expect(firingTicks(createSim(script, 1), 'clock-when', 600)).toEqual([45]);
  });

  it('`when` sees the state the previous tick left: a service down at tick 20 is seen at tick 21', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 20);
    step(sim);
    expect(svc(sim, 'wallet').status).toBe('down');
    expect(firingTicks(createSim(script, 1), 'wallet-seen-down', 600)).toEqual([21]);
  });

  it('`after` fires in the tick of a matching order, not for another target', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 65);
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'wallet' }).ok).toBe(true);
    stepTo(sim, 70);
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' }).ok).toBe(true);
    expect(firingTicks(sim, 'after-rate', 600)).toEqual([70]);
  });

  it('`after` does not fire for a rejected order', () => {
    const sim = createSim(script, 1);
    apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' });
    steps(sim, 5);
    expect(apply(sim, { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' })).toMatchObject({
      ok: false,
      code: 'cmd/already-active',
    });
    expect(firingTicks(sim, 'after-rate', 600)).toEqual([]);
  });

  it('repeats up to `times`, at least `cooldown` apart', () => {
    expect(firingTicks(createSim(script, 1), 'repeat-at', 600)).toEqual([10, 30, 50]);
  });

  it('a repeating condition respects `notBefore` and the cooldown', () => {
    expect(firingTicks(createSim(script, 1), 'repeat-when', 600)).toEqual([40, 47]);
  });

  it('`fire` runs a follow-up inject in the same tick; a follow-up never fires on its own', () => {
    const sim = createSim(script, 1);
    expect(firingTicks(sim, 'follow', 600)).toEqual([500]);
    expect(sim.state.feed.find((f) => f.text === 'Follow-up.')?.tick).toBe(500);
  });
});

describe('chance triggers', () => {
  const scenario = fixture(`
      services:
        - { id: a, name: A, kind: portal, capacity: 10, critical: true, map: { x: 0, y: 0 } }
        - { id: b, name: B, kind: counter, capacity: 10, map: { x: 0, y: 0 } }
      injects:
        - id: lottery
          trigger: { chance: 0.5, every: 10s }
          repeat: { times: 100, cooldown: 0 }
          effects: [{ type: feed, channel: social, from: Luck, text: Drawn. }]
    `);

  /** The documented rule: every 10 s (from tick 10) one draw of the seed's "ops" stream, fire if below 0.5. */
  function expectedTicks(seed: string): number[] {
    const state = newRngState(seed, 'ops');
    const out: number[] = [];
    for (let t = 10; t < 600; t += 10) if (withRng(state, (next) => next()) < 0.5) out.push(t);
    return out;
  }

  it('fires on the seeded draws: same seed, same ticks; the ticks follow the "ops" stream', () => {
    const a = firingTicks(createSim(scenario, 'seed-a'), 'lottery', 600);
    expect(a).toEqual(expectedTicks('seed-a'));
    expect(firingTicks(createSim(scenario, 'seed-a'), 'lottery', 600)).toEqual(a);
    expect(a.length).toBeGreaterThan(10); // 59 draws at ½: far from none or all
    expect(a.length).toBeLessThan(49);
  });

  it('different seeds give different firing ticks', () => {
    const a = firingTicks(createSim(scenario, 'seed-a'), 'lottery', 600);
    const b = firingTicks(createSim(scenario, 'seed-b'), 'lottery', 600);
    expect(b).toEqual(expectedTicks('seed-b'));
    expect(b).not.toEqual(a);
  });
});

describe('prompts', () => {
  it('waits for an answer; the chosen option’s effects apply at once, the default never does', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 101);
    expect(sim.state.prompts).toHaveLength(1);
    expect(sim.state.prompts[0]).toMatchObject({ issuedTick: 100, deadlineTick: 160 });
    expect(apply(sim, { type: 'answer', inject: 'ask', option: 'maybe' })).toMatchObject({
      ok: false,
      code: 'cmd/unknown-option',
    });
    expect(sim.state.prompts).toHaveLength(1);
    stepTo(sim, 120);
    expect(apply(sim, { type: 'answer', inject: 'ask', option: 'spend' })).toEqual({ ok: true });
    expect(sim.state.budgetKES).toBe(BUDGET + 1000);
    expect(sim.state.prompts).toHaveLength(0);
    stepTo(sim, 200);
    expect(sim.state.budgetKES).toBe(BUDGET + 1000);
    expect(apply(sim, { type: 'answer', inject: 'ask', option: 'spend' })).toMatchObject({
      ok: false,
      code: 'cmd/no-such-prompt',
    });
  });

  it('takes the default option at the deadline when nobody answers', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 160); // ticks 0–159
    expect(sim.state.budgetKES).toBe(BUDGET);
    expect(sim.state.prompts).toHaveLength(1);
    step(sim); // tick 160 = 100 + 60 s
    expect(sim.state.budgetKES).toBe(BUDGET - 500);
    expect(sim.state.prompts).toHaveLength(0);
  });
});

describe('answers echoed in the feed', () => {
  const echoes = (sim: ReturnType<typeof createSim>) =>
    sim.state.feed.filter((f) => f.from === 'Decision').map((f) => ({ tick: f.tick, text: f.text }));

  it('says which option the player chose, at the tick they chose it', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 120);
    expect(apply(sim, { type: 'answer', inject: 'ask', option: 'spend' })).toEqual({ ok: true });
    expect(echoes(sim)).toEqual([{ tick: 120, text: 'You answered Minister: “Spend”.' }]);
  });

  it('says when the default was taken because nobody answered, and names it', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 161);
    expect(echoes(sim)).toEqual([
      { tick: 160, text: 'No answer in time to Minister: “Save” was taken (the default).' },
    ]);
  });
});

describe('effects', () => {
  it('fail takes a service down; restore brings it back (warming up) at once', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 60);
    expect(svc(sim, 'wallet')).toMatchObject({ status: 'down', cause: 'crashed', restartAtTick: 120 });
    step(sim); // tick 60: restore
    expect(svc(sim, 'wallet')).toMatchObject({
      status: 'recovering',
      restartAtTick: -1,
      warmupUntilTick: 360,
    });
  });

  it('start runs a stopped attack from its first keyframe; escalate multiplies; shift moves it', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 200);
    expect(svc(sim, 'portal').attackRps).toBe(0); // off until started
    stepTo(sim, 210);
    step(sim); // 10 s into the attack's own clock: 200 × 10/100
    expect(svc(sim, 'portal').attackRps).toBeCloseTo(20, 9);
    stepTo(sim, 260);
    step(sim); // 60 s in: 120, doubled
    expect(svc(sim, 'portal').attackRps).toBeCloseTo(240, 9);
    stepTo(sim, 300);
    step(sim); // 100 s in: 200 × 2, now at the wallet
    expect(svc(sim, 'portal').attackRps).toBe(0);
    expect(svc(sim, 'wallet').attackRps).toBeCloseTo(400, 9);
  });

  it('capacity scales the service’s capacity from the tick it fires', () => {
    const sim = createSim(script, 1);
    stepTo(sim, 400);
    expect(svc(sim, 'portal').capacityRps).toBe(1000);
    step(sim);
    expect(svc(sim, 'portal').capacityRps).toBe(500);
  });

  it('end stops the drill on its tick with its outcome, and the clock no longer moves', () => {
    const scenario = fixture(`
      services:
        - { id: a, name: A, kind: portal, capacity: 10, critical: true, map: { x: 0, y: 0 } }
        - { id: b, name: B, kind: counter, capacity: 10, map: { x: 0, y: 0 } }
      injects:
        - { id: stop, trigger: { at: 90s }, effects: [{ type: end, outcome: partial, text: Called off. }] }
    `);
    const sim = createSim(scenario, 1);
    stepTo(sim, 90);
    expect(sim.state.ended).toBe(false);
    step(sim);
    // The ending tick is consumed (tick 90 → 91) so that a replay to the final tick reproduces it.
    expect(sim.state).toMatchObject({
      ended: true,
      tick: 91,
      outcome: { outcome: 'partial', text: 'Called off.' },
    });
    steps(sim, 10);
    expect(sim.state.tick).toBe(91);
  });

  it('a drill without an end inject times out at its duration', () => {
    const sim = createSim(script, 1);
    steps(sim, 3600);
    expect(sim.state).toMatchObject({ ended: true, tick: 3600, outcome: { outcome: 'timeout' } });
  });
});
