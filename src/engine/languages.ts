/**
 * The languages a scenario's statements can be made in. A scenario may declare its own (`languages:` in the
 * file); one that does not speaks English and Kiswahili, as every scenario did before the field existed, so it
 * compiles, plays and hashes exactly as before. A segment's `languages` shares and a statement's `languages`
 * are indexed by this list.
 */
import type { Scenario } from './types';

export interface LanguageDef {
  /** Short id, e.g. "en", "sw", "so" (what command logs and statements carry). */
  id: string;
  /** The language's name as players read it, e.g. "Somali". */
  name: string;
}

/** The languages of a scenario that declares none. */
export const DEFAULT_LANGUAGES: readonly LanguageDef[] = [
  { id: 'en', name: 'English' },
  { id: 'sw', name: 'Kiswahili' },
];

export function scenarioLanguages(scenario: Pick<Scenario, 'languages'>): readonly LanguageDef[] {
  return scenario.languages ?? DEFAULT_LANGUAGES;
}

export function languageIds(scenario: Pick<Scenario, 'languages'>): string[] {
  return scenarioLanguages(scenario).map((l) => l.id);
}

/** A language's name in this scenario (its id when the scenario does not know it). */
export function languageName(scenario: Pick<Scenario, 'languages'>, id: string): string {
  return scenarioLanguages(scenario).find((l) => l.id === id)?.name ?? id;
}
