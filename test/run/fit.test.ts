/**
 * Issue 11, items 3 and 4: a save from another version of its scenario, or forged with its checksums
 * recomputed, must be refused with a reason before it resumes (it crashed Resume with a TypeError).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advance,
  createSim,
  hashState,
  type Command,
  type LoggedCommand,
  type Scenario,
} from '../../src/engine';
import {
  checkSaveFits,
  ENGINE_VERSION,
  loadSave,
  makeSave,
  saveToText,
  scenarioFingerprint,
  scenarioHash,
  sealSave,
  type Save,
} from '../../src/run';
import { compile } from '../../src/scenario';
import { logFrom, SMALL_YAML, smallScenario } from './fixtures';

/** A snapshot as a forger edits it: plain JSON, any field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hand-edited JSON, whatever its shape
type EditedJson = Record<string, any>;
const small = smallScenario();

function saveOf(scenario: Scenario, log: LoggedCommand[], tick: number, fingerprint = true): Save {
  const sim = createSim(scenario, 'fit');
  advance(sim, log, 0, { untilTick: tick });
  return makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    scenarioFingerprint: fingerprint ? scenarioFingerprint(scenario) : '',
    seed: 'fit',
    commands: log,
    state: sim.state,
    name: 'Fit drill',
    savedAt: '2026-01-01 09:00:00',
  });
}

/** An edited snapshot with both checksums recomputed: loadSave accepts it. */
function forge(save: Save, edit: (snapshot: EditedJson) => void): Save {
  const snapshot = structuredClone(save.snapshot) as EditedJson;
  edit(snapshot);
  const forged = sealSave({ ...save, snapshot, hash: hashState(snapshot as never) });
  const loaded = loadSave(saveToText(forged));
  if (!loaded.ok) throw new Error(`the forged save does not load: ${loaded.error}`);
  return loaded.save;
}

/** Commands that do something in any scenario: every mitigation on a target it accepts, a statement, a workaround. */
function busyLog(scenario: Scenario): LoggedCommand[] {
  const cmds: Command[] = [];
  for (const m of scenario.mitigations) {
    const target = scenario.services.find(
      (s) => m.targetKinds.length === 0 || m.targetKinds.includes(s.kind),
    );
    if (!target) continue;
    const index = scenario.services.indexOf(target);
    const dep = scenario.dependencies.find((d) => d.from === index);
    cmds.push({
      type: 'mitigate',
      mitigation: m.id,
      target: target.id,
      ...(m.kind === 'geo-block' ? { region: scenario.regions[0] } : {}),
      ...(m.kind === 'isolate' && dep ? { dependsOn: scenario.services[dep.to]!.id } : {}),
    });
  }
  const channel = scenario.people.channels[0];
  if (channel)
    cmds.push({
      type: 'statement',
      channel: channel.id,
      languages: ['en'],
      blocks: [{ kind: 'acknowledge' }, { kind: 'eta', minutes: 15 }],
    });
  for (const w of scenario.people.workarounds)
    cmds.push({ type: 'workaround', workaround: w.id, action: 'announce' });
  return cmds.map((cmd, i) => ({ tick: 30 + i * 45, cmd }));
}

