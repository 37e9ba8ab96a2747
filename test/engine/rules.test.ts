/**
 * The core rules of the outage model, each checked against numbers worked out by hand from the documented
 * rules in src/engine/traffic.ts (load, queues, dependencies), status.ts (crash, restart, warm-up),
 * demand.ts (retries) and customers.ts (stranded customers).
 */
import { describe, it, expect } from 'vitest';
import { createSim, step } from '../../src/engine';
import { fixture, newDemand, serviceIndex, steps, svc } from './fixtures';

describe('dependencies', () => {
  // bank fails at tick 0 for good. app needs it (hard); site needs it softly (weight 0.4); kiosk needs site (hard).
  const scenario = fixture(`
    services:
      - { id: bank, name: Bank, kind: bank-core, capacity: 1000, critical: true, map: { x: 0, y: 0 } }
      - { id: app, name: App, kind: bank-app, capacity: 1000, map: { x: 0, y: 0 } }
      - { id: site, name: Site, kind: portal, capacity: 1000, map: { x: 0, y: 0 } }
      - { id: kiosk, name: Kiosk, kind: counter, capacity: 1000, map: { x: 0, y: 0 } }
    dependencies:
      - { from: app, to: bank, kind: hard }
      - { from: site, to: bank, kind: soft, weight: 0.4 }
      - { from: kiosk, to: site, kind: hard }
    injects:
      - { id: outage, trigger: { at: 0 }, effects: [{ type: fail, service: bank }] }
  `);

  it('a hard dependency down takes the dependant down, blaming the dependency', () => {
    const sim = createSim(scenario, 1);
    step(sim);
    expect(svc(sim, 'bank')).toMatchObject({ status: 'down', cause: 'crashed', availability: 0 });
    // availability = own success (1: nothing fails at app itself) × (1 − 1 × (1 − 0)) = 0
    expect(svc(sim, 'app')).toMatchObject({
      status: 'down',
      cause: 'upstream',
      causeService: serviceIndex(scenario, 'bank'),
    });
    expect(svc(sim, 'app').availability).toBe(0);
  });

  it('a soft dependency of weight w down leaves the factor 1 − w, and that passes down a hard chain', () => {
    const sim = createSim(scenario, 1);
    step(sim);
    // site: 1 × (1 − 0.4 × (1 − 0)) = 0.6 → degraded (0.25 ≤ 0.6 < 0.95), because of bank
    expect(svc(sim, 'site').availability).toBeCloseTo(0.6, 12);
    expect(svc(sim, 'site')).toMatchObject({
      status: 'degraded',
      cause: 'upstream',
      causeService: serviceIndex(scenario, 'bank'),
    });
    // kiosk: 1 × (1 − 1 × (1 − 0.6)) = 0.6, and it blames its own dependency (site), not the root cause
    expect(svc(sim, 'kiosk').availability).toBeCloseTo(0.6, 12);
    expect(svc(sim, 'kiosk')).toMatchObject({
      status: 'degraded',
      cause: 'upstream',
      causeService: serviceIndex(scenario, 'site'),
    });
  });
});

describe('capacity saturation', () => {
  // A flood of exactly 2 × capacity on a service that never crashes; dependants see its partial health.
  const scenario = fixture(`
    services:
      - { id: svc, name: Service, kind: portal, capacity: 100, latency: 50, timeout: 10s, critical: true, map: { x: 0, y: 0 } }
      - { id: front, name: Front, kind: app-gateway, capacity: 100, map: { x: 0, y: 0 } }
      - { id: side, name: Side, kind: bank-app, capacity: 100, map: { x: 0, y: 0 } }
    dependencies:
      - { from: front, to: svc, kind: hard }
      - { from: side, to: svc, kind: soft, weight: 0.4 }
    attacks:
      - { id: flood, vector: layer7, target: svc, jitter: 0, intensity: [{ at: 0, rps: 200 }, { at: 1h, rps: 200 }] }
  `);

  it('queues up to timeout × capacity, then settles at 50 % success with latency rising with the queue', () => {
    const sim = createSim(scenario, 1);
    // Per tick: 200 arrive, 100 are served, the other 100 join the queue until it holds 10 s × 100 = 1000.
    for (let t = 0; t < 10; t++) {
      step(sim);
      const s = svc(sim, 'svc');
      expect(s.queue).toBeCloseTo(100 * (t + 1), 9);
      expect(s.latencyMs).toBeCloseTo(50 + 1000 * (t + 1), 9); // base + queue ÷ capacity, in ms
      expect(s.availability).toBe(1); // nothing dropped yet: queued requests still succeed
      expect(s.utilisation).toBe(2);
    }
    // Full queue: of 200 arrivals, 100 more than capacity are dropped → own success 1 − 100/200.
    for (let t = 10; t < 30; t++) {
      step(sim);
      const s = svc(sim, 'svc');
      expect(s.queue).toBeCloseTo(1000, 9);
      expect(s.latencyMs).toBeCloseTo(50 + 10_000, 9);
      expect(s.availability).toBeCloseTo(0.5, 12);
      expect(s.servedRps).toBeCloseTo(100, 9);
    }
    expect(svc(sim, 'svc')).toMatchObject({ status: 'degraded', cause: 'attack' });
    // Hard dependant: 1 × (1 − 1 × 0.5); soft (0.4): 1 × (1 − 0.4 × 0.5).
    expect(svc(sim, 'front').availability).toBeCloseTo(0.5, 12);
    expect(svc(sim, 'side').availability).toBeCloseTo(0.8, 12);
  });
});

