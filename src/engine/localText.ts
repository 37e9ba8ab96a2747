/**
 * Scenario texts in the reader's language. An author may give a text as a map by language
 * (`text: { en: "...", sw: "..." }`). The compiler keeps the scenario's first language's version (or the first
 * given) as the text the engine uses — feed items, outcomes and hashes never depend on who is watching — and
 * files every version under that text in `Scenario.texts`. The interface picks a version only when it shows a
 * text (`localText`): the same run reads in English on one screen and in Kiswahili on another.
 */
import type { Scenario } from './types';

/**
 * `text` as the reader of `language` should see it: the author's version in that language if they wrote one,
 * else the text as the engine has it (the scenario's first language). A text the script did not write (a
 * facilitator's rewording, an engine message) has no versions and comes back unchanged.
 */
export function localText(scenario: Pick<Scenario, 'texts'>, text: string, language: string): string {
  const versions = scenario.texts?.[text];
  if (!versions || !Object.hasOwn(versions, language)) return text;
  return versions[language] ?? text;
}
