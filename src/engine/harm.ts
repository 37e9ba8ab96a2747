/**
 * Harm: what the incident cost the city so far, in the units the score compares. Every quantity is cumulative
 * (it never goes down), so "harm so far" at any tick can be compared with the harm the same incident caused by
 * the same tick when nobody acted (./baseline.ts).
 *
 * - downtime: Σ over ticks and critical services of (1 − availability), in service-seconds.
 * - customerHours: hours customers spent stranded, plus one hour for each who gave up or left for a competitor.
 * - valueLostKES: value of transactions given up on, plus what is still stuck.
 * - trustLost: points of public trust lost: below the start now, plus below the start at its lowest.
 * - rumourPeak: the highest belief any rumour reached in any segment (0–1).
 */
import type { DeepReadonly } from './readonly';
import type { Scenario, SimState } from './types';

export interface Harm {
  downtime: number;
  customerHours: number;
  valueLostKES: number;
  trustLost: number;
  rumourPeak: number;
}

export const NO_HARM: Harm = { downtime: 0, customerHours: 0, valueLostKES: 0, trustLost: 0, rumourPeak: 0 };

export function harmOf(scenario: Scenario, state: DeepReadonly<SimState>): Harm {
  const m = state.metrics;
  let gaveUp = 0;
  for (const seg of state.segments) gaveUp += seg.gaveUp;
  const p = state.people;
  const start = scenario.people.stakeholders[0]?.trust ?? 100;
  let rumourPeak = 0;
  for (const r of p.rumours) rumourPeak = Math.max(rumourPeak, r.peak);
  return {
    // The metrics keep the mean over critical services; × their number gives service-seconds.
    downtime: (m.ticks - m.criticalAvailabilitySum) * criticalCount(scenario),
    customerHours: m.strandedSeconds / 3600 + gaveUp + m.churned,
    valueLostKES: m.valueLostKES + m.valuePendingKES,
    trustLost: Math.max(0, start - (p.trust[0] ?? start)) + Math.max(0, start - (p.trustLow[0] ?? start)),
    rumourPeak,
  };
}

/** Critical services (at least 1: a scenario without any counts the whole city as one). */
export function criticalCount(scenario: Scenario): number {
  let n = 0;
  for (const s of scenario.services) if (s.critical) n++;
  return Math.max(1, n);
}
