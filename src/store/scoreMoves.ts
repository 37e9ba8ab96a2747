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

const LOWERED: Record<
  keyof ScoringWeights,
  (state: DeepReadonly<SimState>, parts: ScoreParts, currency: Currency) => string
> = {
  availability: (state) => {
    const down = state.services.filter((s) => s.status === 'down').length;
    const hurt = state.services.filter((s) => s.status !== 'healthy').length;
    return down > 0
      ? `${down} service${down > 1 ? 's' : ''} down, ${hurt} not healthy`
      : `${hurt} service${hurt === 1 ? '' : 's'} not healthy`;
  },
  valueMoved: (_state, parts, currency) =>
    `${kesLabel(parts.harm.valueLostKES, currency)} of payments lost or stuck`,
  customers: (state) => `${countLabel(state.metrics.stranded)} customers stranded`,
  budget: (state, _parts, currency) => `${kesLabel(state.metrics.budgetSpentKES, currency)} spent`,
  trust: (state) => `public trust at ${Math.round(state.people.trust[0] ?? 0)}`,
  rumours: (state) => {
    const peak = Math.max(0, ...state.people.rumours.map((r) => r.peak));
    return `a rumour believed by up to ${Math.round(peak * 100)} %`;
  },
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

/** "−3.1 since T+01:10: 12,000 customers stranded", or '' when nothing moved by MOVE_THRESHOLD points. */
export function describeScoreMove(
  before: ScoreParts,
  after: ScoreParts,
  state: DeepReadonly<SimState>,
  currency: Currency = DEFAULT_CURRENCY,
): string {
  const delta = after.total - before.total;
  if (Math.abs(delta) < MOVE_THRESHOLD) return '';
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
  const sign = delta > 0 ? '+' : '−';
  const why = id ? (delta < 0 ? LOWERED[id](state, after, currency) : RAISED[id]) : 'several parts';
  return `${sign}${Math.abs(delta).toFixed(1)} since ${elapsedClock(before.tick)}: ${why}`;
}
