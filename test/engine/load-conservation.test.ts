/**
 * Load conservation on random small cities (fast-check): the load arriving at each service is exactly its
 * own customers' demand and retries plus what its dependants pass on — computed here, tick by tick, from the
 * rules in traffic.ts's header, using only the states before and after each step:
 *   - application edge: the dependant's admitted requests × its own success × share (attackShare for attack);
 *   - infrastructure edge (to network/edge kinds): everything arriving at the dependant's door × share.
 * The dependant's own success is recomputed from its queue model (serve up to capacity, queue up to
 * timeout × capacity, drop the rest), not read from the engine.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSim, step, type SimState, type Scenario } from '../../src/engine';
import { fixture } from './fixtures';

interface CityParams {
  capacities: number[];
  perHour: [number, number, number];
  shares: number[];
  attackShareAC: number;
  attackRps: number;
  clientRetry: [number, number, number];
  crash: boolean;
}

const N = 4; // a (portal), b (bank app), c (wallet core), n (network)

/** a and b are entry points; both use c; everything crosses the network n. */
function city(p: CityParams): Scenario {
  const [ca, cb, cc, cn] = p.capacities;
  const [sAC, sBC, sAN, sBN, sCN] = p.shares;
  return fixture(`
    services:
      - { id: a, name: A, kind: portal, capacity: ${ca}, timeout: 5s, clientRetry: ${p.clientRetry[0]}, ${p.crash ? 'crashAt: 3, crashAfter: 20s, restart: 30s, warmup: 20s,' : ''} critical: true, map: { x: 0, y: 0 } }
      - { id: b, name: B, kind: bank-app, capacity: ${cb}, timeout: 8s, clientRetry: ${p.clientRetry[1]}, map: { x: 0, y: 0 } }
      - { id: c, name: C, kind: mobile-money-core, capacity: ${cc}, timeout: 3s, clientRetry: ${p.clientRetry[2]}, map: { x: 0, y: 0 } }
      - { id: n, name: N, kind: network, capacity: ${cn}, map: { x: 0, y: 0 } }
    dependencies:
      - { from: a, to: c, kind: soft, weight: 0.4, share: ${sAC}, attackShare: ${p.attackShareAC} }
      - { from: b, to: c, kind: hard, share: ${sBC} }
      - { from: a, to: n, kind: hard, share: ${sAN} }
      - { from: b, to: n, kind: soft, weight: 0.5, share: ${sBN} }
      - { from: c, to: n, kind: hard, share: ${sCN} }
    segments:
      - { id: s1, name: S1, size: 1000000, patience: 5m, retryEvery: 20s, needs: [{ service: a, perHour: ${p.perHour[0]}, value: 10 }, { service: c, perHour: ${p.perHour[2]}, value: 10 }] }
      - { id: s2, name: S2, size: 500000, patience: 3m, retryEvery: 45s, needs: [{ service: b, perHour: ${p.perHour[1]}, value: 10 }] }
    attacks:
      - { id: flood, vector: layer7, target: a, jitter: 0.2, intensity: [{ at: 0, rps: 0 }, { at: 2m, rps: ${p.attackRps} }, { at: 5m, rps: ${p.attackRps} }] }
  `);
}

const paramsArb: fc.Arbitrary<CityParams> = fc.record({
  capacities: fc.tuple(
    fc.integer({ min: 50, max: 2000 }),
    fc.integer({ min: 50, max: 2000 }),
    fc.integer({ min: 50, max: 2000 }),
    fc.integer({ min: 200, max: 5000 }),
  ),
  perHour: fc.tuple(
    fc.double({ min: 0, max: 2, noNaN: true }),
    fc.double({ min: 0, max: 2, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
  attackShareAC: fc.double({ min: 0, max: 1, noNaN: true }),
  attackRps: fc.integer({ min: 0, max: 6000 }),
  clientRetry: fc.tuple(
    fc.double({ min: 0, max: 0.9, noNaN: true }),
    fc.double({ min: 0, max: 0.9, noNaN: true }),
    fc.double({ min: 0, max: 0.9, noNaN: true }),
  ),
  crash: fc.boolean(),
});

/** Own success from the queue model: of this tick's arrivals plus the waiting queue, what was dropped. */
function ownSuccess(scenario: Scenario, before: SimState, after: SimState, s: number): number {
  const st = after.services[s]!;
  const capacity = st.capacityRps;
  if (capacity <= 0) return 0;
  const arrivals = st.legitRps + st.attackRps;
  const work = arrivals + before.services[s]!.queue;
  const rest = work - Math.min(work, capacity);
  const dropped = rest - Math.min(rest, (capacity * scenario.services[s]!.timeoutMs) / 1000);
  return arrivals > 0 ? Math.max(0, 1 - dropped / arrivals) : 1;
}

/** Expected legitimate and attack load per service for the step from `before` to `after`. */
function expectedLoad(
  scenario: Scenario,
  before: SimState,
  after: SimState,
): { legit: number[]; attack: number[]; retry: number[] } {
  const legit = new Array<number>(N).fill(0);
  const attack = new Array<number>(N).fill(0);
  const retry = new Array<number>(N).fill(0);
  // Customers: new transactions from the active customers the last tick left, and manual retries.
  scenario.segments.forEach((g, gi) => {
    g.needs.forEach((need, k) => {
      legit[need.service]! +=
        ((before.segments[gi]!.active * need.perHour) / 3600) * after.segments[gi]!.noise[k]!;
      retry[need.service]! += before.segments[gi]!.stranded[k]! / g.retryEveryTicks;
    });
  });
  // Client software re-sends a share of what failed at the door last tick.
  scenario.services.forEach((def, s) => (retry[s]! += before.services[s]!.failedLastTick * def.clientRetry));
  for (let s = 0; s < N; s++) legit[s]! += retry[s]!;
  // The flood hits a directly.
  attack[0]! += after.services[0]!.attackRps;
  // Edges, passed on from the dependant's observed load (dependants come first in this city: a, b, then c).
  for (const s of [0, 1, 2]) {
    const own = ownSuccess(scenario, before, after, s);
    const st = after.services[s]!;
    for (const e of scenario.depsOf[s]!) {
      const d = scenario.dependencies[e]!;
      if (d.carriesArrivals) {
        legit[d.to]! += st.legitRps * d.share;
        attack[d.to]! += st.attackRps * d.attackShare;
      } else {
        legit[d.to]! += st.legitRps * own * d.share;
        attack[d.to]! += st.attackRps * own * d.attackShare;
      }
    }
  }
  return { legit, attack, retry };
}

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('load conservation', () => {
  it('the load at every service is its own demand and retries plus exactly what its dependants pass on', () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 1, max: 1000 }), (params, seed) => {
        const scenario = city(params);
        const sim = createSim(scenario, seed);
        for (let t = 0; t < 400; t++) {
          const before = structuredClone(sim.state);
          step(sim);
          const want = expectedLoad(scenario, before, sim.state);
          for (let s = 0; s < N; s++) {
            const st = sim.state.services[s]!;
            const where = `tick ${t}, ${scenario.services[s]!.id}`;
            expect(
              close(st.retryRps, want.retry[s]!),
              `${where}: retry ${st.retryRps} vs ${want.retry[s]}`,
            ).toBe(true);
            expect(
              close(st.legitRps, want.legit[s]!),
              `${where}: legit ${st.legitRps} vs ${want.legit[s]}`,
            ).toBe(true);
            expect(
              close(st.attackRps, want.attack[s]!),
              `${where}: attack ${st.attackRps} vs ${want.attack[s]}`,
            ).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
