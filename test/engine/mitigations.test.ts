/**
 * Each of the 11 mitigation kinds on the "mitigation city" (fixtures.ts): no effect before its delay, its
 * documented effect from the tick it takes effect, its cost at the order and per hour, and its side effect.
 * Delays, costs and parameters below are copied from the catalogue's documentation (catalogue.ts), not read
 * from the code, so a changed catalogue entry shows up here as a deliberate decision.
 */
import { describe, it, expect } from 'vitest';
import { apply, BUILTIN_MITIGATIONS, createSim, step, type Command, type Sim } from '../../src/engine';
import { paramNames } from '../../src/engine/mitigationParams';
import { newRngState, withRng } from '../../src/engine/rng';
import { compile } from '../../src/scenario';
import { mitigationCity, mitigationCityYaml, serviceIndex, steps, stepTo, svc } from './fixtures';

const BUDGET = 10_000_000;
const scenario = mitigationCity({ budget: BUDGET });
const SIZE = 3_600_000;

/** New portal transactions this tick while nobody is stranded yet: 100 req/s × this minute's noise. */
function portalDemand(sim: Sim): number {
  return ((SIZE * 0.1) / 3600) * sim.state.segments[0]!.noise[0]!;
}

interface Case {
  kind: string;
  cmd: Command;
  delay: number;
  cost: number;
  perHour: number;
  /** What the mitigation changes, read from the state after a step. */
  observe: (sim: Sim) => Record<string, number | string>;
  before: Record<string, number | string>;
  after: Record<string, number | string>;
}

const mitigate = (
  mitigation: string,
  target: string,
  extra: Partial<Record<'region' | 'dependsOn', string>> = {},
): Command => ({
  type: 'mitigate',
  mitigation,
  target,
  ...extra,
});

/** What a door filter changes at the portal: attack admitted, share of legitimate demand admitted, availability. */
const portalFilter = (sim: Sim) => ({
  attack: svc(sim, 'portal').attackRps,
  legit: svc(sim, 'portal').legitRps / portalDemand(sim),
  availability: svc(sim, 'portal').availability,
});

