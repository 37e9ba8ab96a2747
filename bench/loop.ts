/**
 * The baseline the engine is compared with: a plain struct-of-arrays loop (Float64Array / Int32Array) over
 * the same services, the same dependency edges and the same topological order, doing the engine's
 * per-service arithmetic each tick:
 * - demand: direct demand × the time-of-day curve (linear between hourly values) + client retries of last
 *   tick's failures;
 * - pass 1, dependants first (reverse order): arrivals, effective capacity (multiplier, crash, warm-up ramp),
 *   served / queue / dropped with min/max, own success, latency, utilisation; the load handed to each
 *   dependency (infrastructure edges carry arrivals, application edges what was admitted);
 * - pass 2, dependencies first: the product of dependency factors, the worst edge, availability, error rate
 *   and the failures that clients retry next tick;
 * - crash after sustained overload, restart and warm-up, and a three-level status.
 * It does NOT do what has no per-service arithmetic counterpart in a flat loop: injects and expressions,
 * mitigation modifiers, customer segments, metrics, RNG noise, log text. So the ratio engine ÷ loop is
 * an upper bound on the engine's overhead over "the same maths in typed arrays".
 *
 * Every array is read back into `checksum` at the end, so V8 cannot drop any of the work.
 */
import { VECTOR_COST, type Scenario } from '../src/engine';

export interface LoopCity {
  n: number;
  order: Int32Array;
  /** CSR: the dependency edges of service s are edgeTo[depStart[s] .. depStart[s+1]). */
  depStart: Int32Array;
  edgeTo: Int32Array;
  edgeShare: Float64Array;
  edgeAttackShare: Float64Array;
  edgeWeight: Float64Array;
  edgeCarries: Uint8Array;
  capacity: Float64Array;
  capacityMult: Float64Array;
  timeoutMs: Float64Array;
  baseLatencyMs: Float64Array;
  clientRetry: Float64Array;
  crashUtilisation: Float64Array;
  crashAfterTicks: Int32Array;
  restartTicks: Int32Array;
  warmupTicks: Int32Array;
  /** Requests per second at demand-curve value 1 (sum of the segments' needs on the service). */
  demandAtPeak: Float64Array;
  /** Attack requests per second at the door, at the attacks' plateau, weighted by vector cost. */
  attackDirect: Float64Array;
  demandCurve: Float64Array;
  startHour: number;
}

/** Flattens a compiled scenario into typed arrays (once, outside the timed region). */
export function loopCity(scenario: Scenario): LoopCity {
  const n = scenario.services.length;
  const depStart = new Int32Array(n + 1);
  const edges = scenario.depsOf.reduce((sum, list) => sum + list.length, 0);
  const edgeTo = new Int32Array(edges);
  const edgeShare = new Float64Array(edges);
  const edgeAttackShare = new Float64Array(edges);
  const edgeWeight = new Float64Array(edges);
  const edgeCarries = new Uint8Array(edges);
  let k = 0;
  for (let s = 0; s < n; s++) {
    depStart[s] = k;
    for (const e of scenario.depsOf[s]!) {
      const d = scenario.dependencies[e]!;
      edgeTo[k] = d.to;
      edgeShare[k] = d.share;
      edgeAttackShare[k] = d.attackShare;
      edgeWeight[k] = d.weight;
      edgeCarries[k] = d.carriesArrivals ? 1 : 0;
      k++;
    }
  }
  depStart[n] = k;
  const demandAtPeak = new Float64Array(n);
  for (const g of scenario.segments)
    for (const need of g.needs) demandAtPeak[need.service]! += (g.size * need.perHour) / 3600;
  const attackDirect = new Float64Array(n);
  for (const a of scenario.attacks) {
    const plateau = a.keyframes.reduce((m, f) => Math.max(m, f.rps), 0);
    attackDirect[a.target]! += plateau * VECTOR_COST[a.vector];
  }
  const field = (f: (s: Scenario['services'][number]) => number): Float64Array =>
    Float64Array.from(scenario.services, f);
  return {
    n,
    order: Int32Array.from(scenario.order),
    depStart,
    edgeTo,
    edgeShare,
    edgeAttackShare,
    edgeWeight,
    edgeCarries,
    capacity: field((s) => s.capacity),
    capacityMult: new Float64Array(n).fill(1),
    timeoutMs: field((s) => s.timeoutMs),
    baseLatencyMs: field((s) => s.baseLatencyMs),
    clientRetry: field((s) => s.clientRetry),
    crashUtilisation: field((s) => s.crashUtilisation),
    crashAfterTicks: Int32Array.from(scenario.services, (s) => s.crashAfterTicks),
    restartTicks: Int32Array.from(scenario.services, (s) => s.restartTicks),
    warmupTicks: Int32Array.from(scenario.services, (s) => s.warmupTicks),
    demandAtPeak,
    attackDirect,
    demandCurve: Float64Array.from(scenario.demandCurve),
    startHour: scenario.startHour,
  };
}

