import { elapsedClock, type Scenario } from '../../engine';
import { t } from '../../i18n';
import type { Ending } from '../../run';
import { sceneText } from '../sceneText';
import { outcomeWord } from './runWords';

/**
 * Who ended the drill and when, in the interface language. src/run writes the same sentence in English for
 * the JSON export; the page words it from the same facts (who, when, the drill's length).
 */
export function endingText(ending: Ending, durationTicks: number): string {
  const at = ending.clock;
  const of = elapsedClock(durationTicks).slice(2);
  return t(`debrief:ending.${ending.by}`, { at, of });
}

/**
 * The outcome for the Markdown export's first line ("timeout: The drill ran its full length.", "success: …" with
 * the script's own words in the reader's language where the author gave them), in the interface language.
 */
export function outcomeText(
  outcome: { outcome: string; text: string } | null,
  scenario: Pick<Scenario, 'texts'>,
): string {
  if (!outcome) return t('debrief:markdown.stoppedEarly');
  return t('debrief:markdown.outcome', {
    outcome: outcomeWord(outcome.outcome),
    text:
      outcome.outcome === 'timeout' ? t('debrief:markdown.ranFullLength') : sceneText(scenario, outcome.text),
  });
}
