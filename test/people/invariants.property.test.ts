/**
 * Properties of the people side under random play: whatever sequence of statements, workarounds and mitigations
 * (valid or not) a player sends, the state stays meaningful:
 * - trust of every stakeholder and segment stays in [0, 100] (and the lowest point never exceeds the current);
 * - rumour belief and peak stay in [0, 1]; workaround awareness and uptake stay in [0, 1];
 * - customers are conserved per segment: active + Σ stranded + churned = size (relative 1e-6), workarounds moving
 *   demand between services included;
 * - no number in the state is NaN or infinite;
 * - a rejected command never throws, returns a `cmd/...` code and a message, and changes nothing but the log.
 *
 * The scenario is made to stress these: an outage, an auto rumour born after 2 min of silence that spreads fast,
 * an overloadable workaround target, a short budget, trust injects of ±100 (clamps), and a reveal that breaks
 * claims. Runs are 30 simulated minutes; 200 of them take a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  BUILTIN_CHANNELS,
  BUILTIN_MITIGATIONS,
  canonicalJson,
  createSim,
  restore,
  step,
  type Scenario,
  type Sim,
  type SimState,
} from '../../src/engine';
import { lab, type LabOptions } from './fixtures';

const MINUTES = 30;
const TICKS = MINUTES * 60;

const STRESS: LabOptions = {
  minutes: MINUTES,
  outage: { atMinutes: 1, forMinutes: 15 },
  rumour: { auto: true, silenceMinutes: 2, spread: 0.8, decay: 0.02, trustHit: 3, atmFactor: 3 },
  ussdCapacity: 30,
  maxShare: 0.9,
  rampSeconds: 30,
  silenceGraceMinutes: 1,
  workaroundCost: 300_000,
  workaroundCostPerHour: 360_000,
  budget: 2_000_000,
  truth: { cause: 'glitch', dataSafe: false, revealAtMinutes: 25 },
  injects: [
    '{ id: crash, trigger: { at: 3m }, effects: [{ type: trust, stakeholder: public, delta: -100 }] }',
    '{ id: boost, trigger: { at: 20m }, effects: [{ type: trust, stakeholder: kcb, delta: 100 }, { type: trust, stakeholder: public, delta: 100 }] }',
    '{ id: plant, trigger: { at: 4m }, effects: [{ type: rumour, rumour: data-leak, belief: 0.9 }] }',
  ],
};

/** A few variants: trust at the extremes, and channel habits that make announcements land with everyone. */
const SCENARIOS: Scenario[] = [
  lab(STRESS),
  lab({ ...STRESS, publicTrust: 2, segmentTrust: 98 }),
  lab({
    ...STRESS,
    publicTrust: 100,
    segmentTrust: 0,
    appReach: { social: 1, sms: 1, press: 1, banner: 1 },
    cashReach: { social: 1, sms: 1 },
  }),
];

const CHANNELS = [...BUILTIN_CHANNELS.map((c) => c.id), 'fax'];

const SERVICES = ['app', 'ussd', 'atm', 'nope'];

/** Blocks a player could really send... */
const validBlock = fc.oneof(
  fc.record({ kind: fc.constantFrom('acknowledge', 'apologise', 'data-safe', 'goodwill') }),
  fc.record({
    kind: fc.constant('cause'),
    cause: fc.constantFrom('glitch', 'cyber-attack', 'investigating', 'maintenance'),
  }),
  fc.record({ kind: fc.constant('eta'), minutes: fc.integer({ min: 5, max: 240 }) }),
  fc.record({ kind: fc.constant('workaround'), workaround: fc.constant('use-ussd') }),
  fc.record({
    kind: fc.constant('rebuttal'),
    rumour: fc.constant('data-leak'),
    evidence: fc.constantFrom('none', 'law', 'independent'),
  }),
  fc.record({ kind: fc.constant('blame'), partner: fc.constant('kcb') }),
);

/** ...and ones a hand-edited replay file could contain. */
const wildBlock = fc.oneof(
  fc.record({ kind: fc.constantFrom('shout', 'acknowledge') }),
  fc.record({ kind: fc.constant('cause'), cause: fc.constantFrom('aliens', 'glitch') }),
  fc.record({
    kind: fc.constant('eta'),
    minutes: fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.double(), fc.constant('soon')),
  }),
  fc.record({ kind: fc.constant('workaround'), workaround: fc.constantFrom('use-carrier-pigeons') }),
  fc.record({
    kind: fc.constant('rebuttal'),
    rumour: fc.constantFrom('data-leak', 'aliens'),
    evidence: fc.constantFrom('hearsay', undefined),
  }),
  fc.record({ kind: fc.constant('blame'), partner: fc.constantFrom('media', 'nobody') }),
  fc.constant(null),
  fc.anything(),
);

