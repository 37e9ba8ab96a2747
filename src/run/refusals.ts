/**
 * Why untrusted input (a share link, a run file, a command log) was refused, as a code with its values: src/run
 * has no interface language, so it says each refusal in English (`error`, for logs, the CLI and the tests) and
 * gives the code and values with it (`refusal`), which the page words in its language
 * (src/ui/refusalText.ts; the `refusals` namespace). The English texts here are the reference:
 * test/i18n/refusals.test.ts checks the English language file says exactly the same.
 */
export const REFUSALS = {
  notALink: 'not a Cascade run link',
  linkTooLong: 'the link is too long ({{length}} characters; at most {{max}})',
  linkTooLarge: 'the link is too large: it expands to more than {{max}} characters',
  linkNotDecompressed: 'the link is damaged (it could not be decompressed)',
  linkNotData: 'the link is damaged (not valid data)',
  linkDamaged: 'the link is damaged: {{where}}{{issue}}',
  tooLarge: 'the {{what}} is too large ({{length}} characters; at most {{max}})',
  tooDeep: 'the {{what}} is nested too deeply (more than {{max}} levels of brackets)',
  notJson: 'the {{what}} is not valid JSON',
  // A saved drill (save.ts: loadSave).
  saveCutOff: 'the save is not valid JSON (it may have been cut off)',
  saveNotObject: 'the save is not an object',
  saveNoVersion: 'the save has no valid saveVersion',
  saveNewer:
    'the save is from a newer version of Cascade (save format {{version}}; this one reads up to {{max}})',
  saveChecksum: 'the save is damaged: its content does not match its checksum',
  saveNoMigration: 'no migration from save format {{version}}',
  saveDamaged: 'the save is damaged: {{where}}: {{issue}}',
  saveDamagedTop: 'the save is damaged: top level: {{issue}}',
  saveStateHash: 'the save is damaged: its state does not match its checksum',
  // A save against the scenario it would resume with (fit.ts: checkSaveFits). `part` is one of FIT_PARTS.
  fitOtherScenario: 'the save is for the scenario “{{saved}}”, not “{{title}}”',
  fitOtherVersion:
    'the save was made with another version of the scenario “{{title}}” (the save has {{saved}} {{part}}, the scenario {{expected}})',
  fitOtherIds:
    'the save was made with another version of the scenario “{{title}}” (the ids of its services, mitigations or other parts differ)',
  fitCounts:
    'the save does not fit the scenario “{{title}}”: the save has {{saved}} {{part}}, the scenario {{expected}} (it was made with another version of the scenario, or edited)',
  fitOtherSeed: 'the save is damaged: its state is for another seed than the save',
  fitState: 'the saved state does not fit the scenario “{{title}}”: {{where}}: {{issue}}',
  fitStateTop: 'the saved state does not fit the scenario “{{title}}”: the state: {{issue}}',
  fitCannotContinue: 'the saved state cannot be continued with the scenario “{{title}}” ({{error}})',
} as const;

export type RefusalCode = keyof typeof REFUSALS;

export interface Refusal {
  code: RefusalCode;
  /**
   * Numbers are given raw (the page formats them by its locale); `what` is one of REFUSAL_SUBJECTS, `part` one
   * of FIT_PARTS. Texts that come from a library (zod's `issue`, the engine's `error`) stay as they are.
   */
  params: Readonly<Record<string, string | number>>;
}

/** What `{{what}}` names in the refusals (parseLimited's `what`). */
export const REFUSAL_SUBJECTS = ['link', 'save', 'file', 'command log'] as const;

/** What `{{part}}` names in the fit refusals: the parts of a scenario a save counts. */
export const FIT_PARTS = [
  'services',
  'customer segments',
  'attacks',
  'injects',
  'stakeholders',
  'rumours',
  'workarounds',
] as const;

/** The English text of a refusal: numbers as the game always wrote them ("1,234"). */
export function refusalInEnglish(refusal: Refusal): string {
  return REFUSALS[refusal.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = refusal.params[name];
    return typeof value === 'number' ? value.toLocaleString('en-GB') : String(value ?? '');
  });
}

/** A refusal with its English text. */
export function refuse(
  code: RefusalCode,
  params: Readonly<Record<string, string | number>> = {},
): { error: string; refusal: Refusal } {
  const refusal = { code, params };
  return { error: refusalInEnglish(refusal), refusal };
}
