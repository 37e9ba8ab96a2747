/**
 * Customer workarounds: the commander announces "use USSD instead of the app"; people who hear it (channel
 * reach, language, trust) move a share of their demand to the other channel — which may itself overload, as
 * USSD did in July 2023. A workaround nobody heard of does nothing; a withdrawn one fades out.
 */
import type { Sim } from './sim';
import type { Scenario } from './types';

/** Ticks between updates of the people systems (awareness, uptake, trust, rumours). */
export const PEOPLE_PERIOD = 10;

/** Word of mouth: per minute, people who heard tell some who did not. */
const WORD_OF_MOUTH_PER_MINUTE = 0.03;
/** Most of the uptake needs trust: at trust 0 people try it at 40 % of the rate they would at full trust. */
const TRUST_FLOOR = 0.4;

/** At most this share of a need's demand can be moved by workarounds (some people never switch). */
export const MAX_MOVED = 0.95;

/**
 * A workaround applies to a segment that uses its `from` service (and is listed, if the scenario lists
 * segments). The one rule for "who is this workaround for": uptake, the demand routes and the panel use it.
 */
export function workaroundApplies(scenario: Scenario, w: number, segment: number): boolean {
  const def = scenario.people.workarounds[w]!;
  if (def.segments.length > 0 && !def.segments.includes(segment)) return false;
  const needs = scenario.segments[segment]!.needs;
  for (let k = 0; k < needs.length; k++) if (needs[k]!.service === def.from) return true;
  return false;
}

/** Per flattened need: the workarounds that can take some of its demand elsewhere, in scenario order. */
export function needRoutes(scenario: Scenario): number[][] {
  const routes: number[][] = [];
  scenario.segments.forEach((g, gi) => {
    g.needs.forEach((need) => {
      const list: number[] = [];
      scenario.people.workarounds.forEach((w, wi) => {
        if (w.from === need.service && workaroundApplies(scenario, wi, gi)) list.push(wi);
      });
      routes.push(list);
    });
  });
  return routes;
}

/**
 * How a need's demand is split this tick: writes the share each of its routes (`rt.routes[need]`) takes into
 * `rt.routeShare` (same order) and returns the total share moved; the rest stays on the need's own service.
 * Routes take their segment's uptake in scenario order until MAX_MOVED is reached. Demand (where requests go)
 * and customers (how many succeed) both read the split from here, so they always agree.
 */
export function splitNeed(sim: Sim, segment: number, need: number): number {
  const { state, rt } = sim;
  const routes = rt.routes[need]!;
  const shares = rt.routeShare;
  let moved = 0;
  for (let j = 0; j < routes.length; j++) {
    const share = Math.min(MAX_MOVED - moved, state.people.workarounds[routes[j]!]!.uptake[segment]!);
    if (share <= 0) {
      shares[j] = 0;
      continue;
    }
    shares[j] = share;
    moved += share;
  }
  return moved;
}

export function updateWorkarounds(sim: Sim): void {
  const { scenario, state } = sim;
  const defs = scenario.people.workarounds;
  const minutes = PEOPLE_PERIOD / 60;
  for (let w = 0; w < defs.length; w++) {
    const def = defs[w]!;
    const ws = state.people.workarounds[w]!;
    const step = Math.min(1, PEOPLE_PERIOD / Math.max(1, def.rampTicks));
    for (let g = 0; g < scenario.segments.length; g++) {
      if (ws.enabled) {
        const a = ws.awareness[g]!;
        ws.awareness[g] = Math.min(1, a + WORD_OF_MOUTH_PER_MINUTE * minutes * a * (1 - a));
      }
      const trust = state.segments[g]!.trust / 100;
      const target =
        ws.enabled && workaroundApplies(scenario, w, g)
          ? def.maxShare * ws.awareness[g]! * (TRUST_FLOOR + (1 - TRUST_FLOOR) * trust)
          : 0;
      ws.uptake[g] = ws.uptake[g]! + (target - ws.uptake[g]!) * step;
    }
  }
}

/** Hourly running cost of enabled workarounds, per tick. */
export function workaroundCostPerTick(sim: Sim): number {
  let cost = 0;
  const defs = sim.scenario.people.workarounds;
  for (let w = 0; w < defs.length; w++)
    if (sim.state.people.workarounds[w]!.enabled) cost += defs[w]!.costPerHourKES / 3600;
  return cost;
}
