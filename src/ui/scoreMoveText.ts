/**
 * Why the score moved (store `scoreMove`) in the interface language. In English the store's own sentence is
 * shown unchanged; in another language the same move is worded from the `engine` namespace, with the counts and
 * amounts formatted for its locale.
 */
import { elapsedClock, type Currency } from '../engine';
import { currentLanguage, t } from '../i18n';
import { scoreMoveInEnglish, type ScoreMove } from '../store';
import { countLabel, kesLabel, percentLabel } from '../store/format';

function lowered(move: ScoreMove, currency: Currency): string {
  const v = move.values;
  switch (move.part) {
    case 'availability':
      return v.down > 0
        ? t('engine:scoreMove.lowered.availabilityDown', {
            down: countLabel(v.down),
            hurt: countLabel(v.hurt),
          })
        : t('engine:scoreMove.lowered.availability', { hurt: countLabel(v.hurt) });
    case 'valueMoved':
      return t('engine:scoreMove.lowered.valueMoved', { amount: kesLabel(v.valueLostKES, currency) });
    case 'customers':
      return t('engine:scoreMove.lowered.customers', { stranded: countLabel(v.stranded) });
    case 'budget':
      return t('engine:scoreMove.lowered.budget', { amount: kesLabel(v.budgetSpentKES, currency) });
    case 'trust':
      return t('engine:scoreMove.lowered.trust', { trust: countLabel(v.trust) });
    case 'rumours':
      return t('engine:scoreMove.lowered.rumours', { percent: percentLabel(v.rumourPeak) });
    case 'honesty':
      return t('engine:scoreMove.lowered.honesty');
    default:
      return t('engine:scoreMove.several');
  }
}

export function scoreMoveText(move: ScoreMove | undefined, currency: Currency): string {
  if (!move) return '';
  if (currentLanguage() === 'en') return scoreMoveInEnglish(move, currency);
  const why =
    move.part === undefined
      ? t('engine:scoreMove.several')
      : move.delta < 0
        ? lowered(move, currency)
        : t(`engine:scoreMove.raised.${move.part}`);
  const sign = move.delta > 0 ? '+' : '−';
  // i18n-ignore: a signed number with one decimal, as the score shows it in every language
  const delta = `${sign}${Math.abs(move.delta).toFixed(1)}`;
  return t('engine:scoreMove.line', { delta, since: elapsedClock(move.sinceTick), why });
}