/** Mutable per-service state of the loop (allocated per repetition, outside the timed region). */
export interface LoopState {
  legitDirect: Float64Array;
  retryDirect: Float64Array;
  legitInbound: Float64Array;
  attackInbound: Float64Array;
  ownSuccess: Float64Array;
  queue: Float64Array;
  served: Float64Array;
  latencyMs: Float64Array;
  utilisation: Float64Array;
  capacityNow: Float64Array;
  availability: Float64Array;
  errorRate: Float64Array;
  depFactor: Float64Array;
  worstDep: Int32Array;
  failedLastTick: Float64Array;
  overloadTicks: Int32Array;
  restartAt: Int32Array;
  warmupUntil: Int32Array;
  /** 0 healthy, 1 degraded, 2 down, 3 recovering. */
  status: Uint8Array;
}

export function loopState(n: number): LoopState {
  return {
    legitDirect: new Float64Array(n),
    retryDirect: new Float64Array(n),
    legitInbound: new Float64Array(n),
    attackInbound: new Float64Array(n),
    ownSuccess: new Float64Array(n),
    queue: new Float64Array(n),
    served: new Float64Array(n),
    latencyMs: new Float64Array(n),
    utilisation: new Float64Array(n),
    capacityNow: new Float64Array(n),
    availability: new Float64Array(n).fill(1),
    errorRate: new Float64Array(n),
    depFactor: new Float64Array(n).fill(1),
    worstDep: new Int32Array(n).fill(-1),
    failedLastTick: new Float64Array(n),
    overloadTicks: new Int32Array(n),
    restartAt: new Int32Array(n).fill(-1),
    warmupUntil: new Int32Array(n).fill(-1),
    status: new Uint8Array(n),
  };
}

const WARMUP_FLOOR = 0.1;

