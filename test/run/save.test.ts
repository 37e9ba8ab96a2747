import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advance, hashState, restore, run } from '../../src/engine';
import { ENGINE_VERSION, loadSave, makeSave, SAVE_VERSION, saveToText, scenarioHash } from '../../src/run';
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

  const { save } = saveAt(300);
  const text = saveToText(save);
  const cases: [string, string, RegExp][] = [
    ['cut off', text.slice(0, text.length / 2), /not valid JSON/],
    ['not an object', '[1,2,3]', /not an object/],
    ['no version', JSON.stringify({ ...save, saveVersion: undefined }), /saveVersion/],
    ['a newer version', JSON.stringify({ ...save, saveVersion: 99 }), /newer version/],
    ['a changed state', text.replace('"tick":300', '"tick":301'), /checksum/],
    ['a wrong type', JSON.stringify({ ...save, commands: 'rm -rf' }), /damaged: commands/],
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
});
