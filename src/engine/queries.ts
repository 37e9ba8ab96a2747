/**
 * The engine's read-only questions about the people side of a drill: how far a statement reaches, what it
 * costs, how long the public has heard nothing, how widely a rumour is believed, whether the incident is
 * still on. The systems use them, and so do the panels, the report and scenario expressions — which hold only
 * the scenario and the published (read-only) state, never a running Sim. So each query takes exactly what it
 * reads: the scenario, the state, or both, and never changes them.
 *
 * (Other read-only queries live with their rule: critical availability in availability.ts, which workaround
 * applies to a segment in workarounds.ts.)
 */
import type { DeepReadonly } from './readonly';
import { languageIds } from './languages';
import { type Language, type Scenario, type SimState, type StatementBlock } from './types';

type State = DeepReadonly<SimState>;

/** What a goodwill gesture (free transfers for a day) costs on top of the channel. */
export const GOODWILL_COST_KES = 2_000_000;

/** Reach of a statement in segment `g`: the channel's habit there × the best understood of the languages used. */
export function segmentReach(
  scenario: Scenario,
  channel: number,
  languages: readonly Language[],
  g: number,
): number {
  const seg = scenario.segments[g]!;
  let lang = 0;
  const ids = languageIds(scenario);
  for (const l of languages) {
    const i = ids.indexOf(l);
    if (i >= 0) lang = Math.max(lang, seg.languages[i]!);
  }
  return seg.reach[channel]! * lang;
}

/** Reach of a statement over all customers (segments weighted by size). */
export function meanReach(scenario: Scenario, channel: number, languages: readonly Language[]): number {
  let sum = 0;
  let size = 0;
  scenario.segments.forEach((g, i) => {
    sum += segmentReach(scenario, channel, languages, i) * g.size;
    size += g.size;
  });
  return size > 0 ? sum / size : 0;
}

/** KES a statement costs: the channel, plus the goodwill gesture if it offers one. */
export function statementCost(
  scenario: Scenario,
  channel: number,
  blocks: readonly DeepReadonly<StatementBlock>[],
): number {
  const goodwill = blocks.some((b) => b.kind === 'goodwill') ? GOODWILL_COST_KES : 0;
  return scenario.people.channels[channel]!.costKES + goodwill;
}

/** Ticks since the public last heard from the commander during the incident (0 before it began). */
export function silenceTicks(state: State): number {
  const p = state.people;
  if (p.incidentTick < 0) return 0;
  return state.tick - Math.max(p.lastStatementTick, p.incidentTick);
}

/** Mean belief (0–1) in rumour `r` over all customers (segments weighted by size). */
export function meanBelief(scenario: Scenario, state: State, r: number): number {
  let sum = 0;
  let size = 0;
  const rs = state.people.rumours[r]!;
  for (let i = 0; i < scenario.segments.length; i++) {
    const segmentSize = scenario.segments[i]!.size;
    sum += rs.belief[i]! * segmentSize;
    size += segmentSize;
  }
  return size > 0 ? sum / size : 0;
}

/** The incident is on while any critical service is not healthy. */
export function incidentOngoing(scenario: Scenario, state: State): boolean {
  for (let s = 0; s < scenario.services.length; s++) {
    if (scenario.services[s]!.critical && state.services[s]!.status !== 'healthy') return true;
  }
  return false;
}
