/**
 * Why the score moved in the last minutes, in words, for the HUD ("−3.1 since T+01:10: 12,000 customers
 * stranded"). The running score is harm avoided so far against the same incident unattended; when it drops it is
 * because harm grew faster than it did unattended, so the words name that harm as it stands now.
 *
 * Pure: two snapshots of the score's parts (engine `scoreParts`) and the state now in, a sentence out. The HUD
 * keeps the snapshots (one per simulated minute) and compares the newest with the one `window` minutes before.
 */
import {
  DEFAULT_CURRENCY,
  elapsedClock,
  type Currency,
  type DeepReadonly,
  type ScoreParts,
  type ScoringWeights,
  type SimState,
} from '../engine';
import { countLabel, kesLabel } from './format';

/** Smaller moves are noise for a room watching the projector. */
export const MOVE_THRESHOLD = 0.5;

/**
 * The values the words of a lowered part name, raw (counts, amounts, a share): the English below and the page
 * in another language (src/ui/scoreMoveText.ts, the `engine` namespace) word them from the same numbers.
 */
export interface ScoreMoveValues {
  down: number;
  hurt: number;
  valueLostKES: number;
  stranded: number;
  budgetSpentKES: number;
  trust: number;
  /** The highest share of people who believed a rumour, 0–1. */
  rumourPeak: number;
}

/** A move of the score: how much since when, and which part moved it most in the same direction. */
export interface ScoreMove {
  /** Signed points. */
  delta: number;
  sinceTick: number;
  /** Undefined when no single part moved in the total's direction ("several parts"). */
  part?: keyof ScoringWeights;
  values: ScoreMoveValues;
}

const LOWERED: Record<keyof ScoringWeights, (v: ScoreMoveValues, currency: Currency) => string> = {
  availability: ({ down, hurt }) =>
    down > 0
      ? `${down} service${down > 1 ? 's' : ''} down, ${hurt} not healthy`
      : `${hurt} service${hurt === 1 ? '' : 's'} not healthy`,
  valueMoved: (v, currency) => `${kesLabel(v.valueLostKES, currency)} of payments lost or stuck`,
  customers: (v) => `${countLabel(v.stranded)} customers stranded`,
  budget: (v, currency) => `${kesLabel(v.budgetSpentKES, currency)} spent`,
  trust: (v) => `public trust at ${Math.round(v.trust)}`,
  rumours: (v) => `a rumour believed by up to ${Math.round(v.rumourPeak * 100)} %`,
  honesty: () => 'the public has not heard from you for a while, or a claim did not hold',
};

const RAISED: Record<keyof ScoringWeights, string> = {
  availability: 'services coming back',
  valueMoved: 'payments moving again',
  customers: 'fewer customers stranded than if nobody acted',
  budget: 'harm avoided at little cost',
  trust: 'trust held better than if nobody acted',
  rumours: 'rumours held back',
  honesty: 'the public kept informed',
};

/** The move between two snapshots, or undefined when nothing moved by MOVE_THRESHOLD points. */
export function scoreMove(
  before: ScoreParts,
  after: ScoreParts,
  state: DeepReadonly<SimState>,
): ScoreMove | undefined {
  const delta = after.total - before.total;
  if (Math.abs(delta) < MOVE_THRESHOLD) return undefined;
  let id: keyof ScoringWeights | undefined;
  let biggest = 0;
  for (const key of Object.keys(after.points) as (keyof ScoringWeights)[]) {
    const d = after.points[key] - before.points[key];
    // The component that moved most in the same direction as the total.
    if (Math.sign(d) === Math.sign(delta) && Math.abs(d) > biggest) {
      biggest = Math.abs(d);
      id = key;
    }
  }
  const values: ScoreMoveValues = {
    down: state.services.filter((s) => s.status === 'down').length,
    hurt: state.services.filter((s) => s.status !== 'healthy').length,
    valueLostKES: after.harm.valueLostKES,
    stranded: state.metrics.stranded,
    budgetSpentKES: state.metrics.budgetSpentKES,
    trust: state.people.trust[0] ?? 0,
    rumourPeak: Math.max(0, ...state.people.rumours.map((r) => r.peak)),
  };
  return { delta, sinceTick: before.tick, ...(id ? { part: id } : {}), values };
}

/** The move in English, as the game has always said it. */
export function scoreMoveInEnglish(move: ScoreMove, currency: Currency = DEFAULT_CURRENCY): string {
  const { delta, part } = move;
  const sign = delta > 0 ? '+' : '−';
  const why = part ? (delta < 0 ? LOWERED[part](move.values, currency) : RAISED[part]) : 'several parts';
  return `${sign}${Math.abs(delta).toFixed(1)} since ${elapsedClock(move.sinceTick)}: ${why}`;
}

/** "−3.1 since T+01:10: 12,000 customers stranded", or '' when nothing moved by MOVE_THRESHOLD points. */
export function describeScoreMove(
  before: ScoreParts,
  after: ScoreParts,
  state: DeepReadonly<SimState>,
  currency: Currency = DEFAULT_CURRENCY,
): string {
  const move = scoreMove(before, after, state);
  return move ? scoreMoveInEnglish(move, currency) : '';
}
