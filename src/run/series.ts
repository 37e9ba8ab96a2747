/**
 * Time series for the after-action charts, sampled once per simulated minute: availability of each critical
 * service, load vs capacity of the key services, stranded customers, trust by stakeholder, rumour belief, money
 * that failed to move. Plain arrays, so they can be sent from a worker or saved in a report.
 */
import { meanBelief, type Sim } from '../engine';

export const SAMPLE_EVERY_TICKS = 60;

export interface Series {
  minutes: number[];
  /** By service id (critical services only). */
  availability: Record<string, number[]>;
  /** By service id (services that were ever overloaded or are critical): offered load ÷ capacity. */
  utilisation: Record<string, number[]>;
  stranded: number[];
  /** By stakeholder id. */
  trust: Record<string, number[]>;
  /** By rumour id. */
  belief: Record<string, number[]>;
  /** Value lost + pending, KES. */
  failedValue: number[];
  score: number[];
}

export function emptySeries(sim: Sim): Series {
  const { scenario } = sim;
  const crit = scenario.services.filter((s) => s.critical).map((s) => s.id);
  return {
    minutes: [],
    availability: Object.fromEntries(crit.map((id) => [id, []])),
    utilisation: Object.fromEntries(scenario.services.map((s) => [s.id, []])),
    stranded: [],
    trust: Object.fromEntries(scenario.people.stakeholders.map((k) => [k.id, []])),
    belief: Object.fromEntries(scenario.people.rumours.map((r) => [r.id, []])),
    failedValue: [],
    score: [],
  };
}

/** Call after every step; samples on whole minutes. */
export function sample(series: Series, sim: Sim): void {
  const { scenario, state } = sim;
  if (state.tick % SAMPLE_EVERY_TICKS !== 0) return;
  series.minutes.push(state.tick / 60);
  scenario.services.forEach((def, i) => {
    const st = state.services[i]!;
    series.availability[def.id]?.push(round(st.availability));
    series.utilisation[def.id]!.push(round(st.utilisation));
  });
  series.stranded.push(Math.round(state.metrics.stranded));
  scenario.people.stakeholders.forEach((k, i) => series.trust[k.id]!.push(round(state.people.trust[i]!)));
  scenario.people.rumours.forEach((r, i) =>
    series.belief[r.id]!.push(round(meanBelief(sim.scenario, sim.state, i))),
  );
  series.failedValue.push(Math.round(state.metrics.valueLostKES + state.metrics.valuePendingKES));
  series.score.push(round(state.metrics.score));
}

/** Keeps only the services whose utilisation ever passed `threshold` (the "key services" of this run). */
export function keyServices(series: Series, threshold = 0.8): string[] {
  return Object.entries(series.utilisation)
    .filter(([, xs]) => xs.some((x) => x >= threshold))
    .map(([id]) => id);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
