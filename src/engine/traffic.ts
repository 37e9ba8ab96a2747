/**
 * Load, capacity and queues: the heart of the cascade.
 *
 * Two passes over the dependency graph each tick:
 * 1. Dependants first: each service receives its direct demand, retries, attack traffic and the traffic its
 *    dependants pass on; it serves what its capacity allows, queues what it can (up to its time-out), and
 *    fails the rest. What it admits and serves it passes to its dependencies (`share`, `attackShare`) —
 *    this is how a flood on the portal reaches the shared operator network.
 * 2. Dependencies first: end-to-end availability = own success × Π over dependencies of
 *    (1 − weight × (1 − availability of the dependency)). This is how the operator's saturation reaches
 *    mobile money, token vending, bank transfers and rail ticketing.
 */
import { OFFLINE_NONE } from './runtime';
import type { Sim } from './sim';

/** Warm-up: capacity ramps from 10 % to 100 %. */
const WARMUP_FLOOR = 0.1;

export function effectiveCapacity(sim: Sim, s: number): number {
  const { state, rt } = sim;
  const st = state.services[s]!;
  if (rt.offline[s] !== OFFLINE_NONE || st.restartAtTick >= 0) return 0;
  const g = rt.graph;
  let c =
    (g.capacity[s]! * rt.capacityMult[s]! + rt.capacityAdd[s]!) *
    state.capacityFactor[s]! *
    rt.faultFactor[s]!;
  const warmupTicks = g.warmupTicks[s]!;
  if (st.warmupUntilTick > state.tick && warmupTicks > 0) {
    const done = 1 - (st.warmupUntilTick - state.tick) / warmupTicks;
    c *= WARMUP_FLOOR + (1 - WARMUP_FLOOR) * Math.max(0, done);
  }
  return c;
}

export function computeTraffic(sim: Sim): void {
  const { scenario, state, rt } = sim;
  const order = scenario.order;
  // The graph's edges and constants as flat arrays (./flatGraph.ts): the same numbers, read without a pointer chase.
  const g = rt.graph;
  const { depStart, edgeId, edgeTo, edgeShare, edgeAttackShare, edgeWeight, edgeCarries } = g;
  rt.legitInbound.fill(0);
  rt.attackInbound.fill(0);

  for (let i = order.length - 1; i >= 0; i--) {
    const s = order[i]!;
    const st = state.services[s]!;
    const legitArriving = rt.legitDirect[s]! + rt.retryDirect[s]! + rt.legitInbound[s]!;
    const attackArriving = rt.attackArriving[s]! + rt.attackInbound[s]!;
    const legit = legitArriving * rt.legitPass[s]!;
    const attack = rt.attackDirect[s]! + rt.attackInbound[s]! * rt.inboundAttackPass[s]!;
    const capacity = effectiveCapacity(sim, s);
    const arrivals = legit + attack;
    const work = arrivals + st.queue;
    let own: number;
    if (capacity <= 0) {
      own = 0;
      st.queue = 0;
      st.servedRps = 0;
      st.latencyMs = g.timeoutMs[s]!;
    } else {
      const served = Math.min(work, capacity);
      const rest = work - served;
      const queue = Math.min(rest, (capacity * g.timeoutMs[s]!) / 1000);
      const dropped = rest - queue;
      own = arrivals > 0 ? Math.max(0, 1 - dropped / arrivals) : 1;
      st.queue = queue;
      st.servedRps = served;
      st.latencyMs = g.baseLatencyMs[s]! + rt.latencyAdd[s]! + (queue / capacity) * 1000;
    }
    // Legitimate requests also fail when a filter rejects them (false positives) or stale data refuses them.
    rt.ownSuccess[s] = own * rt.legitPass[s]! * (1 - rt.errorFloor[s]!);
    st.legitRps = legit;
    st.attackRps = attack;
    st.retryRps = rt.retryDirect[s]!;
    st.capacityRps = capacity;
    // A service with no capacity reports 0 (it is down, and the state stays finite JSON).
    st.utilisation = capacity > 0 ? arrivals / capacity : 0;

    if (rt.offline[s] !== OFFLINE_NONE) continue; // taken off the network: nothing reaches its dependencies
    for (let p = depStart[s]!, end = depStart[s + 1]!; p < end; p++) {
      if (rt.isolated[edgeId[p]!] === 1) continue;
      const to = edgeTo[p]!;
      if (edgeCarries[p] === 1) {
        rt.legitInbound[to]! += legitArriving * edgeShare[p]!;
        rt.attackInbound[to]! += attackArriving * edgeAttackShare[p]!;
      } else {
        rt.legitInbound[to]! += legit * own * edgeShare[p]!;
        rt.attackInbound[to]! += attack * own * edgeAttackShare[p]!;
      }
    }
  }

  for (let i = 0; i < order.length; i++) {
    const s = order[i]!;
    let factor = 1;
    let worst = -1;
    let worstFactor = 1;
    for (let p = depStart[s]!, end = depStart[s + 1]!; p < end; p++) {
      const e = edgeId[p]!;
      const upstream = rt.isolated[e] === 1 ? 0 : state.services[edgeTo[p]!]!.availability;
      const f = 1 - edgeWeight[p]! * (1 - upstream);
      factor *= f;
      if (f < worstFactor) {
        worstFactor = f;
        worst = e;
      }
    }
    rt.depFactor[s] = factor;
    rt.worstDep[s] = worst;
    const st = state.services[s]!;
    const availability = rt.ownSuccess[s]! * factor;
    st.availability = availability;
    st.errorRate = 1 - availability;
    // Entry traffic that failed here: clients re-send part of it next second (see demand.ts).
    st.failedLastTick = (rt.legitDirect[s]! + rt.retryDirect[s]!) * (1 - availability);
  }
}
