/**
 * Why a what-if variant scored as it did, in words a trainee can discuss: what it would have changed in the
 * city ("kept 40,000 customer-hours of stranding", "KES 12 m more would have moved") and which score components
 * moved the total. A result that looks backwards — leaving a filter out scores higher — is only useful with its
 * reason ("the rate limit also turned away customers, and cost KES 2 m"), so the reason is always given.
 * Pure: reads two outcomes, writes a sentence.
 */
import { DEFAULT_CURRENCY, withCurrency, type Currency, type Harm, type ScoringWeights } from '../engine';

export interface ExplainedOutcome {
  score: number;
  harm: Harm;
  spentKES: number;
  /** Points each score component adds to the total. */
  points: Record<keyof ScoringWeights, number>;
}

const COMPONENT_WORDS: Record<keyof ScoringWeights, string> = {
  availability: 'service kept up',
  valueMoved: 'money kept moving',
  customers: 'customers spared',
  budget: 'value for money',
  trust: 'public trust',
  rumours: 'rumours contained',
  honesty: 'honest, timely word',
};

function count(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${(a / 1e6).toFixed(1)} million`;
  if (a >= 1e4) return `${Math.round(a / 1000)},000`;
  if (a >= 1000) return `${(a / 1000).toFixed(1)} thousand`;
  return `${Math.round(a)}`;
}

function money(x: number, currency: Currency): string {
  const a = Math.abs(x);
  if (a >= 1e9) return withCurrency(`${(a / 1e9).toFixed(2)} bn`, currency);
  if (a >= 1e6) return withCurrency(`${(a / 1e6).toFixed(1)} m`, currency);
  return withCurrency(Math.round(a).toLocaleString('en-GB'), currency);
}

/**
 * One change in the city, as data: what changed and by how much (`amount` > 0: the variant did better —
 * fewer customer-hours stranded, money kept moving, downtime cut, trust saved, a rumour less believed, budget
 * saved). Units: customer-hours, the scenario's currency, service-seconds, trust points, belief share (0–1).
 */
export interface HarmChange {
  kind: 'customerHours' | 'value' | 'downtime' | 'trust' | 'rumour' | 'spent';
  amount: number;
  /** How much it matters (the share of the actual harm): the largest is said first. */
  size: number;
}

/** The changes in the city, largest first, as data. Small differences are left out. */
export function harmChangeData(actual: ExplainedOutcome, variant: ExplainedOutcome): HarmChange[] {
  const a = actual.harm;
  const v = variant.harm;
  const out: HarmChange[] = [];
  const hours = a.customerHours - v.customerHours;
  if (Math.abs(hours) >= Math.max(50, 0.02 * a.customerHours))
    out.push({ kind: 'customerHours', amount: hours, size: Math.abs(hours) / Math.max(1, a.customerHours) });
  const kes = a.valueLostKES - v.valueLostKES;
  if (Math.abs(kes) >= Math.max(100_000, 0.02 * a.valueLostKES))
    out.push({ kind: 'value', amount: kes, size: Math.abs(kes) / Math.max(1, a.valueLostKES) });
  const down = a.downtime - v.downtime;
  if (Math.abs(down) >= Math.max(600, 0.02 * a.downtime))
    out.push({ kind: 'downtime', amount: down, size: Math.abs(down) / Math.max(1, a.downtime) });
  const trust = a.trustLost - v.trustLost;
  if (Math.abs(trust) >= 1)
    out.push({ kind: 'trust', amount: trust, size: Math.abs(trust) / Math.max(5, a.trustLost) });
  const rumour = a.rumourPeak - v.rumourPeak;
  if (Math.abs(rumour) >= 0.02) out.push({ kind: 'rumour', amount: rumour, size: Math.abs(rumour) });
  const spent = actual.spentKES - variant.spentKES;
  if (Math.abs(spent) >= 50_000)
    out.push({ kind: 'spent', amount: spent, size: Math.abs(spent) / Math.max(1, actual.spentKES) / 2 });
  return out.sort((x, y) => y.size - x.size);
}

/** One change in English, as a "would have …" clause. */
export function harmChangeInEnglish(c: HarmChange, currency: Currency = DEFAULT_CURRENCY): string {
  const x = c.amount;
  switch (c.kind) {
    case 'customerHours':
      return x > 0
        ? `spared customers ${count(x)} hours stranded`
        : `left customers ${count(x)} more hours stranded`;
    case 'value':
      return x > 0 ? `kept ${money(x, currency)} more moving` : `let ${money(x, currency)} more fail to move`;
    case 'downtime':
      return x > 0
        ? `cut ${Math.round(x / 60)} service-minutes of critical downtime`
        : `added ${Math.round(-x / 60)} service-minutes of critical downtime`;
    case 'trust':
      return x > 0
        ? `saved ${x.toFixed(0)} points of public trust`
        : `cost ${(-x).toFixed(0)} points of public trust`;
    case 'rumour':
      return x > 0
        ? `kept the worst rumour ${Math.round(x * 100)} points less believed`
        : `let the worst rumour reach ${Math.round(-x * 100)} points more belief`;
    case 'spent':
      return x > 0 ? `saved ${money(x, currency)} of the budget` : `spent ${money(x, currency)} more`;
    default:
      return '';
  }
}

/** The changes in the city, largest first, as "would have …" clauses. Small differences are left out. */
export function harmChanges(
  actual: ExplainedOutcome,
  variant: ExplainedOutcome,
  currency: Currency = DEFAULT_CURRENCY,
): string[] {
  return harmChangeData(actual, variant).map((c) => harmChangeInEnglish(c, currency));
}

/** The components that moved the total most (at most three), with their signed points, as data. */
export function componentChangeData(
  actual: ExplainedOutcome,
  variant: ExplainedOutcome,
): { id: keyof ScoringWeights; delta: number }[] {
  return (Object.keys(COMPONENT_WORDS) as (keyof ScoringWeights)[])
    .map((id) => ({ id, delta: variant.points[id] - actual.points[id] }))
    .filter((c) => Math.abs(c.delta) >= 0.1)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
    .slice(0, 3);
}

/** The components that moved the total most, with their signed points ("public trust +2.9"). */
export function componentChanges(actual: ExplainedOutcome, variant: ExplainedOutcome): string[] {
  return componentChangeData(actual, variant).map(
    (c) => `${COMPONENT_WORDS[c.id]} ${c.delta > 0 ? '+' : '−'}${Math.abs(c.delta).toFixed(1)}`,
  );
}

/** "would have spared … and kept …; score +3.1 (public trust +2.0, money kept moving +1.1)". */
export function explainVariant(
  actual: ExplainedOutcome,
  variant: ExplainedOutcome,
  currency: Currency = DEFAULT_CURRENCY,
): string {
  const changes = harmChanges(actual, variant, currency).slice(0, 3);
  const city =
    changes.length === 0
      ? 'would have changed little in the city'
      : `would have ${changes.length === 1 ? changes[0] : `${changes.slice(0, -1).join(', ')} and ${changes.at(-1)}`}`;
  const delta = variant.score - actual.score;
  const parts = componentChanges(actual, variant);
  const score =
    Math.abs(delta) < 0.05
      ? 'the same score'
      : `score ${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  return `${city}; ${score}`;
}
