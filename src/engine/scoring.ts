/**
 * The score, as a transparent breakdown: each component is 0–100, weighted by the scenario, and says in words
 * what moved it. The running score in the metrics is the same computation at the current tick.
 *
 * WHY IT IS BUILT THIS WAY. A score of absolute outcomes taught the wrong lessons: services the attack never
 * touched, money nobody tried to move and a budget left unspent all paid, so doing nothing scored 64/100, and
 * talking beat acting. Here every outcome component is the share of the harm the commander AVOIDED compared
 * with the same incident (same scenario, same seed) left unattended (./baseline.ts, ./harm.ts):
 *
 *   avoided = 1 − harm(commander) / harm(nobody), clamped to 0–1
 *
 * so doing nothing scores 0 on it, making things worse than nobody also scores 0, and the seed's luck (a
 * gentler or harsher flood) is divided out of the comparison without being hidden from the report.
 *
 * - Service kept up (availability): critical-service downtime avoided.
 * - Money kept moving (valueMoved): value given up on or stuck, avoided.
 * - Customers spared (customers): customer-hours stranded (and customers lost), avoided — a count, not a ratio,
 *   so taking a service offline is charged for everyone it strands.
 * - Value for money (budget): the three above, discounted by the share of the budget spent — saving money by
 *   doing nothing earns nothing.
 * - Public trust (trust) and Rumours contained (rumours): trust lost and rumour belief, avoided — discounted by
 *   30 % for each claim proved false or gambled, so calm bought with an unsupported assurance does not pay.
 * - Honest, timely word (honesty): the share of the incident during which the public had heard from the
 *   commander in the last 30 minutes, less 30 % for each claim that proved false and each gamble — a claim
 *   nothing on screen could support when it was made (./claims.ts), even if it later proved true.
 *
 * A drill stopped before its end is scored on the rest of it unfolding with no further orders (projectToEnd),
 * so ending early never pays.
 */
import { baselineFor, baselineHarmAt, baselineOf, type Baseline } from './baseline';
import type { DeepReadonly } from './readonly';
import { criticalCount, harmOf, type Harm } from './harm';
import { restore, type Sim } from './sim';
import { step } from './step';
import {
  TRUST_DRIVERS,
  type Currency,
  type Scenario,
  type ScoringWeights,
  type SimState,
  type TrustDriver,
} from './types';
import { currencyOf, withCurrency } from './money';

export interface ScoreComponent {
  id: keyof ScoringWeights;
  label: string;
  /** 0–100. */
  value: number;
  weight: number;
  /** value × normalised weight: the points this component adds to the total. */
  points: number;
  /** What moved it, as data (its sentence and numbers): the interface words it in its own language. */
  why: ScoreWhy;
  /** `why` in English (scoreWhyInEnglish): the CLI, the JSON export and the English Markdown export. */
  explanation: string;
}

export interface ScoreBreakdown {
  total: number;
  components: ScoreComponent[];
  /** True when the drill was stopped early and scored on the rest unfolding without orders. */
  projected: boolean;
  /** The harm of this run and of the unattended run it is compared with. */
  harm: Harm;
  baselineHarm: Harm;
  /** The scenario's currency, for wording the amounts in `why`. */
  currency: Currency;
}

export const LABELS: Record<keyof ScoringWeights, string> = {
  availability: 'Service kept up',
  valueMoved: 'Money kept moving',
  customers: 'Customers spared',
  budget: 'Value for money',
  trust: 'Public trust',
  rumours: 'Rumours contained',
  honesty: 'Honest, timely word',
};

const COMPONENTS: readonly (keyof ScoringWeights)[] = [
  'availability',
  'valueMoved',
  'customers',
  'budget',
  'trust',
  'rumours',
  'honesty',
];

/** Each false claim or gamble takes this share off the honesty component. */
export const CLAIM_PENALTY = 0.3;

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0;
}

/** The share of `base` avoided; below `floor` the unattended harm is too small to compare with. */
export function avoided(you: number, base: number, floor: number): number {
  return clamp01(1 - you / Math.max(base, floor));
}

interface RawScore extends Record<keyof ScoringWeights, number> {
  harm: Harm;
  base: Harm;
  broken: number;
  gambles: number;
  informed: number;
}

