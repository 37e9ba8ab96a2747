/**
 * Derived, non-saved data for a running simulation: the effect of the active mitigations on each service
 * (recomputed only when the set of effective mitigations changes) and scratch arrays reused every tick so
 * the tick loop allocates nothing.
 */
import { ATTACK_VECTORS, type Scenario } from './types';
import { flatGraph, type FlatGraph } from './flatGraph';
import { needRoutes } from './workarounds';

export const VECTOR_COUNT = ATTACK_VECTORS.length;

export const OFFLINE_NONE = 0;
export const OFFLINE_SHED = 1;
export const OFFLINE_MAINTENANCE = 2;

export interface Runtime {
  /** Set whenever the effective mitigations change; modifiers are recomputed at the start of the next tick. */
  dirty: boolean;
  /** [service × vector]: share of direct attack requests of that vector that get through the filters at the service's door. */
  attackPass: Float64Array;
  /** [service × vector]: share that survives upstream filtering (scrubbing, provider) before reaching the network at all. */
  upstreamPass: Float64Array;
  /** Share of attack traffic arriving from dependants (already past their filters) that gets through. */
  inboundAttackPass: Float64Array;
  legitPass: Float64Array;
  capacityMult: Float64Array;
  capacityAdd: Float64Array;
  latencyAdd: Float64Array;
  /** Minimum share of requests failing (stale failover data). */
  errorFloor: Float64Array;
  offline: Uint8Array;
  /** Per dependency edge: 1 when the commander has cut it. */
  isolated: Uint8Array;
  /** Per segment need (flattened): share of its customers not geo-blocked at the service it uses. */
  needPass: Float64Array;
  /** Per attack: share of its requests not geo-blocked at its target. */
  attackGeoPass: Float64Array;
  /** Sum of hourly costs of effective mitigations, per tick. */
  costPerTick: number;
  /** Flattened need index of each segment's first need. */
  needOffset: Int32Array;
  needCount: number;
  // Per-tick scratch, by service.
  legitDirect: Float64Array;
  retryDirect: Float64Array;
  legitInbound: Float64Array;
  /** Attack requests arriving at the door (after upstream filtering, before the door's filters). */
  attackArriving: Float64Array;
  /** Attack requests admitted through the door. */
  attackDirect: Float64Array;
  attackInbound: Float64Array;
  ownSuccess: Float64Array;
  /** Per need: this tick's arrivals of new transactions after geo-blocking. */
  needNew: Float64Array;
  /** Per need: this tick's manual retries by stranded customers. */
  needRetry: Float64Array;
  /** Per service: product of its dependencies' availability factors, and the edge that limits it most (-1: none). */
  depFactor: Float64Array;
  worstDep: Int32Array;
  /** Per need: demand multiplier from rumours (boycott, panic); recomputed by the people systems. */
  needFactor: Float64Array;
  /** needFactor must be recomputed from the state before the next tick uses it. */
  peopleDirty: boolean;
  /** Per need: the workarounds that can take some of its demand elsewhere. */
  routes: number[][];
  /** Scratch for splitNeed (workarounds.ts): this tick's share of one need taken by each of its routes. */
  routeShare: Float64Array;
  /**
   * This tick's split of each need as computeDemand drew it (splitNeed), kept for updateCustomers so it is not
   * worked out twice a tick: per need the total share moved, and the share of each route at
   * `need * maxRoutes + j`. Uptake does not change between the two systems.
   */
  needMoved: Float64Array;
  needRouteShare: Float64Array;
  maxRoutes: number;
  /** Every (rumour, need) pair a rumour's demand hit applies to, flattened once so the update allocates nothing. */
  rumourHits: { rumour: number; need: number; segment: number; factor: number }[];
  /** Per service: capacity multiplier of the background faults active this tick (./variation.ts). */
  faultFactor: Float64Array;
  /** This run is the unattended counterfactual (./baseline.ts): it keeps no running score of its own. */
  isBaseline: boolean;
  /** The scenario's graph and per-service constants as flat arrays, for the traffic loop (./flatGraph.ts). */
  graph: FlatGraph;
}

export function createRuntime(scenario: Scenario, isBaseline = false): Runtime {
  const n = scenario.services.length;
  const needOffset = new Int32Array(scenario.segments.length);
  let needCount = 0;
  scenario.segments.forEach((g, i) => {
    needOffset[i] = needCount;
    needCount += g.needs.length;
  });
  const routes = needRoutes(scenario);
  const maxRoutes = Math.max(0, ...routes.map((r) => r.length));
  return {
    dirty: true,
    attackPass: new Float64Array(n * VECTOR_COUNT).fill(1),
    upstreamPass: new Float64Array(n * VECTOR_COUNT).fill(1),
    inboundAttackPass: new Float64Array(n).fill(1),
    legitPass: new Float64Array(n).fill(1),
    capacityMult: new Float64Array(n).fill(1),
    capacityAdd: new Float64Array(n),
    latencyAdd: new Float64Array(n),
    errorFloor: new Float64Array(n),
    offline: new Uint8Array(n),
    isolated: new Uint8Array(scenario.dependencies.length),
    needPass: new Float64Array(needCount).fill(1),
    attackGeoPass: new Float64Array(scenario.attacks.length).fill(1),
    costPerTick: 0,
    needOffset,
    needCount,
    legitDirect: new Float64Array(n),
    retryDirect: new Float64Array(n),
    legitInbound: new Float64Array(n),
    attackArriving: new Float64Array(n),
    attackDirect: new Float64Array(n),
    attackInbound: new Float64Array(n),
    ownSuccess: new Float64Array(n),
    needNew: new Float64Array(needCount),
    needRetry: new Float64Array(needCount),
    depFactor: new Float64Array(n).fill(1),
    worstDep: new Int32Array(n).fill(-1),
    needFactor: new Float64Array(needCount).fill(1),
    peopleDirty: true,
    isBaseline,
    faultFactor: new Float64Array(n).fill(1),
    routes,
    routeShare: new Float64Array(maxRoutes),
    needMoved: new Float64Array(needCount),
    needRouteShare: new Float64Array(needCount * maxRoutes),
    maxRoutes,
    rumourHits: rumourHits(scenario),
    graph: flatGraph(scenario),
  };
}

function rumourHits(scenario: Scenario): Runtime['rumourHits'] {
  const out: Runtime['rumourHits'] = [];
  let offset = 0;
  scenario.segments.forEach((g, gi) => {
    g.needs.forEach((need, k) => {
      scenario.people.rumours.forEach((r, ri) => {
        for (const hit of r.hits)
          if (hit.service === need.service)
            out.push({ rumour: ri, need: offset + k, segment: gi, factor: hit.factor });
      });
    });
    offset += g.needs.length;
  });
  return out;
}