// The city at rest: portal gets ~100 legit + 400 attack (of 1000), passes all of it to the edge (infrastructure)
// and half of its admitted legit traffic to the wallet; everything is healthy.
const CASES: Case[] = [
  {
    kind: 'rate-limit', // pass_layer7 0.45, legitPass 0.93
    cmd: mitigate('rate-limit', 'portal'),
    delay: 120,
    cost: 0,
    perHour: 0,
    observe: portalFilter,
    before: { attack: 400, legit: 1, availability: 1 },
    after: { attack: 400 * 0.45, legit: 0.93, availability: 0.93 },
  },
  {
    kind: 'waf-rule', // pass_layer7 0.12, legitPass 0.97
    cmd: mitigate('waf-rule', 'portal'),
    delay: 480,
    cost: 150_000,
    perHour: 0,
    observe: portalFilter,
    before: { attack: 400, legit: 1, availability: 1 },
    after: { attack: 400 * 0.12, legit: 0.97, availability: 0.97 },
  },
  {
    // Blocks the region at the portal's door: 20 % of citizens and 75 % of the flood. The edge in front
    // still carries the whole flood: the block sits behind it.
    kind: 'geo-block',
    cmd: mitigate('geo-block', 'portal', { region: 'foreign' }),
    delay: 60,
    cost: 0,
    perHour: 0,
    observe: (sim) => ({
      attack: svc(sim, 'portal').attackRps,
      legit: svc(sim, 'portal').legitRps / portalDemand(sim),
      edgeAttack: svc(sim, 'edge').attackRps,
      strandedShare: sim.state.segments[0]!.stranded[0]! / portalDemand(sim),
    }),
    before: { attack: 400, legit: 1, edgeAttack: 400, strandedShare: 0 },
    after: { attack: 400 * 0.25, legit: 0.8, edgeAttack: 400, strandedShare: 0.2 },
  },
  {
    // Filters upstream (pass_layer7 0.35) so the edge carries less too; +40 ms; legitPass 0.99.
    kind: 'scrubbing',
    cmd: mitigate('scrubbing', 'portal'),
    delay: 1200,
    cost: 1_000_000,
    perHour: 400_000,
    observe: (sim) => ({
      attack: svc(sim, 'portal').attackRps,
      edgeAttack: svc(sim, 'edge').attackRps,
      latency: svc(sim, 'portal').latencyMs,
      legit: svc(sim, 'portal').legitRps / portalDemand(sim),
    }),
    before: { attack: 400, edgeAttack: 400, latency: 100, legit: 1 },
    after: { attack: 400 * 0.35, edgeAttack: 400 * 0.35, latency: 140, legit: 0.99 },
  },
  {
    kind: 'add-capacity', // capacityShare 0.5
    cmd: mitigate('add-capacity', 'portal'),
    delay: 900,
    cost: 500_000,
    perHour: 250_000,
    observe: (sim) => ({ capacity: svc(sim, 'portal').capacityRps }),
    before: { capacity: 1000 },
    after: { capacity: 1500 },
  },
  {
    kind: 'failover', // capacityShare 0.7 (stale data: see its own test)
    cmd: mitigate('failover', 'portal'),
    delay: 300,
    cost: 300_000,
    perHour: 50_000,
    observe: (sim) => ({ capacity: svc(sim, 'portal').capacityRps }),
    before: { capacity: 1000 },
    after: { capacity: 700 },
  },
  {
    // Off the network: nothing of the portal's reaches the edge or the wallet any more.
    kind: 'shed',
    cmd: mitigate('shed', 'portal'),
    delay: 30,
    cost: 0,
    perHour: 0,
    observe: (sim) => ({
      status: svc(sim, 'portal').status,
      cause: svc(sim, 'portal').cause,
      capacity: svc(sim, 'portal').capacityRps,
      edgeAttack: svc(sim, 'edge').attackRps,
      edgeLegit: svc(sim, 'edge').legitRps / portalDemand(sim),
      walletLegit: svc(sim, 'wallet').legitRps / portalDemand(sim),
    }),
    before: {
      status: 'healthy',
      cause: 'ok',
      capacity: 1000,
      edgeAttack: 400,
      edgeLegit: 1,
      walletLegit: 0.5,
    },
    after: { status: 'down', cause: 'shed', capacity: 0, edgeAttack: 0, edgeLegit: 0, walletLegit: 0 },
  },
  {
    // Works on a non-sheddable service; the portal then loses its soft dependency: 1 − 0.3 × (1 − 0) = 0.7.
    kind: 'maintenance',
    cmd: mitigate('maintenance', 'wallet'),
    delay: 30,
    cost: 0,
    perHour: 0,
    observe: (sim) => ({
      status: svc(sim, 'wallet').status,
      cause: svc(sim, 'wallet').cause,
      capacity: svc(sim, 'wallet').capacityRps,
      portal: svc(sim, 'portal').availability,
      portalCause: svc(sim, 'portal').cause,
    }),
    before: { status: 'healthy', cause: 'ok', capacity: 5000, portal: 1, portalCause: 'ok' },
    after: { status: 'down', cause: 'maintenance', capacity: 0, portal: 0.7, portalCause: 'upstream' },
  },
  {
    // Cuts portal → wallet: the wallet stops receiving the portal's half; the portal loses the soft dependency.
    kind: 'isolate',
    cmd: mitigate('isolate', 'portal', { dependsOn: 'wallet' }),
    delay: 120,
    cost: 0,
    perHour: 0,
    observe: (sim) => ({
      walletLegit: svc(sim, 'wallet').legitRps / portalDemand(sim),
      portal: svc(sim, 'portal').availability,
    }),
    before: { walletLegit: 0.5, portal: 1 },
    after: { walletLegit: 0, portal: 0.7 },
  },
  {
    // At the edge: +30 % capacity, +10 ms, and traffic arriving from dependants filtered like layer 7 (0.6).
    kind: 'call-provider',
    cmd: mitigate('call-provider', 'edge'),
    delay: 1800,
    cost: 2_000_000,
    perHour: 0,
    observe: (sim) => ({
      capacity: svc(sim, 'edge').capacityRps,
      latency: svc(sim, 'edge').latencyMs,
      attack: svc(sim, 'edge').attackRps,
    }),
    before: { capacity: 10_000, latency: 20, attack: 400 },
    after: { capacity: 13_000, latency: 30, attack: 400 * 0.6 },
  },
];

