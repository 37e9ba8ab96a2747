/**
 * The people side of a finished run, for `npm run sim -- --json`: the score breakdown (with the harm of this run
 * and of the unattended run it is compared with), trust per stakeholder and per segment (start, lowest, end),
 * each rumour's peak belief, each workaround's uptake, and the budget spent.
 */
import { scoreBreakdown, type Sim } from '../engine';

const r1 = (x: number) => Math.round(x * 10) / 10;

export function peopleSummary(sim: Sim) {
  const { scenario, state } = sim;
  const p = state.people;
  const score = scoreBreakdown(sim);
  return {
    score: {
      total: r1(score.total),
      projected: score.projected,
      components: score.components.map((c) => ({
        id: c.id,
        label: c.label,
        value: r1(c.value),
        weight: c.weight,
        points: r1(c.points),
        explanation: c.explanation,
      })),
      harm: score.harm,
      harmIfNobodyActed: score.baselineHarm,
    },
    trust: {
      stakeholders: scenario.people.stakeholders.map((k, i) => ({
        id: k.id,
        start: k.trust,
        lowest: r1(p.trustLow[i]!),
        end: r1(p.trust[i]!),
      })),
      // Segments keep no lowest value of their own: start and end.
      segments: scenario.segments.map((g, i) => ({
        id: g.id,
        start: g.trust,
        end: r1(state.segments[i]!.trust),
      })),
    },
    rumours: scenario.people.rumours.map((r, i) => ({
      id: r.id,
      born: p.rumours[i]!.born,
      peakBelief: Math.round(p.rumours[i]!.peak * 1000) / 1000,
    })),
    workarounds: scenario.people.workarounds.map((w, i) => {
      const ws = p.workarounds[i]!;
      let moved = 0;
      let size = 0;
      scenario.segments.forEach((g, s) => {
        moved += ws.uptake[s]! * g.size;
        size += g.size;
      });
      // Uptake: the share of demand on `from` that went to `to`, averaged over segments by their size.
      return {
        id: w.id,
        enabled: ws.enabled,
        announcedTick: ws.announcedTick,
        uptake: size > 0 ? Math.round((moved / size) * 1000) / 1000 : 0,
      };
    }),
    budgetSpentKES: Math.round(state.metrics.budgetSpentKES),
  };
}
