/**
 * "What if": for each key decision, re-run the same seed with that decision earlier, later, or not at all, and
 * report the difference. Pure and deterministic — the same record gives the same answers, in a Web Worker or a
 * test alike.
 */
import {
  criticalAvailabilityToDate,
  currencyOf,
  elapsedClock,
  run,
  scoreBreakdown,
  type LoggedCommand,
  type Scenario,
  type Sim,
} from '../engine';
import { explainVariant, type ExplainedOutcome } from './whatIfExplain';

export interface Outcome extends ExplainedOutcome {
  score: number;
  failedValueKES: number;
  strandedPeak: number;
  trustEnd: number;
  criticalAvailability: number;
}

export interface Variant {
  /** Index of the decision in the command log. */
  decision: number;
  label: string;
  kind: 'earlier' | 'later' | 'never';
  /** The moved decision's tick (-1 for never). */
  tick: number;
  outcome: Outcome;
  /** Plain-language difference against the actual run. */
  summary: string;
  /** What the variant would have changed in the city and in the score, and why ("would have spared …"). */
  because: string;
}

export interface WhatIfReport {
  actual: Outcome;
  variants: Variant[];
}

export const DEFAULT_SHIFT_TICKS = 15 * 60;

export function outcomeOf(sim: Sim): Outcome {
  const m = sim.state.metrics;
  const breakdown = scoreBreakdown(sim);
  const points = {} as Outcome['points'];
  for (const c of breakdown.components) points[c.id] = c.points;
  return {
    score: breakdown.total,
    harm: breakdown.harm,
    spentKES: m.budgetSpentKES,
    points,
    failedValueKES: m.valueLostKES + m.valuePendingKES,
    strandedPeak: m.strandedPeak,
    trustEnd: sim.state.people.trust[0] ?? 0,
    criticalAvailability: criticalAvailabilityToDate(sim.state),
  };
}

/** Decisions worth questioning: mitigations, statements and workarounds (not answers to prompts or no-ops). */
export function keyDecisions(log: readonly LoggedCommand[]): number[] {
  return log.flatMap((c, i) =>
    c.cmd.type === 'mitigate' || c.cmd.type === 'statement' || c.cmd.type === 'workaround' ? [i] : [],
  );
}

export function describeCommand(c: LoggedCommand): string {
  const cmd = c.cmd;
  switch (cmd.type) {
    case 'mitigate':
      return `${cmd.mitigation} on ${cmd.target}`;
    case 'statement':
      return `statement on ${cmd.channel} (${cmd.blocks.map((b) => b.kind).join(', ')})`;
    case 'workaround':
      return `${cmd.action} workaround ${cmd.workaround}`;
    default:
      return cmd.type;
  }
}

function percentChange(actual: number, variant: number): string {
  if (actual === 0 && variant === 0) return 'no change';
  if (actual === 0) return 'from none';
  const change = ((variant - actual) / actual) * 100;
  return `${Math.abs(change).toFixed(0)} % ${change < 0 ? 'less' : 'more'}`;
}

/**
 * Runs the variants. `onProgress(done, total)` lets a worker report progress. The total work is
 * (1 + 3 × decisions) runs of the scenario up to `untilTick`.
 */
export function whatIf(
  scenario: Scenario,
  seed: string,
  log: readonly LoggedCommand[],
  untilTick: number,
  options: {
    shiftTicks?: number;
    maxDecisions?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): WhatIfReport {
  const shift = options.shiftTicks ?? DEFAULT_SHIFT_TICKS;
  const decisions = keyDecisions(log).slice(0, options.maxDecisions ?? 8);
  const total = 1 + decisions.length * 3;
  let done = 0;
  const runLog = (l: LoggedCommand[]): Outcome => {
    const sim = run(scenario, seed, l, { untilTick });
    options.onProgress?.(++done, total);
    return outcomeOf(sim);
  };
  const actual = runLog([...log]);
  const variants: Variant[] = [];
  for (const d of decisions) {
    const original = log[d]!;
    const name = describeCommand(original);
    const kinds: { kind: Variant['kind']; tick: number }[] = [
      { kind: 'earlier', tick: Math.max(0, original.tick - shift) },
      { kind: 'later', tick: Math.min(untilTick - 1, original.tick + shift) },
      { kind: 'never', tick: -1 },
    ];
    for (const k of kinds) {
      const moved = log.flatMap((c, i) =>
        i !== d ? [c] : k.tick >= 0 ? [{ tick: k.tick, cmd: c.cmd }] : [],
      );
      const outcome = runLog(moved.sort((a, b) => a.tick - b.tick));
      const label =
        k.kind === 'never'
          ? `without ${name}`
          : `${name} at ${elapsedClock(k.tick)} instead of ${elapsedClock(original.tick)}`;
      const because = explainVariant(actual, outcome, currencyOf(scenario));
      const summary = `${label}: ${percentChange(actual.failedValueKES, outcome.failedValueKES)} money failed to move, score ${outcome.score.toFixed(1)} (actual ${actual.score.toFixed(1)}); it ${because}`;
      variants.push({ decision: d, label, kind: k.kind, tick: k.tick, outcome, summary, because });
    }
  }
  return { actual, variants };
}
