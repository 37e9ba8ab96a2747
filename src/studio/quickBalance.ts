/**
 * The studio's quick balance: the balance runner's do-nothing, expert and panic plays (src/balance, the same
 * code as `npm run balance`) over the first seeds, split between workers, then put back together here: the
 * score of each play on each seed, their summaries, and how often the expert beat the others on the same seed.
 */
import { EXPERT } from '../balance/policies';
import { summarise, winRate, type Summary } from '../balance/stats';

/** The plays of the quick balance: nobody at the controls, the expert play, and the panicking one. */
export const QUICK_BALANCE_POLICIES = ['do-nothing', EXPERT, 'panic'] as const;

/** What one worker played: its seeds and, per play, the score on each (same order). */
export interface BalancePart {
  seeds: string[];
  scores: Record<string, number[]>;
}

export interface BalanceOutcome extends BalancePart {
  summaries: Record<string, Summary>;
  /** Share of seeds where the expert play scored more than each other play. */
  expertWins: Record<string, number>;
}

/** Seeds "1" … "n" dealt into `parts` contiguous runs (fewer when there are fewer seeds). */
export function splitSeeds(count: number, parts: number): string[][] {
  const seeds = Array.from({ length: count }, (_, i) => String(i + 1));
  const n = Math.max(1, Math.min(parts, count));
  const out: string[][] = [];
  for (let k = 0; k < n; k++)
    out.push(seeds.slice(Math.floor((k * count) / n), Math.floor(((k + 1) * count) / n)));
  return out;
}

/** The parts in the order given (so seeds stay paired across plays), with summaries and win rates. */
export function combineBalance(parts: readonly BalancePart[]): BalanceOutcome {
  const seeds = parts.flatMap((p) => p.seeds);
  const scores: Record<string, number[]> = {};
  const summaries: Record<string, Summary> = {};
  const expertWins: Record<string, number> = {};
  for (const name of QUICK_BALANCE_POLICIES) {
    scores[name] = parts.flatMap((p) => p.scores[name] ?? []);
    summaries[name] = summarise(scores[name]);
  }
  for (const name of QUICK_BALANCE_POLICIES)
    if (name !== EXPERT) expertWins[name] = winRate(scores[EXPERT]!, scores[name]!);
  return { seeds, scores, summaries, expertWins };
}