/** Runs `ticks` ticks from tick 0. */
export function runLoop(c: LoopCity, st: LoopState, ticks: number): void {
  const { n, order, depStart, edgeTo, edgeShare, edgeAttackShare, edgeWeight, edgeCarries } = c;
  const {
    legitDirect,
    retryDirect,
    legitInbound,
    attackInbound,
    ownSuccess,
    queue,
    served,
    latencyMs,
    utilisation,
    capacityNow,
  } = st;
  const {
    availability,
    errorRate,
    depFactor,
    worstDep,
    failedLastTick,
    overloadTicks,
    restartAt,
    warmupUntil,
    status,
  } = st;
  for (let tick = 0; tick < ticks; tick++) {
    const hours = c.startHour + tick / 3600;
    const h = Math.floor(hours);
    const a = c.demandCurve[h % 24]!;
    const curve = a + (c.demandCurve[(h + 1) % 24]! - a) * (hours - h);

    for (let s = 0; s < n; s++) {
      // Restarts that are due: back cold, warming up.
      if (restartAt[s]! >= 0 && tick >= restartAt[s]!) {
        restartAt[s] = -1;
        warmupUntil[s] = tick + c.warmupTicks[s]!;
        overloadTicks[s] = 0;
      }
      legitDirect[s] = c.demandAtPeak[s]! * curve;
      retryDirect[s] = failedLastTick[s]! * c.clientRetry[s]!;
      legitInbound[s] = 0;
      attackInbound[s] = 0;
    }

    for (let i = n - 1; i >= 0; i--) {
      const s = order[i]!;
      const legit = legitDirect[s]! + retryDirect[s]! + legitInbound[s]!;
      const attack = c.attackDirect[s]! + attackInbound[s]!;
      let capacity = 0;
      if (restartAt[s]! < 0) {
        capacity = c.capacity[s]! * c.capacityMult[s]!;
        if (warmupUntil[s]! > tick && c.warmupTicks[s]! > 0) {
          const done = 1 - (warmupUntil[s]! - tick) / c.warmupTicks[s]!;
          capacity *= WARMUP_FLOOR + (1 - WARMUP_FLOOR) * Math.max(0, done);
        }
      }
      const arrivals = legit + attack;
      let own: number;
      if (capacity <= 0) {
        own = 0;
        queue[s] = 0;
        served[s] = 0;
        latencyMs[s] = c.timeoutMs[s]!;
      } else {
        const work = arrivals + queue[s]!;
        const sv = Math.min(work, capacity);
        const rest = work - sv;
        const q = Math.min(rest, (capacity * c.timeoutMs[s]!) / 1000);
        own = arrivals > 0 ? Math.max(0, 1 - (rest - q) / arrivals) : 1;
        queue[s] = q;
        served[s] = sv;
        latencyMs[s] = c.baseLatencyMs[s]! + (q / capacity) * 1000;
      }
      ownSuccess[s] = own;
      capacityNow[s] = capacity;
      utilisation[s] = capacity > 0 ? arrivals / capacity : 0;
      for (let k = depStart[s]!; k < depStart[s + 1]!; k++) {
        const to = edgeTo[k]!;
        if (edgeCarries[k] === 1) {
          legitInbound[to]! += legit * edgeShare[k]!;
          attackInbound[to]! += attack * edgeAttackShare[k]!;
        } else {
          legitInbound[to]! += legit * own * edgeShare[k]!;
          attackInbound[to]! += attack * own * edgeAttackShare[k]!;
        }
      }
    }

    for (let i = 0; i < n; i++) {
      const s = order[i]!;
      let factor = 1;
      let worst = -1;
      let worstFactor = 1;
      for (let k = depStart[s]!; k < depStart[s + 1]!; k++) {
        const f = 1 - edgeWeight[k]! * (1 - availability[edgeTo[k]!]!);
        factor *= f;
        if (f < worstFactor) {
          worstFactor = f;
          worst = k;
        }
      }
      depFactor[s] = factor;
      worstDep[s] = worst;
      const av = ownSuccess[s]! * factor;
      availability[s] = av;
      errorRate[s] = 1 - av;
      failedLastTick[s] = (legitDirect[s]! + retryDirect[s]!) * (1 - av);

      // Crash after sustained overload; then the status the commander would see.
      if (restartAt[s]! < 0 && utilisation[s]! > c.crashUtilisation[s]!) {
        overloadTicks[s]!++;
        if (overloadTicks[s]! >= c.crashAfterTicks[s]!) {
          restartAt[s] = tick + c.restartTicks[s]!;
          overloadTicks[s] = 0;
          queue[s] = 0;
        }
      } else {
        overloadTicks[s] = 0;
      }
      status[s] = restartAt[s]! >= 0 ? 2 : warmupUntil[s]! > tick ? 3 : av >= 0.95 ? 0 : av >= 0.25 ? 1 : 2;
    }
  }
}

/** Reads every output back, so none of the loop's work is dead code. */
export function loopChecksum(st: LoopState): number {
  let sum = 0;
  for (let s = 0; s < st.queue.length; s++) {
    sum +=
      st.queue[s]! + st.served[s]! + st.latencyMs[s]! * 1e-3 + st.utilisation[s]! + st.capacityNow[s]! * 1e-3;
    sum +=
      st.availability[s]! +
      st.errorRate[s]! +
      st.depFactor[s]! +
      st.worstDep[s]! +
      st.failedLastTick[s]! +
      st.status[s]!;
  }
  return sum;
}
