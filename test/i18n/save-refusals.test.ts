/**
 * Refusals of a saved drill (loadSave, checkSaveFits, the browser storage) carry a code from src/run and are
 * worded by the page in its language: in English exactly src/run's text, in Kiswahili no English left but the
 * names (scenario title, zod's issue). Expected texts are written from the language files by hand.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createSim, hashState, type Scenario } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import {
  checkSaveFits,
  ENGINE_VERSION,
  loadSave,
  makeSave,
  scenarioHash,
  sealSave,
  type Save,
} from '../../src/run';
import { refusalText } from '../../src/ui/refusalText';
import { readSave, writeSave } from '../../src/ui/saves/storage';
import { smallScenario } from '../run/fixtures';
import { MemoryStorage } from '../ui/memoryStorage';

afterAll(async () => {
  await loadLanguage('en');
});

const small = smallScenario();

/** A save with no fingerprint (as migrated from format 2), so a forged count reaches the count check. */
function saveOf(scenario: Scenario): Save {
  const sim = createSim(scenario, 'fit');
  return makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    seed: 'fit',
    commands: [],
    state: sim.state,
    name: 'Fit drill',
    savedAt: '2026-01-01 09:00:00',
  });
}

/** The save with one service fewer in its state, both checksums recomputed. */
function oneServiceFewer(save: Save): Save {
  const snapshot = structuredClone(save.snapshot) as { services: unknown[] };
  snapshot.services.pop();
  return sealSave({ ...save, snapshot, hash: hashState(snapshot as never) });
}

const failures = {
  cutOff: () => loadSave('{"saveVersion": 3'),
  notObject: () => loadSave('[1]'),
  noVersion: () => loadSave('{"saveVersion": "three"}'),
  newer: () => loadSave('{"saveVersion": 9}'),
  otherScenario: () => checkSaveFits(saveOf(small), { ...small, id: 'another-drill' }),
  counts: () => checkSaveFits(oneServiceFewer(saveOf(small)), small),
};

function failed(result: { ok: boolean }): { error: string; refusal: never } {
  if (result.ok) throw new Error('accepted');
  return result as never;
}

describe('save refusals by code', () => {
  it('in English the page shows src/run’s own text', async () => {
    await loadLanguage('en');
    for (const make of Object.values(failures)) {
      const result = failed(make());
      expect(result.refusal).toBeDefined();
      expect(refusalText(result)).toBe(result.error);
    }
    expect(failed(failures.newer()).error).toBe(
      'the save is from a newer version of Cascade (save format 9; this one reads up to 3)',
    );
    const n = small.services.length;
    expect(failed(failures.counts()).error).toBe(
      `the save does not fit the scenario “${small.meta.title}”: the save has ${n - 1} services, the scenario ${n} (it was made with another version of the scenario, or edited)`,
    );
    expect(readSave('cascade.save.x', null)).toMatchObject({ ok: false, error: 'the save is empty' });
  });

  it('in Kiswahili every save refusal is in Kiswahili', async () => {
    await loadLanguage('sw');
    for (const make of Object.values(failures)) {
      const result = failed(make());
      expect(refusalText(result)).not.toBe(result.error);
    }
    expect(refusalText(failed(failures.cutOff()))).toBe(
      'zoezi lililohifadhiwa si JSON halali (huenda limekatika)',
    );
    expect(refusalText(failed(failures.newer()))).toBe(
      'zoezi lililohifadhiwa ni la toleo jipya zaidi la Cascade (muundo 9; hili linasoma hadi 3)',
    );
    expect(refusalText(failed(failures.otherScenario()))).toBe(
      `zoezi hili ni la “${small.id}”, si la “${small.meta.title}”`,
    );
    const n = small.services.length;
    expect(refusalText(failed(failures.counts()))).toBe(
      `zoezi haliendani na “${small.meta.title}”: zoezi lina huduma ${n - 1}, toleo hili lina ${n} (lilihifadhiwa kwa toleo jingine, au limehaririwa)`,
    );
    // The browser storage words its own refusals, and a damaged entry's reason, in the page's language.
    expect(readSave('cascade.save.x', null)).toMatchObject({
      ok: false,
      error: 'zoezi lililohifadhiwa ni tupu',
    });
    expect(readSave('cascade.save.x', '[1]')).toMatchObject({
      ok: false,
      error: 'zoezi lililohifadhiwa si kitu (object) cha JSON',
    });
    const full = writeSave(new MemoryStorage(10), 'drill', saveOf(small), {});
    expect(full).toEqual({
      ok: false,
      dropped: [],
      error: 'hifadhi ya kivinjari imejaa, na hakuna zoezi la zamani la kufuta ili kupata nafasi',
    });
    expect(missingKeys()).toEqual([]);
  });
});
