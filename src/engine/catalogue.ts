/**
 * The built-in catalogue of mitigations. Scenarios pick from it, tune numbers (`overrides`) and add their own
 * entries of an existing kind. Every entry states its delay, cost, duration and side effect, because the
 * commander sees them before committing.
 *
 * What each kind's `params` mean, and the value used when an entry leaves one out, is declared once in
 * mitigationParams.ts; an entry here may set only the parameters its kind declares (test/engine/mitigations.test.ts).
 */
import type { AttackVector, MitigationDef } from './types';

const MIN = 60;
const HOUR = 3600;

export const BUILTIN_MITIGATIONS: readonly MitigationDef[] = [
  {
    id: 'rate-limit',
    kind: 'rate-limit',
    name: 'Rate limiting per client',
    description: 'Caps requests per client address at the edge of the target.',
    sideEffect:
      'Legitimate bursts are dropped too (about 7 % of real requests); useless against volumetric floods.',
    delayTicks: 2 * MIN,
    durationTicks: 0,
    costKES: 0,
    costPerHourKES: 0,
    params: {
      pass_layer7: 0.45,
      pass_volumetric: 1,
      'pass_cache-bypass': 0.5,
      'pass_slow-requests': 0.5,
      legitPass: 0.93,
    },
    targetKinds: [],
    instant: false,
  },
  {
    id: 'waf-rule',
    kind: 'waf-rule',
    name: 'WAF rule against odd queries',
    description: 'A web-application-firewall rule that rejects the malformed "odd queries" of the flood.',
    sideEffect:
      'False positives: about 3 % of legitimate requests are rejected. Takes time to write and test.',
    delayTicks: 8 * MIN,
    durationTicks: 0,
    costKES: 150_000,
    costPerHourKES: 0,
    params: {
      pass_layer7: 0.12,
      pass_volumetric: 1,
      'pass_cache-bypass': 0.4,
      'pass_slow-requests': 0.7,
      legitPass: 0.97,
    },
    targetKinds: [],
    instant: false,
  },
  {
    id: 'geo-block',
    kind: 'geo-block',
    name: 'Geo/IP blocking',
    description: 'Blocks all traffic from one region at the target.',
    sideEffect:
      'Blocks customers in that region as well as the attackers there (diaspora, roaming, foreign travellers), also those whose requests reach the target through another service.',
    delayTicks: 1 * MIN,
    durationTicks: 0,
    costKES: 0,
    costPerHourKES: 0,
    params: {},
    targetKinds: [],
    instant: false,
  },
  {
    id: 'scrubbing',
    kind: 'scrubbing',
    name: 'Upstream scrubbing / CDN',
    description:
      "Routes the target's traffic through a scrubbing centre that filters floods before they arrive.",
    sideEffect:
      'Takes a while to re-route; costs money every hour; adds latency; cache-bypass queries still pass.',
    delayTicks: 20 * MIN,
    durationTicks: 0,
    costKES: 1_000_000,
    costPerHourKES: 400_000,
    params: {
      pass_layer7: 0.35,
      pass_volumetric: 0.05,
      'pass_cache-bypass': 0.75,
      'pass_slow-requests': 0.15,
      legitPass: 0.99,
      latencyMs: 40,
    },
    targetKinds: [],
    instant: false,
  },
  {
    id: 'add-capacity',
    kind: 'add-capacity',
    name: 'Add capacity',
    description: 'Brings up extra servers for the target.',
    sideEffect:
      'Takes time to provision and costs money every hour; more capacity also means more load passed downstream.',
    delayTicks: 15 * MIN,
    durationTicks: 0,
    costKES: 500_000,
    costPerHourKES: 250_000,
    params: { capacityShare: 0.5 },
    targetKinds: [],
    instant: false,
  },
  {
    id: 'failover',
    kind: 'failover',
    name: 'Fail over to the backup site',
    description: 'Moves the target to its standby site, which comes up fresh.',
    sideEffect:
      'The backup runs at reduced capacity and its data may be stale: some transactions then need reconciliation.',
    delayTicks: 5 * MIN,
    durationTicks: 0,
    costKES: 300_000,
    costPerHourKES: 50_000,
    params: { capacityShare: 0.7, staleRisk: 0.3, staleErrorRate: 0.05 },
    targetKinds: [],
    instant: false,
  },
  {
    id: 'shed',
    kind: 'shed',
    name: 'Circuit breaker: shed a non-critical service',
    description: 'Switches the target off so that its load stops reaching shared dependencies.',
    sideEffect: 'Everyone who needs the shed service fails until it is brought back.',
    delayTicks: 30,
    durationTicks: 0,
    costKES: 0,
    costPerHourKES: 0,
    params: {},
    targetKinds: [],
    instant: false,
  },
  {
    id: 'isolate',
    kind: 'isolate',
    name: 'Isolate a dependency',
    description: 'Cuts the link between the target and one of its dependencies, protecting the dependency.',
    sideEffect:
      'Whatever the target needed from the dependency fails (a hard dependency: those requests fail).',
    delayTicks: 2 * MIN,
    durationTicks: 0,
    costKES: 0,
    costPerHourKES: 0,
    params: {},
    targetKinds: [],
    instant: false,
  },
  {
    id: 'maintenance',
    kind: 'maintenance',
    name: 'Take offline for maintenance',
    description:
      'Takes the target offline on purpose; lifting it brings the service back (restart and warm-up).',
    sideEffect: 'The service is down for everyone while offline.',
    delayTicks: 30,
    durationTicks: 0,
    costKES: 0,
    costPerHourKES: 0,
    params: {},
    targetKinds: [],
    instant: false,
  },
  {
    id: 'restart',
    kind: 'restart',
    name: 'Restart (bring it back)',
    description: 'Restarts a service that is down, faster than its automatic recovery.',
    sideEffect:
      'It comes back cold (warm-up); if the load is still there, waiting customers rush it and it may fall over again.',
    delayTicks: 1 * MIN,
    durationTicks: 0,
    costKES: 50_000,
    costPerHourKES: 0,
    params: { restartShare: 0.5 },
    targetKinds: [],
    instant: true,
  },
  {
    id: 'call-provider',
    kind: 'call-provider',
    name: 'Call the upstream provider',
    description: 'Asks the upstream network provider to filter and add headroom for the target.',
    sideEffect: 'Slow to arrive and expensive; only filters part of the attack.',
    delayTicks: 30 * MIN,
    durationTicks: 4 * HOUR,
    costKES: 2_000_000,
    costPerHourKES: 0,
    params: {
      pass_layer7: 0.6,
      pass_volumetric: 0.2,
      'pass_cache-bypass': 0.8,
      'pass_slow-requests': 0.5,
      legitPass: 1,
      capacityShare: 0.3,
      latencyMs: 10,
    },
    targetKinds: ['network', 'edge', 'payment-gateway'],
    instant: false,
  },
];

/** Requests of each vector weigh this much on a service's capacity (slow requests hold connections). */
export const VECTOR_COST: Record<AttackVector, number> = {
  layer7: 1,
  volumetric: 1,
  'cache-bypass': 3,
  'slow-requests': 5,
};