function expectObserved(
  actual: Record<string, number | string>,
  expected: Record<string, number | string>,
): void {
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number') expect(actual[key], key).toBeCloseTo(value, 9);
    else expect(actual[key], key).toBe(value);
  }
}

describe.each(CASES)('$kind', (c) => {
  it(`has no effect before its ${c.delay}-tick delay and takes effect on that tick`, () => {
    const sim = createSim(scenario, 11);
    const result = apply(sim, c.cmd);
    expect(result.ok).toBe(true);
    steps(sim, c.delay); // ticks 0 … delay − 1
    expectObserved(c.observe(sim), c.before);
    step(sim); // tick `delay`
    expectObserved(c.observe(sim), c.after);
  });

  it(`costs KES ${c.cost} when ordered and KES ${c.perHour} per hour once in effect`, () => {
    const sim = createSim(scenario, 11);
    apply(sim, c.cmd);
    expect(sim.state.budgetKES).toBe(BUDGET - c.cost);
    steps(sim, c.delay);
    expect(sim.state.budgetKES).toBe(BUDGET - c.cost); // nothing accrues while waiting
    steps(sim, 3600); // one hour in effect
    expect(sim.state.budgetKES).toBeCloseTo(BUDGET - c.cost - c.perHour, 4);
    expect(sim.state.metrics.budgetSpentKES).toBeCloseTo(c.cost + c.perHour, 4);
  });
});

describe('ending and lifting', () => {
  it('lifting a filter removes its effect from the next tick', () => {
    const sim = createSim(scenario, 2);
    const r = apply(sim, mitigate('rate-limit', 'portal'));
    steps(sim, 130);
    expect(svc(sim, 'portal').attackRps).toBeCloseTo(180, 9);
    expect(apply(sim, { type: 'lift', uid: r.ok ? r.uid! : -1 })).toEqual({ ok: true });
    step(sim);
    expect(svc(sim, 'portal').attackRps).toBeCloseTo(400, 9);
    expect(sim.state.mitigations).toEqual([]);
  });

  it('call-provider expires by itself 4 h after taking effect', () => {
    const sim = createSim(scenario, 2);
    apply(sim, mitigate('call-provider', 'edge'));
    stepTo(sim, 1800 + 14_400);
    expect(svc(sim, 'edge').capacityRps).toBeCloseTo(13_000, 9);
    step(sim);
    expect(svc(sim, 'edge').capacityRps).toBeCloseTo(10_000, 9);
    expect(sim.state.mitigations).toEqual([]);
  });

  it.each(['shed', 'maintenance'])(
    'lifting %s brings the service back after its restart time, cold',
    (kind) => {
      const sim = createSim(scenario, 4);
      const r = apply(sim, mitigate(kind, 'portal'));
      steps(sim, 50);
      expect(svc(sim, 'portal').status).toBe('down');
      apply(sim, { type: 'lift', uid: r.ok ? r.uid! : -1 }); // at tick 50: back at 50 + 200 (restart: 200s)
      for (let t = 50; t < 250; t++) {
        step(sim);
        expect(svc(sim, 'portal')).toMatchObject({ status: 'down', cause: 'crashed', capacityRps: 0 });
      }
      step(sim); // tick 250: restarts at 10 % of 1000, warming up for 100 s
      expect(svc(sim, 'portal')).toMatchObject({
        status: 'recovering',
        restartAtTick: -1,
        warmupUntilTick: 350,
      });
      expect(svc(sim, 'portal').capacityRps).toBeCloseTo(100, 9);
      stepTo(sim, 300);
      step(sim); // tick 300: half-way, 10 % + 90 % × 0.5
      expect(svc(sim, 'portal').capacityRps).toBeCloseTo(550, 9);
      stepTo(sim, 350);
      step(sim);
      expect(svc(sim, 'portal').capacityRps).toBeCloseTo(1000, 9);
    },
  );
});

