/**
 * The life cycle of a service: crash under sustained overload, automatic or manual restart, warm-up, and
 * the status the commander sees — with the reason (`cause`) the engine can point at.
 */
import { pushLog } from './log';
import { OFFLINE_MAINTENANCE, OFFLINE_NONE } from './runtime';
import type { Sim } from './sim';
import type { CauseCode, ServiceStatus } from './types';

export const HEALTHY_AT = 0.95;
export const DEGRADED_AT = 0.25;

/** Before traffic: restarts that are due happen now (the service comes back cold and warms up). */
export function updateLifecycle(sim: Sim): void {
  const { scenario, state, rt } = sim;
  for (let s = 0; s < scenario.services.length; s++) {
    const st = state.services[s]!;
    if (st.restartAtTick >= 0 && state.tick >= st.restartAtTick && rt.offline[s] === OFFLINE_NONE) {
      st.restartAtTick = -1;
      delete st.faultEndedBy;
      st.warmupUntilTick = state.tick + scenario.services[s]!.warmupTicks;
      st.overloadTicks = 0;
      pushLog(state, 'status', `${scenario.services[s]!.name} is restarting (warming up)`, s);
    }
  }
}

/** After traffic: crash checks, then status and cause. */
export function classifyServices(sim: Sim): void {
  const { scenario, state, rt } = sim;
  for (let s = 0; s < scenario.services.length; s++) {
    const def = scenario.services[s]!;
    const st = state.services[s]!;
    const previous = st.status;
    let status: ServiceStatus;
    let cause: CauseCode = 'ok';
    let causeService = -1;
    let causeValue = st.utilisation;

    if (rt.offline[s] !== OFFLINE_NONE) {
      status = 'down';
      cause = rt.offline[s] === OFFLINE_MAINTENANCE ? 'maintenance' : 'shed';
    } else {
      if (st.restartAtTick < 0 && st.utilisation > def.crashUtilisation) {
        st.overloadTicks++;
        if (st.overloadTicks >= def.crashAfterTicks) {
          st.restartAtTick = state.tick + def.restartTicks;
          st.overloadTicks = 0;
          st.queue = 0;
          pushLog(state, 'status', `${def.name} crashed under ${Math.round(st.utilisation * 100)} % load`, s);
        }
      } else {
        st.overloadTicks = 0;
      }
      if (st.restartAtTick >= 0) {
        status = 'down';
        cause = 'crashed';
      } else {
        const a = st.availability;
        const warming = st.warmupUntilTick > state.tick;
        status = warming
          ? 'recovering'
          : a >= HEALTHY_AT
            ? 'healthy'
            : a >= DEGRADED_AT
              ? 'degraded'
              : 'down';
        if (a < HEALTHY_AT) {
          if (rt.ownSuccess[s]! <= rt.depFactor[s]!) {
            const arrivals = st.legitRps + st.attackRps;
            if (arrivals > 0 && st.attackRps / arrivals > 0.5) cause = 'attack';
            else if (st.legitRps > 0 && st.retryRps / st.legitRps > 0.3) {
              cause = 'retry-storm';
              causeValue = st.legitRps / Math.max(1e-9, st.legitRps - st.retryRps);
            } else if (rt.legitPass[s]! < 1 && st.utilisation <= 1) cause = 'filtered';
            else cause = 'overloaded';
          } else {
            cause = 'upstream';
            const edge = rt.worstDep[s]!;
            causeService = edge >= 0 ? scenario.dependencies[edge]!.to : -1;
            causeValue = causeService >= 0 ? state.services[causeService]!.utilisation : 0;
          }
        } else if (warming) {
          cause = 'warming-up';
        }
      }
    }
    st.status = status;
    st.cause = cause;
    st.causeService = causeService;
    st.causeValue = Number.isFinite(causeValue) ? causeValue : 0;
    if (status !== previous) pushLog(state, 'status', `${def.name}: ${previous} → ${status}`, s);
  }
}