describe('retries', () => {
  // 3.6 M users × 1 transaction/h = 1000 req/s (× noise) at an app that is down from tick 0.
  const scenarioWith = (clientRetry: number, retryEvery: string) =>
    fixture(`
      services:
        - { id: app, name: App, kind: app-gateway, capacity: 5000, clientRetry: ${clientRetry}, critical: true, map: { x: 0, y: 0 } }
        - { id: spare, name: Spare, kind: counter, capacity: 10, map: { x: 0, y: 0 } }
      segments:
        - { id: users, name: Users, size: 3600000, patience: 2h, retryEvery: ${retryEvery}, churn: 0.1, needs: [{ service: app, perHour: 1, value: 100 }] }
      injects:
        - { id: outage, trigger: { at: 0 }, effects: [{ type: fail, service: app }] }
    `);

  it('client retries add clientRetry × last tick’s failures, converging to p/(1−p) × the other traffic', () => {
    const p = 0.6;
    const sim = createSim(scenarioWith(p, '1h'), 3);
    let failedBefore = 0;
    let ratio = 0;
    for (let t = 0; t < 59; t++) {
      const strandedBefore = sim.state.segments[0]!.stranded[0]!;
      step(sim);
      const app = svc(sim, 'app');
      const manual = strandedBefore / 3600; // stranded customers retry once per retryEvery
      const client = app.retryRps - manual;
      expect(client).toBeCloseTo(p * failedBefore, 6);
      // Down: every request at the door fails, and all of it counts towards next tick's client retries.
      expect(app.failedLastTick).toBeCloseTo(app.legitRps, 6);
      failedBefore = app.failedLastTick;
      const others = app.legitRps - client; // new transactions + manual retries
      ratio = client / others;
    }
    // Geometric series: R = p × (others + R) ⇒ R = p/(1−p) × others = 1.5 × others.
    expect(ratio).toBeGreaterThan(1.5 * 0.99);
    expect(ratio).toBeLessThan(1.5 * 1.01);
  });

  it('stranded customers retry every retryEvery seconds and give up after their patience', () => {
    const sim = createSim(scenarioWith(0, '30s'), 5);
    const g = sim.scenario.segments[0]!;
    expect(g.retryEveryTicks).toBe(30);
    expect(g.patienceTicks).toBe(7200);
    for (let t = 0; t < 120; t++) {
      const before = structuredClone(sim.state.segments[0]!);
      step(sim);
      const after = sim.state.segments[0]!;
      // No client retries (clientRetry 0): the retry load is exactly the stranded pool ÷ 30 s.
      expect(svc(sim, 'app').retryRps).toBeCloseTo(before.stranded[0]! / 30, 9);
      // Nobody gets through, so the pool grows by the new transactions and shrinks by 1/7200 giving up.
      const arrivals = newDemand(sim, 0, 0, before.active);
      const giveUp = before.stranded[0]! / 7200;
      expect(after.stranded[0]!).toBeCloseTo(before.stranded[0]! + arrivals - giveUp, 6);
      expect(after.churned - before.churned).toBeCloseTo(giveUp * 0.1, 9);
    }
  });
});

describe('crash, restart and warm-up', () => {
  // 200 req/s for the first 11 s on a service of 100 that crashes after 5 s above 150 %.
  const scenario = fixture(`
    services:
      - id: svc
        name: Service
        kind: mobile-money-core
        capacity: 100
        crashAt: 1.5
        crashAfter: 5s
        restart: 20s
        warmup: 10s
        critical: true
        map: { x: 0, y: 0 }
      - { id: other, name: Other, kind: counter, capacity: 10, map: { x: 0, y: 0 } }
    attacks:
      - { id: flood, vector: layer7, target: svc, jitter: 0, intensity: [{ at: 0, rps: 200 }, { at: 10s, rps: 200 }] }
  `);

  it('crashes on the crashAfter-th overloaded tick, restarts after `restart`, ramps 10 % → 100 % over `warmup`', () => {
    const sim = createSim(scenario, 1);
    steps(sim, 4); // ticks 0–3: four overloaded ticks in a row
    expect(svc(sim, 'svc').status).not.toBe('down');
    expect(svc(sim, 'svc').overloadTicks).toBe(4);
    step(sim); // tick 4: the fifth → crash, back at 4 + 20
    expect(svc(sim, 'svc')).toMatchObject({ status: 'down', cause: 'crashed', restartAtTick: 24, queue: 0 });
    for (let t = 5; t < 24; t++) {
      step(sim);
      expect(svc(sim, 'svc')).toMatchObject({ status: 'down', capacityRps: 0, availability: 0 });
    }
    for (let t = 24; t < 34; t++) {
      step(sim);
      // Cold start at tick 24: 10 % + 90 % × (ticks since restart ÷ 10).
      expect(svc(sim, 'svc').capacityRps).toBeCloseTo(100 * (0.1 + (0.9 * (t - 24)) / 10), 9);
      expect(svc(sim, 'svc').status).toBe('recovering');
    }
    step(sim); // tick 34: warm-up over, no load left (the flood ended at 10 s)
    expect(svc(sim, 'svc')).toMatchObject({ status: 'healthy', capacityRps: 100, cause: 'ok' });
  });
});
