/**
 * The score, as a transparent breakdown: each component is 0–100, weighted by the scenario, and says in words
 * what moved it. The running score in the metrics is the same computation.
 */
import type { Sim } from './sim';
import { TRUST_DRIVERS, type ScoringWeights } from './types';

export interface ScoreComponent {
  id: keyof ScoringWeights;
  label: string;
  /** 0–100. */
  value: number;
  weight: number;
  /** value × normalised weight: the points this component adds to the total. */
  points: number;
  explanation: string;
}

export interface ScoreBreakdown {
  total: number;
  components: ScoreComponent[];
}

const LABELS: Record<keyof ScoringWeights, string> = {
  availability: 'Service restored',
  valueMoved: 'Money that moved',
  customers: 'Customers helped',
  budget: 'Budget kept',
  trust: 'Public trust',
  rumours: 'Rumours contained',
  honesty: 'Honesty',
};

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function kes(x: number): string {
  return x >= 1e9 ? `KES ${(x / 1e9).toFixed(2)} bn` : `KES ${(x / 1e6).toFixed(1)} m`;
}

/** The seven component values, 0–1, without any text: cheap enough for the running score. */
interface RawScore {
  availability: number;
  valueMoved: number;
  customers: number;
  budget: number;
  trust: number;
  rumours: number;
  honesty: number;
  recovered: number;
  gaveUp: number;
  trustNow: number;
  trustLow: number;
  rumourPeak: number;
  broken: number;
}

function rawScore(sim: Sim): RawScore {
  const { scenario, state } = sim;
  const m = state.metrics;
  const p = state.people;
  const availability = m.ticks > 0 ? m.criticalAvailabilitySum / m.ticks : 1;
  const valueTotal = m.valueMovedKES + m.valueLostKES + m.valuePendingKES;
  let recovered = 0;
  let gaveUp = 0;
  for (const seg of state.segments) {
    recovered += seg.recovered;
    gaveUp += seg.gaveUp;
  }
  const hurt = gaveUp + m.churned + m.stranded;
  const trustNow = p.trust[0] ?? 100;
  const trustLow = p.trustLow[0] ?? 100;
  let rumourPeak = 0;
  for (const r of p.rumours) rumourPeak = Math.max(rumourPeak, r.peak);
  let broken = 0;
  for (const c of p.claims) if (c.status === 'broken') broken++;
  return {
    availability,
    valueMoved: valueTotal > 0 ? m.valueMovedKES / valueTotal : 1,
    customers: recovered + hurt > 0 ? recovered / (recovered + hurt) : 1,
    budget: scenario.budgetKES > 0 ? Math.max(0, 1 - m.budgetSpentKES / scenario.budgetKES) : 1,
    trust: (trustNow + trustLow) / 200,
    rumours: 1 - rumourPeak,
    honesty: Math.max(0, 1 - broken * 0.25),
    recovered,
    gaveUp,
    trustNow,
    trustLow,
    rumourPeak,
    broken,
  };
}

const COMPONENTS: readonly (keyof ScoringWeights)[] = [
  'availability',
  'valueMoved',
  'customers',
  'budget',
  'trust',
  'rumours',
  'honesty',
];

/** The total only (what the running score in the metrics shows): same numbers as the breakdown, no text. */
export function scoreTotal(sim: Sim): number {
  const r = rawScore(sim);
  const w = sim.scenario.scoring;
  let weightSum = 0;
  let total = 0;
  for (const id of COMPONENTS) {
    weightSum += w[id];
    total += 100 * Math.min(1, Math.max(0, r[id])) * w[id];
  }
  return weightSum > 0 ? total / weightSum : total;
}

export function scoreBreakdown(sim: Sim): ScoreBreakdown {
  const { scenario, state } = sim;
  const m = state.metrics;
  const p = state.people;
  const w = scenario.scoring;
  const {
    availability,
    valueMoved: moved,
    customers: helped,
    budget,
    trust,
    honesty,
    recovered,
    gaveUp,
    trustNow,
    trustLow,
    rumourPeak,
    broken,
  } = rawScore(sim);
  const drivers = TRUST_DRIVERS.filter((d) => Math.abs(p.drivers[d]) >= 0.5)
    .map((d) => `${d} ${p.drivers[d] > 0 ? '+' : ''}${p.drivers[d].toFixed(1)}`)
    .join(', ');

  const raw: [keyof ScoringWeights, number, string][] = [
    ['availability', availability, `critical services were available ${pct(availability)} of the time`],
    [
      'valueMoved',
      moved,
      `${kes(m.valueMovedKES)} moved; ${kes(m.valueLostKES)} given up on, ${kes(m.valuePendingKES)} still stuck`,
    ],
    [
      'customers',
      helped,
      `${Math.round(recovered).toLocaleString('en')} stranded customers got through in the end; ${Math.round(gaveUp + m.churned).toLocaleString('en')} gave up (${Math.round(m.churned).toLocaleString('en')} to competitors), ${Math.round(m.stranded).toLocaleString('en')} still stranded`,
    ],
    ['budget', budget, `${kes(m.budgetSpentKES)} of ${kes(scenario.budgetKES)} spent`],
    [
      'trust',
      trust,
      `public trust ends at ${Math.round(trustNow)}, lowest ${Math.round(trustLow)}${drivers ? `; moved by ${drivers}` : ''}`,
    ],
    [
      'rumours',
      1 - rumourPeak,
      rumourPeak > 0
        ? `the worst rumour reached ${pct(rumourPeak)} belief in some segment`
        : 'no rumour took hold',
    ],
    [
      'honesty',
      honesty,
      broken > 0 ? `${broken} public claim${broken > 1 ? 's' : ''} proved false` : 'no claim proved false',
    ],
  ];
  const weightSum = raw.reduce((sum, [id]) => sum + w[id], 0) || 1;
  const components = raw.map(([id, v, explanation]) => {
    const value = 100 * Math.min(1, Math.max(0, v));
    return { id, label: LABELS[id], value, weight: w[id], points: (value * w[id]) / weightSum, explanation };
  });
  return { total: components.reduce((sum, c) => sum + c.points, 0), components };
}
