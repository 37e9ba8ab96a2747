/**
 * The life of an ordered mitigation: it waits out its delay, takes effect, and ends when it expires or is
 * lifted. Effects that happen once (a restart, a failover's coin toss for stale data) happen here.
 */
import { pushLog } from './log';
import { param } from './mitigationParams';
import { withRng } from './rng';
import type { Sim } from './sim';

export function advanceMitigations(sim: Sim): void {
  const { state } = sim;
  const list = state.mitigations;
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    if (!m.effective && state.tick >= m.effectiveTick) {
      m.effective = true;
      sim.rt.dirty = true;
      if (takeEffect(sim, i)) {
        i--; // the entry was removed (instant mitigation)
        continue;
      }
    }
    if (m.endTick >= 0 && state.tick >= m.endTick) {
      endMitigation(sim, i, 'expired');
      i--;
    }
  }
}

/** Applies one-off effects; returns true when the mitigation is done and was removed. */
function takeEffect(sim: Sim, index: number): boolean {
  const { scenario, state } = sim;
  const m = state.mitigations[index]!;
  const def = scenario.mitigations[m.mitigation]!;
  const isEdge = def.kind === 'isolate';
  const serviceIndex = isEdge ? scenario.dependencies[m.target]!.from : m.target;
  const service = scenario.services[serviceIndex]!;
  const st = state.services[serviceIndex]!;
  const locked = st.restartAtTick >= 0 && st.faultEndedBy !== undefined;
  if (
    locked &&
    st.faultEndedBy!.includes(m.mitigation) &&
    def.kind !== 'restart' &&
    def.kind !== 'failover'
  ) {
    // A mitigation the author named as the cure for this failure (e.g. "restore from backup"): it ends now.
    st.restartAtTick = state.tick;
    delete st.faultEndedBy;
    pushLog(state, 'mitigation', `${def.name} ended the failure of ${service.name}`, serviceIndex);
    if (def.durationTicks <= 0 && def.instant) {
      state.mitigations.splice(index, 1);
      return true;
    }
    return false;
  }
  const blockedByFault = locked && !st.faultEndedBy!.includes(m.mitigation);
  if (def.kind === 'restart') {
    if (blockedByFault) {
      pushLog(
        state,
        'mitigation',
        `${service.name}: the restart did not help: this failure is not a crash, and a restart cannot end it`,
        serviceIndex,
      );
    } else if (st.restartAtTick >= 0) {
      const soon = state.tick + Math.ceil(service.restartTicks * param(def.kind, def, 'restartShare'));
      st.restartAtTick = Math.min(st.restartAtTick, soon);
      pushLog(state, 'mitigation', `${service.name}: manual restart under way`, serviceIndex);
    } else {
      pushLog(state, 'mitigation', `${service.name}: restart not needed any more`, serviceIndex);
    }
    state.mitigations.splice(index, 1);
    return true;
  }
  if (def.kind === 'failover') {
    const risk = param(def.kind, def, 'staleRisk');
    m.stale = withRng(state.rng.ops, (next) => next() < risk);
    const staleNote = m.stale ? ' — its data is stale: some transactions need reconciliation' : '';
    if (blockedByFault) {
      // The failure follows the service to the standby (a bad change, encrypted data): failing over is no cure.
      pushLog(
        state,
        'mitigation',
        `${service.name} failed over to the backup site, but the failure followed it there${staleNote}`,
        serviceIndex,
      );
      return false;
    }
    // The standby comes up fresh: a crash on the primary no longer matters, but it needs a short warm-up.
    const wasDown = st.restartAtTick >= 0;
    if (wasDown) {
      st.restartAtTick = -1;
      delete st.faultEndedBy;
      st.warmupUntilTick = state.tick + Math.ceil(service.warmupTicks / 4);
    }
    const upNote = wasDown ? ': the standby is up while the primary stays down' : '';
    pushLog(
      state,
      'mitigation',
      `${service.name} failed over to the backup site${upNote}${staleNote}`,
      serviceIndex,
    );
    return false;
  }
  pushLog(state, 'mitigation', `${def.name} now in effect on ${service.name}`, serviceIndex);
  return false;
}

export function endMitigation(sim: Sim, index: number, why: 'lifted' | 'expired'): void {
  const { scenario, state } = sim;
  const m = state.mitigations[index]!;
  const def = scenario.mitigations[m.mitigation]!;
  state.mitigations.splice(index, 1);
  sim.rt.dirty = true;
  const serviceIndex = def.kind === 'isolate' ? scenario.dependencies[m.target]!.from : m.target;
  const service = scenario.services[serviceIndex]!;
  if (m.effective && (def.kind === 'maintenance' || def.kind === 'shed')) {
    // Bringing a service back means starting it: it stays down for its restart time, then warms up.
    const st = state.services[serviceIndex]!;
    st.restartAtTick = state.tick + Math.max(1, service.restartTicks);
  }
  pushLog(state, 'mitigation', `${def.name} on ${service.name} ${why}`, serviceIndex);
}
