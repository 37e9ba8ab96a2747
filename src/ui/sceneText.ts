/**
 * A scenario's text in the interface's language, when its author wrote one (src/engine/localText.ts). The engine
 * and the record keep the scenario's first language; only what is on screen changes with the reader.
 */
import { localText, type Scenario } from '../engine';
import { currentLanguage } from '../i18n';

export function sceneText(scenario: Pick<Scenario, 'texts'>, text: string): string {
  return localText(scenario, text, currentLanguage());
}
