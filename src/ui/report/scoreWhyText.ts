/**
 * A score component's name and what moved it (the engine's `why`: a sentence's kind and its raw numbers), in
 * the interface language. In English the engine's own sentence is shown unchanged (scoreWhyInEnglish: the CLI,
 * the JSON export and older tests read it); in another language the same facts are worded from the `debrief`
 * namespace, with amounts, counts and shares formatted for its locale.
 */
import {
  claimDiscount,
  scoreWhyInEnglish,
  type Currency,
  type ScoreComponent,
  type ScoreWhy,
} from '../../engine';
import { currentLanguage, t } from '../../i18n';
import { countLabel, kesLabel, percentLabel } from '../../store/format';

/** A component's name ("Public trust"; in English the engine's SCORE_LABELS, word for word). */
export function scoreLabelText(id: ScoreComponent['id']): string {
  return t(`debrief:scorePart.${id}`);
}

/** A signed number with one decimal ("+2.5", "-13.9"), as the engine writes a trust driver in every language. */
function signed(x: number): string {
  // i18n-ignore: a number and its sign
  return `${x > 0 ? '+' : ''}${x.toFixed(1)}`;
}

function downtime(seconds: number): string {
  return seconds < 3600
    ? t('debrief:scoreWhy.serviceMinutes', { count: Math.round(seconds / 60) })
    : t('debrief:scoreWhy.serviceHours', { hours: (seconds / 3600).toFixed(1) });
}

function discount(broken: number, gambles: number): string {
  return broken + gambles > 0
    ? t('debrief:scoreWhy.discount', { percent: percentLabel(claimDiscount(broken + gambles)) })
    : '';
}

function claims(broken: number, gambles: number): string {
  if (broken + gambles === 0) return t('debrief:scoreWhy.noClaims');
  const b = t('debrief:scoreWhy.broken', { count: broken });
  const g = t('debrief:scoreWhy.gambles', { count: gambles });
  if (gambles === 0) return b;
  if (broken === 0) return g;
  return t('debrief:scoreWhy.brokenAndGambles', { broken: b, gambles: g });
}

function inWords(why: ScoreWhy, currency: Currency): string {
  switch (why.kind) {
    case 'availability':
      return t('debrief:scoreWhy.availability', {
        downtime: downtime(why.downtime),
        baseline: downtime(why.baseline),
      });
    case 'valueMoved':
      return t('debrief:scoreWhy.valueMoved', {
        lost: kesLabel(why.lost, currency),
        baseline: kesLabel(why.baseline, currency),
      });
    case 'customers':
      return t('debrief:scoreWhy.customers', {
        count: Math.round(why.customerHours),
        customerHours: countLabel(why.customerHours),
        baseline: countLabel(why.baseline),
      });
    case 'budget':
      return t('debrief:scoreWhy.budget', {
        spent: kesLabel(why.spent, currency),
        budget: kesLabel(why.budget, currency),
      });
    case 'trust': {
      const drivers = why.drivers
        .map((d) =>
          t('debrief:scoreWhy.driver', {
            driver: t(`debrief:scoreWhy.drivers.${d.driver}`),
            points: signed(d.points),
          }),
        )
        .join(', ');
      return t('debrief:scoreWhy.trust', {
        lost: why.trustLost.toFixed(1),
        baseline: why.baseline.toFixed(1),
        discount: discount(why.broken, why.gambles),
        movedBy: drivers ? t('debrief:scoreWhy.movedBy', { drivers }) : '',
      });
    }
    case 'noRumour':
      return t('debrief:scoreWhy.noRumour');
    case 'rumours':
      return t('debrief:scoreWhy.rumours', {
        peak: percentLabel(why.peak),
        baseline: percentLabel(why.baseline),
        discount: discount(why.broken, why.gambles),
      });
    case 'honesty':
      return t('debrief:scoreWhy.honesty', {
        informed: percentLabel(why.informed),
        claims: claims(why.broken, why.gambles),
      });
    default:
      return '';
  }
}

/** What moved a component, in the interface language (English: the engine's sentence, unchanged). */
export function scoreWhyText(why: ScoreWhy, currency: Currency): string {
  if (currentLanguage() === 'en') return scoreWhyInEnglish(why, currency);
  return inWords(why, currency);
}