describe('a save fits the scenario it resumes with', () => {
  const shipped = readdirSync(new URL('../../scenarios/', import.meta.url))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => compile(readFileSync(new URL(`../../scenarios/${f}`, import.meta.url), 'utf8'), f).scenario!);

  it('every save of a real drill fits (shipped scenarios and the small city, at several moments)', () => {
    for (const scenario of [small, ...shipped]) {
      const log = busyLog(scenario);
      const sim = createSim(scenario, 'fit');
      let cursor = 0;
      for (const tick of [1, 600, Math.floor(scenario.durationTicks / 2), scenario.durationTicks]) {
        cursor = advance(sim, log, cursor, { untilTick: tick });
        for (const fingerprint of [scenarioFingerprint(scenario), '']) {
          // '': a save from before fingerprints (format 1 or 2) is measured by its state alone.
          const save = makeSave({
            engineVersion: ENGINE_VERSION,
            scenarioId: scenario.id,
            scenarioHash: scenarioHash(scenario),
            scenarioFingerprint: fingerprint,
            seed: 'fit',
            commands: log,
            state: sim.state,
            name: 'Fit drill',
            savedAt: '',
          });
          expect({ scenario: scenario.id, tick, fit: checkSaveFits(save, scenario) }).toEqual({
            scenario: scenario.id,
            tick,
            fit: { ok: true },
          });
        }
      }
      expect(sim.state.mitigations.length + sim.state.people.statements.length).toBeGreaterThan(0);
    }
  });

  // The same id, one service more: another version of the drill.
  const bigger = compile(
    SMALL_YAML.replace(
      'dependencies:',
      '  - { id: rail, name: Rail, kind: rail-ticketing, capacity: 100, map: { x: 800, y: 300 } }\ndependencies:',
    ),
    'small.yaml',
  ).scenario!;
  // The same shape, one mitigation renamed.
  const log = logFrom([
    [60, 0],
    [200, 9],
    [400, 11],
  ]);

  it('refuses a save from another version of the same scenario, naming what differs', () => {
    expect(bigger.id).toBe(small.id);
    const save = saveOf(small, log, 600);
    expect(checkSaveFits(save, bigger)).toMatchObject({
      ok: false,
      error:
        'the save was made with another version of the scenario “Small city” (the save has 5 services, the scenario 6)',
    });
    expect(checkSaveFits(saveOf(bigger, log, 600), small)).toMatchObject({
      ok: false,
      error:
        'the save was made with another version of the scenario “Small city” (the save has 6 services, the scenario 5)',
    });
    // Without a fingerprint (a save from before format 3), the state is measured.
    expect(checkSaveFits(saveOf(small, log, 600, false), bigger)).toMatchObject({
      ok: false,
      error:
        'the save does not fit the scenario “Small city”: the save has 5 services, the scenario 6 (it was made with another version of the scenario, or edited)',
    });
    // Same counts, an id changed.
    const renamed = compile(
      SMALL_YAML.replace('id: use-ussd', 'id: dial-ussd').replace(/use-ussd/g, 'dial-ussd'),
      'small.yaml',
    ).scenario!;
    expect(checkSaveFits(save, renamed)).toMatchObject({
      ok: false,
      error:
        'the save was made with another version of the scenario “Small city” (the ids of its services, mitigations or other parts differ)',
    });
  });

  it('refuses forged saves (state edited, checksums recomputed), naming what is wrong', () => {
    const save = saveOf(small, log, 600);
    expect((save.snapshot.mitigations as unknown[]).length).toBeGreaterThan(0);
    const cases: [string, (s: EditedJson) => void, string][] = [
      [
        'a service removed',
        (s) => s.services.pop(),
        'the save does not fit the scenario “Small city”: the save has 4 services, the scenario 5 (it was made with another version of the scenario, or edited)',
      ],
      ['rng: null', (s) => (s.rng = null), 'rng: Invalid input: expected object, received null'],
      ['an rng stream broken', (s) => (s.rng.demand.s0 = 7), 'rng.demand.s0'],
      [
        'a mitigation that does not exist',
        (s) => (s.mitigations[0].mitigation = 99),
        'mitigations.0.mitigation',
      ],
      [
        'a mitigation on a missing service',
        (s) => (s.mitigations[0].target = 17),
        'its target is not in the scenario',
      ],
      ['a number that is not one', (s) => (s.services[2].queue = null), 'services.2.queue'],
      [
        'a decision that does not exist',
        (s) => s.prompts.push({ inject: 0, effect: 0, issuedTick: 1, deadlineTick: 9, pause: true }),
        'prompts.0.inject',
      ],
      ['a segment without its needs', (s) => (s.segments[1].stranded = []), 'segments.1.stranded'],
      ['a tick after the end', (s) => (s.tick = 10_000_000), 'tick'],
      ['another scenario', (s) => (s.scenarioId = 'other'), 'scenarioId'],
    ];
    for (const [what, edit, message] of cases) {
      const result = checkSaveFits(forge(save, edit), small);
      expect({ what, ok: result.ok }).toEqual({ what, ok: false });
      if (!result.ok)
        expect({ what, error: result.error }).toEqual({ what, error: expect.stringContaining(message) });
    }
    const other = checkSaveFits(
      forge(save, (s) => (s.seed = 'other')),
      small,
    );
    expect(other).toMatchObject({
      ok: false,
      error: 'the save is damaged: its state is for another seed than the save',
    });
  });
});