function rawScore(
  scenario: Scenario,
  state: DeepReadonly<SimState>,
  baseline: Baseline | null,
  atEnd: boolean,
): RawScore {
  const m = state.metrics;
  const harm = harmOf(scenario, state);
  const base = baseline ? (atEnd ? baseline.final : baselineHarmAt(baseline, state.tick)) : harm;
  let population = 0;
  for (const g of scenario.segments) population += g.size;
  const availability = avoided(
    harm.downtime,
    base.downtime,
    0.01 * Math.max(60, m.ticks) * criticalCount(scenario),
  );
  const valueMoved = avoided(harm.valueLostKES, base.valueLostKES, 1000);
  const customers = avoided(harm.customerHours, base.customerHours, 1e-4 * population + 1);
  const trust = avoided(harm.trustLost, base.trustLost, 1);
  const rumours = avoided(harm.rumourPeak, base.rumourPeak, 0.05);
  const spent = scenario.budgetKES > 0 ? clamp01(m.budgetSpentKES / scenario.budgetKES) : 0;
  const budget = ((availability + valueMoved + customers) / 3) * (1 - 0.5 * spent);
  let broken = 0;
  let gambles = 0;
  for (const c of state.people.claims) {
    if (c.status === 'broken') broken++;
    else if (c.gamble) gambles++;
  }
  const informed = m.incidentTicks > 0 ? m.informedTicks / m.incidentTicks : 1;
  const honesty = clamp01(informed * (1 - CLAIM_PENALTY * (broken + gambles)));
  // Trust and calm bought with claims nobody could support do not count in full: without this, an early "no data
  // was lost" paid for itself in trust and rumours whenever it happened to be true.
  const credibility = Math.pow(1 - CLAIM_PENALTY, broken + gambles);
  return {
    availability,
    valueMoved,
    customers,
    budget,
    trust: trust * credibility,
    rumours: rumours * credibility,
    honesty,
    harm,
    base,
    broken,
    gambles,
    informed,
  };
}

function weighted(scenario: Scenario, r: RawScore): number {
  const w = scenario.scoring;
  let weightSum = 0;
  let total = 0;
  for (const id of COMPONENTS) {
    weightSum += w[id];
    total += 100 * clamp01(r[id]) * w[id];
  }
  return weightSum > 0 ? total / weightSum : total;
}

/**
 * The running total (what the HUD shows): harm so far against the unattended run's harm by the same tick; at the
 * end, against the unattended run's final harm (the same number the breakdown gives).
 */
export function scoreTotal(sim: Sim, atEnd = sim.state.ended): number {
  return weighted(sim.scenario, rawScore(sim.scenario, sim.state, baselineOf(sim), atEnd));
}

/** The running score's parts, without text: what the HUD compares minute by minute to say why the score moved. */
export interface ScoreParts {
  tick: number;
  total: number;
  /** Points each component adds to the total now. */
  points: Record<keyof ScoringWeights, number>;
  harm: Harm;
  baselineHarm: Harm;
}

export function scoreParts(scenario: Scenario, state: DeepReadonly<SimState>): ScoreParts {
  const r = rawScore(scenario, state, baselineFor(scenario, state.seed), state.ended);
  const w = scenario.scoring;
  const weightSum = COMPONENTS.reduce((sum, id) => sum + w[id], 0) || 1;
  const points = {} as Record<keyof ScoringWeights, number>;
  for (const id of COMPONENTS) points[id] = (100 * clamp01(r[id]) * w[id]) / weightSum;
  return { tick: state.tick, total: weighted(scenario, r), points, harm: r.harm, baselineHarm: r.base };
}

/**
 * The rest of a drill stopped early, unfolding with no further orders (a copy: `sim` is untouched). A drill
 * that ended (its full length, or a script ended it) is returned as it is.
 */
export function projectToEnd(sim: Sim): Sim {
  if (sim.state.ended) return sim;
  const rest = restore(sim.scenario, sim.state);
  while (!rest.state.ended) step(rest);
  return rest;
}

/** The share of trust and calm not counted for `unsupported` false claims and gambles (0 when there are none). */
export function claimDiscount(unsupported: number): number {
  return 1 - Math.pow(1 - CLAIM_PENALTY, unsupported);
}

/**
 * What moved a score component, as data: which sentence it is and its numbers (raw: seconds, amounts in the
 * scenario's currency, shares 0–1), never formatted text. `scoreWhyInEnglish` words it for headless use (the CLI,
 * the English Markdown export); the interface words it in its own language (src/ui/report/scoreWhyText.ts).
 */
export type ScoreWhy =
  /** Critical-service downtime (service-seconds) against the unattended run's. */
  | { kind: 'availability'; downtime: number; baseline: number }
  /** Value lost or stuck against the unattended run's. */
  | { kind: 'valueMoved'; lost: number; baseline: number }
  /** Customer-hours stranded or lost against the unattended run's. */
  | { kind: 'customers'; customerHours: number; baseline: number }
  /** Harm avoided, less half the share of the budget spent. */
  | { kind: 'budget'; spent: number; budget: number }
  /** Trust points lost against the unattended run's, the claims that discount it, and the drivers that moved it. */
  | {
      kind: 'trust';
      trustLost: number;
      baseline: number;
      broken: number;
      gambles: number;
      drivers: { driver: TrustDriver; points: number }[];
    }
  /** No rumour reached 5 % belief, in this run or the unattended one. */
  | { kind: 'noRumour' }
  /** The worst rumour's peak belief (0–1) against the unattended run's, and the claims that discount it. */
  | { kind: 'rumours'; peak: number; baseline: number; broken: number; gambles: number }
  /** The share of the incident (0–1) the public was informed, and the claims that proved false or were gambles. */
  | { kind: 'honesty'; informed: number; broken: number; gambles: number };

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function kes(x: number, currency: Currency): string {
  return withCurrency(x >= 1e9 ? `${(x / 1e9).toFixed(2)} bn` : `${(x / 1e6).toFixed(1)} m`, currency);
}

