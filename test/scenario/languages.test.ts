/**
 * A scenario's own languages and its texts written in several: what the compiler keeps (the engine's text is the
 * first language's, every version filed for the interface), how segments and statements use the languages,
 * and the reader's choice at display (localText).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apply,
  createSim,
  languageIds,
  localText,
  meanReach,
  segmentReach,
  type Effect,
} from '../../src/engine';
import { compile, formatDiagnostic } from '../../src/scenario';

const FIXTURE = join(import.meta.dirname, 'languages', 'somali-and-english.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');

function compiled() {
  const result = compile(TEXT, 'somali-and-english.yaml');
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  return result.scenario!;
}

const effectsOf = (id: string, scenario = compiled()): Effect[] =>
  scenario.injects.find((i) => i.id === id)!.effects;

describe('a scenario that declares its languages', () => {
  it('keeps them in the order written, the first being the fallback', () => {
    const scenario = compiled();
    expect(scenario.languages).toEqual([
      { id: 'so', name: 'Somali' },
      { id: 'en', name: 'English' },
    ]);
    expect(languageIds(scenario)).toEqual(['so', 'en']);
  });

  it("indexes each segment's shares by those languages; one it leaves out is understood by everyone", () => {
    const [town, diaspora] = compiled().segments;
    expect(town!.languages).toEqual([0.9, 0.4]);
    // `so` is not given for the diaspora: a language of the scenario's own defaults to 1 (not en/sw's 0.7/0.9).
    expect(diaspora!.languages).toEqual([1, 0.8]);
  });

  it('reaches each segment through the best understood of the languages used', () => {
    const scenario = compiled();
    const social = scenario.people.channels.findIndex((c) => c.id === 'social');
    const reach = scenario.segments[0]!.reach[social]!;
    expect(segmentReach(scenario, social, ['en'], 0)).toBeCloseTo(reach * 0.4);
    expect(segmentReach(scenario, social, ['so', 'en'], 0)).toBeCloseTo(reach * 0.9);
    // An id the scenario does not speak reaches no one.
    expect(segmentReach(scenario, social, ['sw'], 0)).toBe(0);
    expect(meanReach(scenario, social, ['sw'])).toBe(0);
  });

  it('makes a scripted statement in every language unless it names some', () => {
    const scenario = compiled();
    const said = effectsOf('news', scenario).find((e) => e.type === 'statement');
    expect(said).toMatchObject({ languages: ['so', 'en'] });
    const wait = effectsOf('ask', scenario).find((e) => e.type === 'prompt');
    expect(wait?.type === 'prompt' && wait.options[1]!.effects[0]).toMatchObject({ languages: ['en'] });
  });

  it("announces a player's statement only in languages the scenario speaks", () => {
    const sim = createSim(compiled(), '1');
    const refused = apply(sim, {
      type: 'statement',
      channel: 'social',
      languages: ['sw'],
      blocks: [{ kind: 'acknowledge' }],
    });
    expect(refused).toMatchObject({ ok: false, code: 'cmd/malformed' });
    const ok = apply(sim, {
      type: 'statement',
      channel: 'social',
      languages: ['sw', 'so'],
      blocks: [{ kind: 'acknowledge' }],
    });
    expect(ok.ok).toBe(true);
    expect(sim.state.people.statements.at(-1)!.languages).toEqual(['so']);
  });
});

describe('a scenario that declares none', () => {
  it('speaks English and Kiswahili, and drops other ids from a statement as before', () => {
    // The diagnostics corpus's base scenario declares no languages.
    const base = readFileSync(join(import.meta.dirname, 'fixtures', 'base.yaml'), 'utf8');
    const result = compile(base, 'base.yaml');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const scenario = result.scenario!;
    expect(scenario.languages).toBeUndefined();
    expect(languageIds(scenario)).toEqual(['en', 'sw']);
    const sim = createSim(scenario, '1');
    const fr = { type: 'statement', channel: 'social', languages: ['fr'], blocks: [{ kind: 'acknowledge' }] };
    expect(apply(sim, fr)).toMatchObject({
      ok: false,
      code: 'cmd/malformed',
      message: 'choose at least one language (en, sw)',
    });
    expect(apply(sim, { ...fr, languages: ['fr', 'sw'] }).ok).toBe(true);
    expect(sim.state.people.statements.at(-1)!.languages).toEqual(['sw']);
  });
});

describe('texts written in several languages', () => {
  it("gives the engine the first language's text and files every version under it", () => {
    const scenario = compiled();
    const [news] = effectsOf('news', scenario);
    expect(news).toMatchObject({ type: 'feed', text: 'Lacag-dirku wuu istaagay.' });
    expect(scenario.texts!['Lacag-dirku wuu istaagay.']).toEqual({
      so: 'Lacag-dirku wuu istaagay.',
      en: 'The wallet has stopped.',
    });
  });

  it('falls back to the first version given when the first language is missing', () => {
    const [, onlyEnglish] = effectsOf('news');
    expect(onlyEnglish).toMatchObject({ type: 'feed', text: 'Only in English.' });
  });

  it('keeps prompt texts, option labels and end texts the same way (Somali first, whatever the order written)', () => {
    const scenario = compiled();
    const prompt = effectsOf('ask', scenario)[0]!;
    if (prompt.type !== 'prompt') throw new Error('expected a prompt');
    expect(prompt.text).toBe('Maxaan dhahnaa?');
    expect(prompt.options.map((o) => o.label)).toEqual(['Degganaan', 'Wait']);
    expect(prompt.options[0]!.effects[0]).toMatchObject({ type: 'end', text: 'Dhammaad.' });
    expect(scenario.texts!['Maxaan dhahnaa?']!.en).toBe('What do we say?');
    expect(scenario.texts!['Dhammaad.']!.en).toBe('The end.');
    // A plain text has no versions to choose from.
    expect(scenario.texts!.Wait).toBeUndefined();
  });

  it('reports a too-long version at that version, a wrong value at the text', () => {
    const long = TEXT.replace('en: The wallet has stopped.', `en: ${'x'.repeat(601)}`);
    const [tooLong] = compile(long, 'long.yaml').diagnostics;
    expect(tooLong).toMatchObject({ code: 'SCN016', path: 'injects[0].effects[0].text.en' });
    const list = TEXT.replace('text: { en: Only in English. }', 'text: [Only in English.]');
    const [wrong] = compile(list, 'list.yaml').diagnostics;
    expect(wrong).toMatchObject({ code: 'SCN012', path: 'injects[0].effects[1].text' });
    expect(wrong!.message).toContain('texts by language');
  });

  it('reports a statement in a language the scenario does not declare (SCN073, at the id)', () => {
    const text = TEXT.replace('languages: [en], blocks', 'languages: [en, sw], blocks');
    const diags = compile(text, 'sw.yaml').diagnostics;
    expect(diags.map((d) => d.code)).toEqual(['SCN073']);
    const line = text.split('\n')[diags[0]!.line - 1]!;
    expect(line.slice(diags[0]!.column - 1).startsWith('sw]')).toBe(true);
  });
});

describe('the reader chooses the text at display (localText)', () => {
  const scenario = {
    texts: {
      'Lacag-dirku wuu istaagay.': { so: 'Lacag-dirku wuu istaagay.', en: 'The wallet has stopped.' },
    },
  };

  it("shows the reader's language when the author wrote it", () => {
    expect(localText(scenario, 'Lacag-dirku wuu istaagay.', 'en')).toBe('The wallet has stopped.');
    expect(localText(scenario, 'Lacag-dirku wuu istaagay.', 'so')).toBe('Lacag-dirku wuu istaagay.');
  });

  it("falls back to the engine's text (the first language's) for a language the author did not write", () => {
    expect(localText(scenario, 'Lacag-dirku wuu istaagay.', 'sw')).toBe('Lacag-dirku wuu istaagay.');
  });

  it('leaves texts the script did not write (a rewording, an engine message) as they are', () => {
    expect(localText(scenario, 'A facilitator wrote this.', 'en')).toBe('A facilitator wrote this.');
    expect(localText({}, 'No texts at all.', 'sw')).toBe('No texts at all.');
    // Not fooled by keys every object has.
    expect(localText(scenario, 'toString', 'en')).toBe('toString');
    expect(localText(scenario, 'Lacag-dirku wuu istaagay.', 'constructor')).toBe('Lacag-dirku wuu istaagay.');
  });
});
