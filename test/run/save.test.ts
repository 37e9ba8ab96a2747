import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advance, hashState, restore, run } from '../../src/engine';
import {
  ENGINE_VERSION,
  loadSave,
  makeSave,
  MAX_SAVE_CHARS,
  SAVE_VERSION,
  saveChecksum,
  sealSave,
  saveToText,
  scenarioFingerprint,
  scenarioHash,
  type Save,
} from '../../src/run';
import { logFrom, smallScenario } from './fixtures';

const scenario = smallScenario();
const log = logFrom([
  [60, 0],
  [200, 9],
  [400, 11],
  [900, 1],
]);

function saveAt(tick: number) {
  const sim = run(scenario, 'save-seed', log, { untilTick: tick });
  return {
    sim,
    save: makeSave({
      engineVersion: ENGINE_VERSION,
      scenarioId: scenario.id,
      scenarioHash: scenarioHash(scenario),
      seed: 'save-seed',
      commands: log,
      state: sim.state,
      name: 'Morning drill',
      savedAt: '2026-11-23 09:00',
    }),
  };
}

describe('saves', () => {
  it('save → reload → continue gives the same hash as never saving', () => {
    const straight = run(scenario, 'save-seed', log, { untilTick: 1500 });
    const { save } = saveAt(700);
    const loaded = loadSave(saveToText(save));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const sim = restore(scenario, loaded.save.snapshot as never);
    const cursor = loaded.save.commands.findIndex((c) => c.tick >= sim.state.tick);
    advance(sim, loaded.save.commands as never, cursor, { untilTick: 1500 });
    expect(hashState(sim.state)).toBe(hashState(straight.state));
  });

  it('loads the fixture of every past save version, migrated', () => {
    const v1 = readFileSync(new URL('./fixtures/save-v1.json', import.meta.url), 'utf8');
    const loaded = loadSave(v1);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.save.saveVersion).toBe(SAVE_VERSION);
    expect(loaded.save.name).toContain('small-city');
  });

  it('loads a save of format 2 (roles kept outside the format then), with its roles, sealed with a checksum', () => {
    const v2 = readFileSync(new URL('./fixtures/save-v2.json', import.meta.url), 'utf8');
    const loaded = loadSave(v2);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.migratedFrom).toBe(2);
    expect(loaded.save.roles).toEqual({ 0: 'Network lead', 2: 'Commander' });
    expect(loaded.save.scenarioFingerprint).toBe('');
    expect(loaded.save.checksum).toBe(saveChecksum(loaded.save));
    // A v2 save is checked as well as its format allows: its state against its hash.
    expect(loadSave(v2.replace('"tick":480', '"tick":481'))).toMatchObject({
      ok: false,
      error: 'the save is damaged: its state does not match its checksum',
    });
  });

  const { save } = saveAt(300);
  const text = saveToText(save);
  const cases: [string, string, RegExp][] = [
    ['cut off', text.slice(0, text.length / 2), /not valid JSON/],
    ['not an object', '[1,2,3]', /not an object/],
    ['no version', JSON.stringify({ ...save, saveVersion: undefined }), /saveVersion/],
    ['a newer version', JSON.stringify({ ...save, saveVersion: 99 }), /newer version/],
    ['a changed state', text.replace('"tick":300', '"tick":301'), /checksum/],
    [
      'a changed command log',
      JSON.stringify({ ...save, commands: [] }),
      /content does not match its checksum/,
    ],
    // Checksums recomputed: the content itself is checked.
    ['a wrong type', JSON.stringify(sealSave({ ...save, commands: 'rm -rf' as never })), /damaged: commands/],
    [
      'a hostile prototype key',
      text.replace('{"saveVersion"', '{"__proto__":{"polluted":true},"saveVersion"'),
      /./,
    ],
  ];
  for (const [what, input, message] of cases) {
    it(`rejects a save with ${what}, with a reason, without throwing`, () => {
      const result = loadSave(input);
      if (what === 'a hostile prototype key') {
        // JSON.parse makes "__proto__" an own key; it must not reach Object.prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        return;
      }
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it('refuses a save over the size limit, or nested too deeply, before parsing it', () => {
    expect(loadSave(`{"saveVersion":3,"pad":"${'x'.repeat(MAX_SAVE_CHARS)}"}`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the save is too large \(2,000,0\d\d characters; at most 2,000,000\)$/),
    });
    const deep = text.replace(
      '"snapshot":{',
      `"deep":${'['.repeat(10_000)}${']'.repeat(10_000)},"snapshot":{`,
    );
    expect(loadSave(deep)).toMatchObject({
      ok: false,
      error: 'the save is nested too deeply (more than 32 levels of brackets)',
    });
  });
});

describe('the save checksum covers everything in the save (issue 11: 7 of 500 tampered saves were accepted)', () => {
  // A long command log, so that most random changes land in it (where the old checksum did not look).
  const many = logFrom(Array.from({ length: 60 }, (_, i) => [10 + i * 7, i] as [number, number]));
  const sim = run(scenario, 'tamper', many, { untilTick: 480 });
  const original: Save = makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    scenarioFingerprint: scenarioFingerprint(scenario),
    seed: 'tamper',
    commands: many,
    state: sim.state,
    name: 'Tamper drill',
    savedAt: '2026-01-01 09:00:00',
    roles: { 0: 'Commander', 3: 'Network lead' },
  });
  const text = saveToText(original);

  it('refuses a changed command, name or role', () => {
    expect(loadSave(text).ok).toBe(true);
    for (const [from, to] of [
      ['"tick":17,', '"tick":1,'],
      ['"mitigation":"waf-rule"', '"mitigation":"mi4igation"'],
      ['Tamper drill', 'Tamper dril!'],
      ['"Network lead"', '"Network load"'],
    ] as const) {
      expect(text).toContain(from);
      expect(loadSave(text.replace(from, to))).toMatchObject({
        ok: false,
        error: 'the save is damaged: its content does not match its checksum',
      });
    }
  });

  it('500 saves with 1–4 random characters changed: every one accepted has exactly the original content', () => {
    let seed = 20_261_123;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    const characters = '0123456789abcdefghijklmnopqrstuvwxyz":,{}[]-. ';
    let accepted = 0;
    for (let i = 0; i < 500; i++) {
      const chars = [...text];
      const changes = 1 + random(4);
      for (let c = 0; c < changes; c++) chars[random(chars.length)] = characters[random(characters.length)]!;
      const tampered = chars.join('');
      if (tampered === text) continue;
      const result = loadSave(tampered);
      if (!result.ok) continue;
      accepted++;
      expect(result.save).toEqual(original);
    }
    expect(accepted).toBeLessThanOrEqual(5);
  });
});
