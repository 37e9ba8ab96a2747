/**
 * The dependency graph and the per-service (and per-segment) constants the tick reads, copied once per scenario
 * into flat typed arrays. Walking the scenario's objects (`scenario.dependencies[e].to`, `.share`, …) cost the
 * loop a pointer chase per read; these arrays hold the same numbers (the same doubles, so the same results) side
 * by side. Edges are in CSR form: the edges of service s, in `depsOf[s]` order, are positions
 * `depStart[s]` to `depStart[s + 1] - 1`.
 */
import type { Scenario } from './types';

export interface FlatGraph {
  depStart: Int32Array;
  /** Per position: the edge's index in `scenario.dependencies` (what `rt.isolated` and `worstDep` use). */
  edgeId: Int32Array;
  edgeTo: Int32Array;
  edgeShare: Float64Array;
  edgeAttackShare: Float64Array;
  edgeWeight: Float64Array;
  /** 1 when the edge carries everything arriving at its dependant (infrastructure). */
  edgeCarries: Uint8Array;
  capacity: Float64Array;
  timeoutMs: Float64Array;
  baseLatencyMs: Float64Array;
  warmupTicks: Float64Array;
  clientRetry: Float64Array;
  /** Indices of the critical services, ascending (the metrics sum over them every tick). */
  critical: Int32Array;
  /** Per segment: 1 / its number of needs, and 1 / its manual retry interval (demand.ts, every tick). */
  perNeed: Float64Array;
  retryRate: Float64Array;
}

const cache = new WeakMap<Scenario, FlatGraph>();

/** The flat graph of a scenario (built once; the scenario never changes). */
export function flatGraph(scenario: Scenario): FlatGraph {
  let graph = cache.get(scenario);
  if (!graph) cache.set(scenario, (graph = build(scenario)));
  return graph;
}

function build(scenario: Scenario): FlatGraph {
  const n = scenario.services.length;
  const depStart = new Int32Array(n + 1);
  let edges = 0;
  for (let s = 0; s < n; s++) {
    depStart[s] = edges;
    edges += scenario.depsOf[s]!.length;
  }
  depStart[n] = edges;
  const graph: FlatGraph = {
    depStart,
    edgeId: new Int32Array(edges),
    edgeTo: new Int32Array(edges),
    edgeShare: new Float64Array(edges),
    edgeAttackShare: new Float64Array(edges),
    edgeWeight: new Float64Array(edges),
    edgeCarries: new Uint8Array(edges),
    capacity: new Float64Array(n),
    timeoutMs: new Float64Array(n),
    baseLatencyMs: new Float64Array(n),
    warmupTicks: new Float64Array(n),
    clientRetry: new Float64Array(n),
    critical: Int32Array.from(scenario.services.flatMap((def, s) => (def.critical ? [s] : []))),
    perNeed: Float64Array.from(scenario.segments, (g) => 1 / g.needs.length),
    retryRate: Float64Array.from(scenario.segments, (g) => 1 / g.retryEveryTicks),
  };
  for (let s = 0; s < n; s++) {
    const def = scenario.services[s]!;
    graph.capacity[s] = def.capacity;
    graph.timeoutMs[s] = def.timeoutMs;
    graph.baseLatencyMs[s] = def.baseLatencyMs;
    graph.warmupTicks[s] = def.warmupTicks;
    graph.clientRetry[s] = def.clientRetry;
    const list = scenario.depsOf[s]!;
    for (let j = 0; j < list.length; j++) {
      const p = depStart[s]! + j;
      const d = scenario.dependencies[list[j]!]!;
      graph.edgeId[p] = list[j]!;
      graph.edgeTo[p] = d.to;
      graph.edgeShare[p] = d.share;
      graph.edgeAttackShare[p] = d.attackShare;
      graph.edgeWeight[p] = d.weight;
      graph.edgeCarries[p] = d.carriesArrivals ? 1 : 0;
    }
  }
  return graph;
}
