/**
 * Turns the list of effective mitigations into per-service modifiers. Runs only when that list changes,
 * so the cost of interpreting mitigations never lands in the tick loop.
 */
import { param } from './mitigationParams';
import { sharesReaching } from './reach';
import { OFFLINE_MAINTENANCE, OFFLINE_NONE, OFFLINE_SHED, VECTOR_COUNT, type Runtime } from './runtime';
import type { Sim } from './sim';
import { ATTACK_VECTORS } from './types';

function reset(rt: Runtime): void {
  rt.attackPass.fill(1);
  rt.upstreamPass.fill(1);
  rt.inboundAttackPass.fill(1);
  rt.legitPass.fill(1);
  rt.capacityMult.fill(1);
  rt.capacityAdd.fill(0);
  rt.latencyAdd.fill(0);
  rt.errorFloor.fill(0);
  rt.offline.fill(OFFLINE_NONE);
  rt.isolated.fill(0);
  rt.needPass.fill(1);
  rt.attackGeoPass.fill(1);
  rt.costPerTick = 0;
}

export function recomputeModifiers(sim: Sim): void {
  const { scenario, state, rt } = sim;
  reset(rt);
  // Geo-blocks collected as (service, region) pairs, applied after the loop.
  const blocked: { service: number; region: number }[] = [];
  for (const m of state.mitigations) {
    if (!m.effective) continue;
    const def = scenario.mitigations[m.mitigation]!;
    rt.costPerTick += def.costPerHourKES / 3600;
    const s = m.target;
    const kind = def.kind;
    switch (kind) {
      case 'rate-limit':
      case 'waf-rule':
      case 'scrubbing':
      case 'call-provider': {
        // Scrubbing and the provider filter upstream, before the traffic crosses shared infrastructure;
        // rate limits and WAF rules act at the service's own door.
        const upstream = kind === 'scrubbing' || kind === 'call-provider';
        const pass = upstream ? rt.upstreamPass : rt.attackPass;
        for (let v = 0; v < VECTOR_COUNT; v++) {
          pass[s * VECTOR_COUNT + v]! *= param(kind, def, `pass_${ATTACK_VECTORS[v]!}`);
        }
        // Traffic from dependants is mostly application traffic: filtered like layer-7 requests.
        rt.inboundAttackPass[s]! *= param(kind, def, 'pass_layer7');
        rt.legitPass[s]! *= param(kind, def, 'legitPass');
        rt.latencyAdd[s]! += param(kind, def, 'latencyMs');
        // Only the provider adds headroom; the other filters do not read capacityShare (mitigationParams.ts).
        if (kind === 'call-provider')
          rt.capacityAdd[s]! += param(kind, def, 'capacityShare') * scenario.services[s]!.capacity;
        break;
      }
      case 'add-capacity':
        rt.capacityAdd[s]! += param(kind, def, 'capacityShare') * scenario.services[s]!.capacity;
        break;
      case 'failover':
        rt.capacityMult[s]! *= param(kind, def, 'capacityShare');
        if (m.stale) rt.errorFloor[s] = Math.max(rt.errorFloor[s]!, param(kind, def, 'staleErrorRate'));
        break;
      case 'shed':
        rt.offline[s] = OFFLINE_SHED;
        break;
      case 'maintenance':
        if (rt.offline[s] === OFFLINE_NONE) rt.offline[s] = OFFLINE_MAINTENANCE;
        break;
      case 'isolate':
        // For isolate the target is the dependency edge's index.
        rt.isolated[s] = 1;
        break;
      case 'geo-block':
        blocked.push({ service: s, region: m.region });
        break;
      case 'restart':
        break;
    }
  }
  for (const b of blocked) {
    // Customers are blocked wherever their requests cross the blocked service, not only at its own door.
    const reaching = sharesReaching(scenario, b.service);
    scenario.segments.forEach((g, gi) => {
      g.needs.forEach((need, k) => {
        const crossing = reaching[need.service]!;
        if (crossing > 0)
          rt.needPass[rt.needOffset[gi]! + k]! *= 1 - crossing * (g.regionShare[b.region] ?? 0);
      });
    });
    scenario.attacks.forEach((a, ai) => {
      if (state.attacks[ai]!.target === b.service)
        rt.attackGeoPass[ai]! *= 1 - (a.regionShare[b.region] ?? 0);
    });
  }
  rt.dirty = false;
}

export { OFFLINE_MAINTENANCE, OFFLINE_SHED };