describe('restart', () => {
  it('is only accepted on a service that is down, and not one taken offline on purpose', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, mitigate('restart', 'portal'))).toMatchObject({ ok: false, code: 'cmd/not-down' });
    apply(sim, mitigate('shed', 'portal'));
    steps(sim, 40);
    expect(svc(sim, 'portal').status).toBe('down');
    expect(apply(sim, mitigate('restart', 'portal'))).toMatchObject({ ok: false, code: 'cmd/not-down' });
  });

  it('shortens the recovery to half the restart time after its 60-tick delay, and costs KES 50,000', () => {
    const run = (orderRestart: boolean) => {
      const sim = createSim(scenario, 1);
      const shed = apply(sim, mitigate('shed', 'portal'));
      steps(sim, 50);
      apply(sim, { type: 'lift', uid: shed.ok ? shed.uid! : -1 }); // automatic restart due at 250
      step(sim); // tick 50: no longer offline on purpose, but down (crashed state)
      if (orderRestart) {
        expect(apply(sim, mitigate('restart', 'portal'))).toMatchObject({ ok: true }); // at tick 51
        expect(sim.state.budgetKES).toBe(BUDGET - 50_000);
      }
      return sim;
    };
    // Takes effect at 51 + 60 = 111: back at min(250, 111 + ⌈200 × 0.5⌉) = 211.
    const restarted = run(true);
    stepTo(restarted, 211);
    expect(svc(restarted, 'portal').status).toBe('down');
    step(restarted);
    expect(svc(restarted, 'portal').status).toBe('recovering');
    expect(restarted.state.mitigations).toEqual([]); // instant: done once applied
    // Without it, the portal is still down then, and only comes back at 250.
    const waited = run(false);
    stepTo(waited, 250);
    expect(svc(waited, 'portal').status).toBe('down');
    step(waited);
    expect(svc(waited, 'portal').status).toBe('recovering');
  });
});

describe('failover', () => {
  /** The documented draw: the first draw of the seed's "ops" stream decides staleness (risk 0.3). */
  const expectStale = (seed: number): boolean =>
    withRng(newRngState(String(seed), 'ops'), (next) => next() < 0.3);

  it('draws stale data with the seeded risk: a 5 % error floor when stale, none when fresh', () => {
    const seen = { stale: 0, fresh: 0 };
    for (let seed = 1; seed <= 20; seed++) {
      const sim = createSim(scenario, seed);
      apply(sim, mitigate('failover', 'portal'));
      steps(sim, 301); // in effect from tick 300
      const m = sim.state.mitigations[0]!;
      expect(m.stale).toBe(expectStale(seed));
      // Portal load (~500) stays below the backup's 700: only the error floor can cost success.
      expect(svc(sim, 'portal').availability).toBeCloseTo(m.stale ? 0.95 : 1, 9);
      seen[m.stale ? 'stale' : 'fresh']++;
    }
    // Both outcomes occur among these seeds, so both branches above were exercised.
    expect(seen.stale).toBeGreaterThan(0);
    expect(seen.fresh).toBeGreaterThan(0);
  });

  it('needs a backup site', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, mitigate('failover', 'wallet'))).toMatchObject({ ok: false, code: 'cmd/no-backup' });
  });
});

