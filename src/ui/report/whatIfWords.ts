/**
 * "What if" results in plain words, e.g.
 *   "Ordered Rate limiting per client on Operator internet edge" at T+00:00 instead of T+00:15:
 *   31 % less money failed to move (KES 1.2m instead of KES 1.7m); score 54.1 instead of 50.2.
 * Pure; the numbers come straight from src/run/whatif.ts's outcomes.
 */
import { elapsedClock, type ApplyResult, type LoggedCommand, type Scenario } from '../../engine';
import { type Outcome, type Variant, type WhatIfReport } from '../../run';
import { countLabel, moneyLabel } from '../../store/format';
import { describeCommand } from '../../store/selectors';

function moneyWords(actual: number, variant: number, scenario: Scenario): string {
  const kesLabel = (amount: number) => moneyLabel(amount, scenario);
  if (Math.round(actual) === Math.round(variant))
    return `the same money failed to move (${kesLabel(actual)})`;
  if (actual <= 0) return `${kesLabel(variant)} failed to move instead of none`;
  const change = ((variant - actual) / actual) * 100;
  const size = Math.abs(change) < 1 ? Math.abs(change).toFixed(1) : Math.abs(change).toFixed(0);
  return `${size} % ${change < 0 ? 'less' : 'more'} money failed to move (${kesLabel(variant)} instead of ${kesLabel(actual)})`;
}

function strandedWords(actual: number, variant: number): string {
  if (Math.round(actual) === Math.round(variant)) return '';
  return `; ${countLabel(variant)} customers stranded at the worst moment instead of ${countLabel(actual)}`;
}

export function variantWords(
  scenario: Scenario,
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
  actual: Outcome,
  v: Variant,
): string {
  return variantParts(scenario, log, results, actual, v).join('');
}

/**
 * The same words in three parts: the decision moved and the money, then the customers stranded and the score,
 * then why (" It would have …."). On paper the stranded words and the why are left out (one A4 page, see
 * report.css); the screen and the Markdown give all three.
 */
export function variantParts(
  scenario: Scenario,
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
  actual: Outcome,
  v: Variant,
): [string, string, string] {
  const original = log[v.decision]!;
  const words = `“${describeCommand(scenario, original.cmd, log, results)}”`;
  const head =
    v.kind === 'never'
      ? `Without ${words} (${elapsedClock(original.tick)})`
      : `${words} at ${elapsedClock(v.tick)} instead of ${elapsedClock(original.tick)}`;
  const o = v.outcome;
  return [
    `${head}: ${moneyWords(actual.failedValueKES, o.failedValueKES, scenario)}`,
    `${strandedWords(actual.strandedPeak, o.strandedPeak)}; score ${o.score.toFixed(1)} instead of ${actual.score.toFixed(1)}.`,
    ` It ${v.because}.`,
  ];
}

/** The variants worth showing: a move that lands on the original tick (a decision at 00:00 cannot come earlier) is left out. */
export function shownVariants(log: readonly LoggedCommand[], report: WhatIfReport): Variant[] {
  return report.variants.filter((v) => v.kind === 'never' || v.tick !== log[v.decision]!.tick);
}

/** The report with each variant's summary in plain words (for the Markdown export). */
export function withPlainWords(
  scenario: Scenario,
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
  report: WhatIfReport,
): WhatIfReport {
  return {
    actual: report.actual,
    variants: shownVariants(log, report).map((v) => ({
      ...v,
      summary: variantWords(scenario, log, results, report.actual, v),
    })),
  };
}