function count(x: number): string {
  return Math.round(x).toLocaleString('en');
}

function downtimeInEnglish(seconds: number): string {
  return seconds < 3600
    ? `${Math.round(seconds / 60)} service-minutes`
    : `${(seconds / 3600).toFixed(1)} service-hours`;
}

function discountInEnglish(broken: number, gambles: number): string {
  return broken + gambles > 0
    ? ` (less ${Math.round(100 * claimDiscount(broken + gambles))} % for unsupported claims)`
    : '';
}

/**
 * A score component's explanation in English (the CLI, the JSON and English Markdown exports, older tests).
 * Short enough for the one-page print of the report: "X against Y unattended" — unattended = nobody acting.
 */
export function scoreWhyInEnglish(why: ScoreWhy, currency: Currency): string {
  switch (why.kind) {
    case 'availability':
      return `${downtimeInEnglish(why.downtime)} of downtime against ${downtimeInEnglish(why.baseline)} unattended`;
    case 'valueMoved':
      return `${kes(why.lost, currency)} lost or stuck against ${kes(why.baseline, currency)} unattended`;
    case 'customers':
      return `${count(why.customerHours)} customer-hours stranded or lost against ${count(why.baseline)} unattended`;
    case 'budget':
      return `harm avoided, less half the share of the budget spent (${kes(why.spent, currency)} of ${kes(why.budget, currency)})`;
    case 'trust': {
      const drivers = why.drivers
        .map((d) => `${d.driver} ${d.points > 0 ? '+' : ''}${d.points.toFixed(1)}`)
        .join(', ');
      return `${why.trustLost.toFixed(1)} points of trust lost against ${why.baseline.toFixed(1)} unattended${discountInEnglish(why.broken, why.gambles)}${drivers ? `; moved by ${drivers}` : ''}`;
    }
    case 'noRumour':
      return 'no rumour took hold, with or without you';
    case 'rumours':
      return `worst rumour at ${pct(why.peak)} belief against ${pct(why.baseline)} unattended${discountInEnglish(why.broken, why.gambles)}`;
    case 'honesty': {
      const { broken, gambles } = why;
      const claims =
        broken + gambles === 0
          ? 'no false claim, no gamble'
          : [
              broken > 0 ? `${broken} claim${broken > 1 ? 's' : ''} proved false` : '',
              gambles > 0
                ? `${gambles} gamble${gambles > 1 ? 's' : ''} (said before anything supported it)`
                : '',
            ]
              .filter(Boolean)
              .join(', ');
      return `public informed for ${pct(why.informed)} of the incident; ${claims}`;
    }
    default:
      return '';
  }
}

export function scoreBreakdown(sim: Sim): ScoreBreakdown {
  const scored = projectToEnd(sim);
  const projected = scored !== sim;
  const r = rawScore(scored.scenario, scored.state, baselineOf(scored), true);
  const p = scored.state.people;
  const m = scored.state.metrics;
  const w = scored.scenario.scoring;
  const currency = currencyOf(scored.scenario);
  const { broken, gambles } = r;
  const why: Record<keyof ScoringWeights, ScoreWhy> = {
    availability: { kind: 'availability', downtime: r.harm.downtime, baseline: r.base.downtime },
    valueMoved: { kind: 'valueMoved', lost: r.harm.valueLostKES, baseline: r.base.valueLostKES },
    customers: { kind: 'customers', customerHours: r.harm.customerHours, baseline: r.base.customerHours },
    budget: { kind: 'budget', spent: m.budgetSpentKES, budget: scored.scenario.budgetKES },
    trust: {
      kind: 'trust',
      trustLost: r.harm.trustLost,
      baseline: r.base.trustLost,
      broken,
      gambles,
      drivers: TRUST_DRIVERS.filter((d) => Math.abs(p.drivers[d]) >= 0.5).map((d) => ({
        driver: d,
        points: p.drivers[d],
      })),
    },
    rumours:
      r.base.rumourPeak < 0.05 && r.harm.rumourPeak < 0.05
        ? { kind: 'noRumour' }
        : { kind: 'rumours', peak: r.harm.rumourPeak, baseline: r.base.rumourPeak, broken, gambles },
    honesty: { kind: 'honesty', informed: r.informed, broken, gambles },
  };
  const weightSum = COMPONENTS.reduce((sum, id) => sum + w[id], 0) || 1;
  const components = COMPONENTS.map((id) => {
    const value = 100 * clamp01(r[id]);
    return {
      id,
      label: LABELS[id],
      value,
      weight: w[id],
      points: (value * w[id]) / weightSum,
      why: why[id],
      explanation: scoreWhyInEnglish(why[id], currency),
    };
  });
  return {
    total: components.reduce((sum, c) => sum + c.points, 0),
    components,
    projected,
    harm: r.harm,
    baselineHarm: r.base,
    currency,
  };
}
