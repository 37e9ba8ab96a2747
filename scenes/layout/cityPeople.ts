/**
 * The people the map draws, from the simulation's own numbers (nothing invented): customers stranded at each
 * service (their unmet needs), people at counters and ATMs (queue + those being served, by Little's law:
 * arrivals × time in the system), and people a workaround sends from one service to another (its uptake in
 * each segment × the segment's size). Pure.
 */
import type { DeepReadonly, Scenario, SimState } from '../../src/engine';

export interface Walkers {
  from: number;
  to: number;
  people: number;
}

export interface CityPeople {
  /** Per service: customers stranded with a need it serves. */
  stranded: number[];
  /** Per service: people queuing or being served (counters and ATMs only, else 0). */
  queuing: number[];
  /** Per workaround in use: people it moves. */
  walkers: Walkers[];
}

/** Service kinds where people stand in line in person. */
const IN_PERSON = new Set(['counter', 'atm-network']);

export function cityPeople(scenario: DeepReadonly<Scenario>, state: DeepReadonly<SimState>): CityPeople {
  const stranded = scenario.services.map(() => 0);
  scenario.segments.forEach((segment, g) => {
    const seg = state.segments[g];
    if (!seg) return;
    segment.needs.forEach((need, k) => {
      stranded[need.service] = stranded[need.service]! + (seg.stranded[k] ?? 0);
    });
  });
  const queuing = scenario.services.map((def, s) => {
    if (!IN_PERSON.has(def.kind)) return 0;
    const sv = state.services[s]!;
    return sv.queue + sv.legitRps * (sv.latencyMs / 1000);
  });
  const walkers: Walkers[] = [];
  scenario.people.workarounds.forEach((def, w) => {
    const ws = state.people.workarounds[w];
    if (!ws) return;
    let people = 0;
    scenario.segments.forEach((segment, g) => {
      const usesFrom = segment.needs.some((n) => n.service === def.from);
      if (usesFrom) people += (ws.uptake[g] ?? 0) * segment.size;
    });
    if (people >= 1) walkers.push({ from: def.from, to: def.to, people });
  });
  return { stranded, queuing, walkers };
}

/** Most figures drawn for one crowd (the drawing stays cheap at 8×). */
export const MAX_FIGURES = 30;

/**
 * How many figures stand for `people`: none for nobody, at least one for anyone, then one more for each
 * doubling (a crowd of 100 is 4 figures, 1,000 is 11, 10,000 is 19, 100,000 is 27).
 */
export function figuresFor(people: number): number {
  if (!(people >= 1)) return 0;
  return Math.max(1, Math.min(MAX_FIGURES, Math.round(2.5 * Math.log2(1 + people / 50))));
}
