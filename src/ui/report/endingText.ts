import { elapsedClock } from '../../engine';
import { t } from '../../i18n';
import type { Ending } from '../../run';

/**
 * Who ended the drill and when, in the interface language. src/run writes the same sentence in English for
 * the JSON export; the page words it from the same facts (who, when, the drill's length).
 */
export function endingText(ending: Ending, durationTicks: number): string {
  const at = ending.clock;
  const of = elapsedClock(durationTicks).slice(2);
  return t(`debrief:ending.${ending.by}`, { at, of });
}