const statement = fc.record({
  type: fc.constant('statement'),
  channel: fc.oneof(
    { arbitrary: fc.constantFrom(...CHANNELS), weight: 9 },
    { arbitrary: fc.anything(), weight: 1 },
  ),
  languages: fc.oneof(
    { arbitrary: fc.subarray(['en', 'sw'], { minLength: 1 }), weight: 9 },
    { arbitrary: fc.oneof(fc.subarray(['fr', 'en']), fc.constant('en')), weight: 1 },
  ),
  blocks: fc.oneof(
    { arbitrary: fc.array(validBlock, { minLength: 1, maxLength: 4 }), weight: 4 },
    { arbitrary: fc.array(fc.oneof(validBlock, wildBlock), { maxLength: 10 }), weight: 1 },
  ),
});

const workaround = fc.record(
  {
    type: fc.constant('workaround'),
    workaround: fc.constantFrom('use-ussd', 'use-ussd', 'nope'),
    action: fc.constantFrom('announce', 'announce', 'withdraw', 'juggle'),
    channel: fc.constantFrom(...CHANNELS),
  },
  { requiredKeys: ['type', 'workaround', 'action'] },
);

const mitigation = fc.record(
  {
    type: fc.constant('mitigate'),
    mitigation: fc.constantFrom(...BUILTIN_MITIGATIONS.map((m) => m.id), 'prayer'),
    target: fc.constantFrom(...SERVICES),
    region: fc.constantFrom('domestic', 'foreign', 'mars'),
    dependsOn: fc.constantFrom(...SERVICES),
  },
  { requiredKeys: ['type', 'mitigation', 'target'] },
);

const other = fc.oneof(
  fc.record({ type: fc.constant('lift'), uid: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ type: fc.constant('answer'), inject: fc.constantFrom('crash', 'x'), option: fc.string() }),
  fc.constant({ type: 'noop' }),
  fc.anything(),
);

const command = fc.oneof(
  { arbitrary: statement, weight: 4 },
  { arbitrary: workaround, weight: 3 },
  { arbitrary: mitigation, weight: 2 },
  { arbitrary: other, weight: 1 },
);

const plan = fc.record({
  scenario: fc.integer({ min: 0, max: SCENARIOS.length - 1 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  commands: fc.array(fc.record({ tick: fc.integer({ min: 0, max: TICKS - 1 }), cmd: command }), {
    maxLength: 40,
  }),
});

function inRange(x: number, lo: number, hi: number, what: string): void {
  if (!(x >= lo && x <= hi)) throw new Error(`${what} = ${x} is outside [${lo}, ${hi}]`);
}

function checkPeople(sim: Sim): void {
  const { scenario, state } = sim;
  const p = state.people;
  p.trust.forEach((t, k) => {
    inRange(t, 0, 100, `trust of ${scenario.people.stakeholders[k]!.id}`);
    inRange(p.trustLow[k]!, 0, t, `lowest trust of ${scenario.people.stakeholders[k]!.id}`);
  });
  inRange(p.media, 0, 100, 'media attention');
  state.segments.forEach((seg, g) => {
    const def = scenario.segments[g]!;
    inRange(seg.trust, 0, 100, `trust of segment ${def.id}`);
    const stranded = seg.stranded.reduce((a, b) => a + b, 0);
    const total = seg.active + stranded + seg.churned;
    if (Math.abs(total - def.size) > 1e-6 * def.size) {
      throw new Error(
        `segment ${def.id}: active ${seg.active} + stranded ${stranded} + churned ${seg.churned} = ${total} ≠ ${def.size}`,
      );
    }
    for (const x of [seg.active, seg.churned, ...seg.stranded])
      inRange(x, 0, def.size, `customers of ${def.id}`);
  });
  p.rumours.forEach((r, i) => {
    r.belief.forEach((b, g) => inRange(b, 0, 1, `belief in rumour ${i}, segment ${g}`));
    inRange(r.peak, 0, 1, `peak of rumour ${i}`);
  });
  p.workarounds.forEach((w, i) => {
    w.awareness.forEach((a, g) => inRange(a, 0, 1, `awareness of workaround ${i}, segment ${g}`));
    w.uptake.forEach((u, g) => inRange(u, 0, 1, `uptake of workaround ${i}, segment ${g}`));
  });
}

/** Every number anywhere in the state is finite. */
function checkFinite(x: unknown, path = 'state'): void {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`${path} = ${x}`);
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => checkFinite(v, `${path}[${i}]`));
  } else if (typeof x === 'object' && x !== null) {
    for (const [k, v] of Object.entries(x)) checkFinite(v, `${path}.${k}`);
  }
}