describe('target rules', () => {
  it('call-provider only targets network, edge and payment-gateway services', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, mitigate('call-provider', 'portal'))).toMatchObject({
      ok: false,
      code: 'cmd/wrong-target-kind',
    });
    expect(apply(sim, mitigate('call-provider', 'wallet'))).toMatchObject({
      ok: false,
      code: 'cmd/wrong-target-kind',
    });
    expect(apply(sim, mitigate('call-provider', 'edge'))).toMatchObject({ ok: true });
    expect(apply(sim, mitigate('call-provider', 'gateway'))).toMatchObject({ ok: true });
  });

  it('shed refuses a service that is not sheddable', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, mitigate('shed', 'wallet'))).toMatchObject({ ok: false, code: 'cmd/not-sheddable' });
    expect(sim.state.mitigations).toEqual([]);
  });

  it('isolate needs an existing dependency of the target', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, mitigate('isolate', 'portal'))).toMatchObject({
      ok: false,
      code: 'cmd/unknown-dependency',
    });
    expect(apply(sim, mitigate('isolate', 'wallet', { dependsOn: 'portal' }))).toMatchObject({
      ok: false,
      code: 'cmd/unknown-dependency',
    });
    const ok = apply(sim, mitigate('isolate', 'portal', { dependsOn: 'edge' }));
    expect(ok.ok).toBe(true);
    // The order targets the edge (dependency) index, not the service.
    const edgeIndex = scenario.dependencies.findIndex(
      (d) => d.from === serviceIndex(scenario, 'portal') && d.to === serviceIndex(scenario, 'edge'),
    );
    expect(sim.state.mitigations[0]!.target).toBe(edgeIndex);
  });

  it('isolating a hard dependency fails the dependant completely', () => {
    const sim = createSim(scenario, 1);
    apply(sim, mitigate('isolate', 'portal', { dependsOn: 'edge' }));
    steps(sim, 121);
    expect(svc(sim, 'portal').availability).toBe(0);
    expect(svc(sim, 'edge').legitRps).toBe(0); // and none of its traffic crosses the cut link
    expect(svc(sim, 'edge').attackRps).toBe(0);
  });

  it('geo-block needs a known region', () => {
    const sim = createSim(scenario, 1);
    expect(apply(sim, mitigate('geo-block', 'portal'))).toMatchObject({
      ok: false,
      code: 'cmd/missing-region',
    });
    expect(apply(sim, mitigate('geo-block', 'portal', { region: 'mars' }))).toMatchObject({
      ok: false,
      code: 'cmd/unknown-region',
    });
  });
});

describe('parameters: each kind reads only what mitigationParams.ts declares for it', () => {
  it('every catalogue entry sets only parameters its kind reads', () => {
    const stray = BUILTIN_MITIGATIONS.flatMap((m) =>
      Object.keys(m.params)
        .filter((p) => !paramNames(m.kind).includes(p))
        .map((p) => `${m.id}.${p}`),
    );
    expect(stray).toEqual([]);
  });

  /** The mitigation city with `capacityShare` tuned on one catalogue entry; its warnings too. */
  const tuned = (id: string, share: number) => {
    const { scenario, diagnostics } = compile(
      mitigationCityYaml(
        {},
        `mitigations:\n  tune:\n    ${id}:\n      params: { capacityShare: ${share} }\n`,
      ),
      'mitigation-city.yaml',
    );
    return { scenario: scenario!, codes: diagnostics.map((d) => d.code) };
  };

  // It used to: rate-limit.params.capacityShare: 2 was warned about (SCN050) yet tripled the edge's capacity.
  it.each(['rate-limit', 'waf-rule', 'scrubbing'])(
    'tuning %s with capacityShare warns SCN050 and leaves the capacity alone',
    (id) => {
      const { scenario, codes } = tuned(id, 2);
      expect(codes).toContain('SCN050');
      const sim = createSim(scenario, 3);
      expect(apply(sim, mitigate(id, 'edge')).ok).toBe(true);
      stepTo(sim, scenario.mitigations.find((m) => m.id === id)!.delayTicks + 1);
      expect(sim.state.mitigations[0]!.effective).toBe(true);
      expect(svc(sim, 'edge').capacityRps).toBeCloseTo(10_000, 9);
    },
  );

  it('call-provider does read it: capacityShare 1 doubles the edge, without a warning', () => {
    const { scenario, codes } = tuned('call-provider', 1);
    expect(codes).not.toContain('SCN050');
    const sim = createSim(scenario, 3);
    apply(sim, mitigate('call-provider', 'edge'));
    stepTo(sim, 1801);
    expect(svc(sim, 'edge').capacityRps).toBeCloseTo(20_000, 9);
  });
});
