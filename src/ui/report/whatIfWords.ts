/**
 * "What if" results in plain words, e.g.
 *   "Ordered Rate limiting per client on Operator internet edge" at T+00:00 instead of T+00:15:
 *   31 % less money failed to move (KES 1.2m instead of KES 1.7m); score 54.1 instead of 50.2.
 * Pure; the numbers come straight from src/run/whatif.ts's outcomes.
 */
import { currencyOf, elapsedClock, type ApplyResult, type LoggedCommand, type Scenario } from '../../engine';
import { t } from '../../i18n';
import {
  componentChangeData,
  ENGLISH_RUN_WORDS,
  harmChangeData,
  type HarmChange,
  type Outcome,
  type RunWords,
  type Variant,
  type WhatIfReport,
} from '../../run';
import { commandInWords } from '../../run/words';
import { countLabel, kesLabel, moneyLabel, percentLabel } from '../../store/format';
import { runWords } from './runWords';

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
  words: RunWords = runWords(),
): string {
  return variantParts(scenario, log, results, actual, v, words).join('');
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
  w: RunWords = runWords(),
): [string, string, string] {
  const p = variantPieces(scenario, log, results, actual, v, w);
  return [p.what, `${p.stranded}${p.score}`, p.why];
}

/**
 * The same words in four pieces (the decision moved and the money; the customers stranded; the score; why), in
 * the language of `w` (English when it is src/run's own words: the JSON export).
 */
export function variantPieces(
  scenario: Scenario,
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
  actual: Outcome,
  v: Variant,
  w: RunWords = runWords(),
): { what: string; stranded: string; score: string; why: string } {
  if (w !== ENGLISH_RUN_WORDS) return piecesInLanguage(scenario, log, results, actual, v, w);
  const original = log[v.decision]!;
  const words = `“${commandInWords(scenario, original.cmd, log, results, w)}”`;
  const head =
    v.kind === 'never'
      ? `Without ${words} (${elapsedClock(original.tick)})`
      : `${words} at ${elapsedClock(v.tick)} instead of ${elapsedClock(original.tick)}`;
  const o = v.outcome;
  return {
    what: `${head}: ${moneyWords(actual.failedValueKES, o.failedValueKES, scenario)}`,
    stranded: strandedWords(actual.strandedPeak, o.strandedPeak),
    score: `; score ${o.score.toFixed(1)} instead of ${actual.score.toFixed(1)}.`,
    why: ` It ${v.because}.`,
  };
}

/** A signed number with one decimal ("+3.1", "−0.4"), as the what-if writes it in every language. */
function signed(x: number): string {
  // i18n-ignore: a number and its sign
  return `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
}

/** One change in the city as a "would have …" clause, in the interface language. */
function changeInLanguage(c: HarmChange, scenario: Scenario): string {
  const x = Math.abs(c.amount);
  const better = c.amount > 0;
  const money = (amount: number) => kesLabel(amount, currencyOf(scenario));
  switch (c.kind) {
    case 'customerHours':
      return t(`debrief:whatIfWords.change.customerHours.${better ? 'better' : 'worse'}`, {
        count: Math.round(x),
        hours: countLabel(x),
      });
    case 'value':
      return t(`debrief:whatIfWords.change.value.${better ? 'better' : 'worse'}`, { amount: money(x) });
    case 'downtime':
      return t(`debrief:whatIfWords.change.downtime.${better ? 'better' : 'worse'}`, {
        count: Math.round(x / 60),
      });
    case 'trust':
      return t(`debrief:whatIfWords.change.trust.${better ? 'better' : 'worse'}`, { count: Math.round(x) });
    case 'rumour':
      return t(`debrief:whatIfWords.change.rumour.${better ? 'better' : 'worse'}`, {
        count: Math.round(x * 100),
      });
    case 'spent':
      return t(`debrief:whatIfWords.change.spent.${better ? 'better' : 'worse'}`, { amount: money(x) });
    default:
      return '';
  }
}

/** Why a variant scored as it did (src/run/whatIfExplain.ts's facts), in the interface language. */
function becauseInLanguage(actual: Outcome, variant: Outcome, scenario: Scenario): string {
  const changes = harmChangeData(actual, variant)
    .slice(0, 3)
    .map((c) => changeInLanguage(c, scenario));
  const city =
    changes.length === 0
      ? t('debrief:whatIfWords.littleChanged')
      : t('debrief:whatIfWords.city', {
          changes:
            changes.length === 1
              ? changes[0]!
              : t('debrief:whatIfWords.and', {
                  list: changes.slice(0, -1).join(', '),
                  last: changes.at(-1)!,
                }),
        });
  const delta = variant.score - actual.score;
  const parts = componentChangeData(actual, variant).map((c) =>
    t('debrief:whatIfWords.part', { part: t(`debrief:scorePart.${c.id}`), delta: signed(c.delta) }),
  );
  const score =
    Math.abs(delta) < 0.05
      ? t('debrief:whatIfWords.sameScore')
      : t('debrief:whatIfWords.scoreMoved', {
          delta: signed(delta),
          parts: parts.length > 0 ? t('debrief:whatIfWords.parts', { parts: parts.join(', ') }) : '',
        });
  return t('debrief:whatIfWords.because', { city, score });
}

function piecesInLanguage(
  scenario: Scenario,
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
  actual: Outcome,
  v: Variant,
  w: RunWords,
): { what: string; stranded: string; score: string; why: string } {
  const original = log[v.decision]!;
  const words = commandInWords(scenario, original.cmd, log, results, w);
  const head =
    v.kind === 'never'
      ? t('debrief:whatIfWords.never', { words, at: elapsedClock(original.tick) })
      : t('debrief:whatIfWords.moved', {
          words,
          at: elapsedClock(v.tick),
          instead: elapsedClock(original.tick),
        });
  const o = v.outcome;
  const money = (amount: number) => moneyLabel(amount, scenario);
  const a = actual.failedValueKES;
  const b = o.failedValueKES;
  let moneyText: string;
  if (Math.round(a) === Math.round(b)) moneyText = t('debrief:whatIfWords.money.same', { amount: money(a) });
  else if (a <= 0) moneyText = t('debrief:whatIfWords.money.fromNone', { amount: money(b) });
  else {
    const change = (b - a) / a;
    moneyText = t(`debrief:whatIfWords.money.${change < 0 ? 'less' : 'more'}`, {
      percent: percentLabel(Math.abs(change), Math.abs(change) < 0.01 ? 1 : 0),
      variant: money(b),
      actual: money(a),
    });
  }
  return {
    what: t('debrief:whatIfWords.what', { head, money: moneyText }),
    stranded:
      Math.round(actual.strandedPeak) === Math.round(o.strandedPeak)
        ? ''
        : t('debrief:whatIfWords.stranded', {
            variant: countLabel(o.strandedPeak),
            actual: countLabel(actual.strandedPeak),
          }),
    score: t('debrief:whatIfWords.score', { variant: o.score.toFixed(1), actual: actual.score.toFixed(1) }),
    why: t('debrief:whatIfWords.why', { because: becauseInLanguage(actual, o, scenario) }),
  };
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
  words: RunWords = runWords(),
): WhatIfReport {
  return {
    actual: report.actual,
    variants: shownVariants(log, report).map((v) => ({
      ...v,
      summary: variantWords(scenario, log, results, report.actual, v, words),
    })),
  };
}