function withoutLog(state: SimState): string {
  return canonicalJson({ ...state, log: [] });
}

function applyChecked(sim: Sim, cmd: unknown): void {
  const before = withoutLog(sim.state);
  const result = apply(sim, cmd);
  if (!result.ok) {
    expect(result.code).toMatch(/^cmd\/[a-z-]+$/);
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(0);
    // A rejection is recorded in the log and changes nothing else (no charge, no half-applied statement).
    expect(withoutLog(sim.state)).toBe(before);
  }
}

describe('people-side invariants under random commands', () => {
  it('keeps trust, belief, uptake and awareness in range, conserves customers, and stays finite', () => {
    // How often the runs reached the situations the invariants are about (a property that never gets there
    // proves little).
    const seen = { moved: 0, overloaded: 0, born: 0, trustAtZero: 0, statements: 0 };
    fc.assert(
      fc.property(plan, ({ scenario, seed, commands }) => {
        const sim = createSim(SCENARIOS[scenario]!, seed);
        const due = [...commands].sort((a, b) => a.tick - b.tick);
        let next = 0;
        const hit = { moved: false, overloaded: false, born: false, trustAtZero: false };
        while (sim.state.tick < TICKS && !sim.state.ended) {
          while (next < due.length && due[next]!.tick <= sim.state.tick) {
            applyChecked(sim, due[next]!.cmd);
            checkPeople(sim);
            next++;
          }
          step(sim);
          if (sim.state.tick % 10 === 0) {
            checkPeople(sim);
            const p = sim.state.people;
            if (p.workarounds[0]!.uptake.some((u) => u > 0.05)) hit.moved = true;
            if (sim.state.services[1]!.utilisation > 1) hit.overloaded = true;
            if (p.rumours[0]!.born) hit.born = true;
            if (p.trust[0] === 0) hit.trustAtZero = true;
          }
          if (sim.state.tick % 300 === 0) checkFinite(sim.state);
        }
        checkPeople(sim);
        checkFinite(sim.state);
        for (const k of Object.keys(hit) as (keyof typeof hit)[]) if (hit[k]) seen[k]++;
        if (sim.state.people.statements.some((x) => x.landed)) seen.statements++;
      }),
      { numRuns: 200 },
    );
    expect(seen.moved).toBeGreaterThan(20);
    expect(seen.overloaded).toBeGreaterThan(10);
    expect(seen.born).toBeGreaterThan(100);
    expect(seen.trustAtZero).toBeGreaterThan(50);
    expect(seen.statements).toBeGreaterThan(50);
  }, 45_000);

  it('has checks that do catch a broken state (so the properties above can fail)', () => {
    const sim = createSim(SCENARIOS[0]!, 1);
    for (let t = 0; t < 300; t++) step(sim);
    const broken = (mutate: (s: SimState) => void): Sim => {
      const copy = restore(sim.scenario, sim.state);
      mutate(copy.state);
      return copy;
    };
    expect(() => checkPeople(sim)).not.toThrow();
    expect(() => checkPeople(broken((s) => (s.segments[0]!.active += 1)))).toThrow(/≠/);
    expect(() => checkPeople(broken((s) => (s.people.trust[0] = 100.5)))).toThrow(/trust of public/);
    expect(() => checkPeople(broken((s) => (s.people.rumours[0]!.belief[1] = -0.1)))).toThrow(/belief/);
    expect(() => checkPeople(broken((s) => (s.people.workarounds[0]!.uptake[0] = 1.2)))).toThrow(/uptake/);
    expect(() => checkFinite(broken((s) => (s.services[2]!.queue = NaN)).state)).toThrow(
      /services\[2\]\.queue/,
    );
  });

  it('rejects invalid commands with a code, never a throw, and changes nothing but the log', () => {
    const sim0 = createSim(SCENARIOS[0]!, 1);
    for (let t = 0; t < 200; t++) step(sim0); // mid-outage, with things going on
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 20 }), (cmds) => {
        const sim = restore(sim0.scenario, sim0.state);
        for (const cmd of cmds) applyChecked(sim, cmd);
        checkPeople(sim);
        checkFinite(sim.state);
      }),
      { numRuns: 300 },
    );
  }, 45_000);
});
