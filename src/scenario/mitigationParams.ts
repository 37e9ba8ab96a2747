/** The parameters each kind of mitigation reads (see src/engine/catalogue.ts), for checking authors' `params`. */
import type { MitigationKind } from '../engine/types';

const FILTER = [
  'pass_layer7',
  'pass_volumetric',
  'pass_cache-bypass',
  'pass_slow-requests',
  'legitPass',
  'latencyMs',
];

export const MITIGATION_PARAMS: Record<MitigationKind, readonly string[]> = {
  'rate-limit': FILTER,
  'waf-rule': FILTER,
  scrubbing: FILTER,
  'call-provider': [...FILTER, 'capacityShare'],
  'add-capacity': ['capacityShare'],
  failover: ['capacityShare', 'staleRisk', 'staleErrorRate'],
  'geo-block': [],
  shed: [],
  isolate: [],
  maintenance: [],
  restart: ['restartShare'],
};
