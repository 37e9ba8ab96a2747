/**
 * Issue 11, "loses work or breaks the page": what comes from outside the page (saves in localStorage, share
 * links, run files) is refused with a reason, never throws into the page, and never costs the player a save.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { hashState, run, type LoggedCommand } from '../../src/engine';
import {
  ENGINE_VERSION,
  makeSave,
  MAX_SAVE_CHARS,
  saveToText,
  scenarioFingerprint,
  scenarioHash,
  sealSave,
  type Save,
} from '../../src/run';
import { createSession, type SessionStore } from '../../src/store';
import { installAutosave } from '../../src/ui/saves/autosave';
import { resumeSave } from '../../src/ui/saves/resume';
import { readRunFile } from '../../src/ui/saves/runFile';
import { listSaves, MAX_AUTOSAVES, saveKey, writeSave } from '../../src/ui/saves/storage';
import { openSharedLink } from '../../src/ui/report/shareLink';
import { logFrom, SMALL_YAML, smallScenario } from '../run/fixtures';
import { MemoryStorage } from './memoryStorage';
import { compileFile } from '../../src/scenario';

/** A snapshot as a forger edits it: plain JSON, any field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hand-edited JSON, whatever its shape
type EditedJson = Record<string, any>;
const SMALL = smallScenario();
const LOG = logFrom([
  [60, 0],
  [200, 9],
  [400, 11],
]);

function session(): SessionStore {
  const s = createSession({ seed: '1', rateScale: 60 });
  s.getState().loadShipped([compileFile('small.yaml', SMALL_YAML)], 'small-city');
  return s;
}

function saveAt(
  tick: number,
  savedAt = '2026-01-01 09:00:00',
  name = 'Morning drill',
  commands: LoggedCommand[] = LOG,
): Save {
  const sim = run(SMALL, 'ui', commands, { untilTick: tick });
  return makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: SMALL.id,
    scenarioHash: scenarioHash(SMALL),
    scenarioFingerprint: scenarioFingerprint(SMALL),
    seed: 'ui',
    commands,
    state: sim.state,
    name,
    savedAt,
  });
}

/** Snapshot edited, both checksums recomputed. */
function forge(save: Save, edit: (snapshot: EditedJson) => void): Save {
  const snapshot = structuredClone(save.snapshot) as EditedJson;
  edit(snapshot);
  return sealSave({ ...save, snapshot, hash: hashState(snapshot as never) });
}

describe('Resume: a save that does not fit its scenario is refused before it resumes (items 3 and 4)', () => {
  const good = saveAt(600);
  const bigger = SMALL_YAML.replace(
    'dependencies:',
    '  - { id: rail, name: Rail, kind: rail-ticketing, capacity: 100, map: { x: 800, y: 300 } }\ndependencies:',
  );

  it('a good save resumes', () => {
    const s = session();
    const game = resumeSave(s, good, 'd1', {});
    expect(game?.getState().sim.state.tick).toBe(600);
    expect(s.getState().notice).toBeNull();
  });

  it('a save from another version of the scenario (one service more) is refused with a notice, and kept', () => {
    const s = createSession({ seed: '1', rateScale: 60 });
    s.getState().loadShipped([compileFile('small.yaml', bigger)], 'small-city');
    expect(resumeSave(s, good, 'd1', {})).toBeNull();
    expect(s.getState().game).toBeNull();
    expect(s.getState().notice).toEqual({
      kind: 'error',
      text: 'Cannot resume “Morning drill”: the save was made with another version of the scenario “Small city” (the save has 5 services, the scenario 6). The save is kept; you may delete it.',
    });
  });

  it('forged saves (rng: null, a service removed, a mitigation that does not exist) are refused, never thrown', () => {
    const forged: [string, Save][] = [
      ['rng', forge(good, (x) => (x.rng = null))],
      ['services', forge(good, (x) => x.services.pop())],
      ['mitigations.0.mitigation', forge(good, (x) => (x.mitigations[0].mitigation = 99))],
    ];
    for (const [what, save] of forged) {
      const s = session();
      expect(() => resumeSave(s, save, 'd1', {})).not.toThrow();
      expect(s.getState().game).toBeNull();
      expect(s.getState().notice?.kind).toBe('error');
      expect(s.getState().notice?.text).toMatch(
        /^Cannot resume “Morning drill”: the (save|saved state) does not fit/,
      );
      expect(s.getState().notice?.text).toContain(
        what === 'rng' ? 'rng:' : what === 'services' ? '4 services' : what,
      );
    }
  });
});

describe('share links and run files never break the page (items 1 and 2)', () => {
  const deep = `{"v":1,"s":"small-city","seed":"1","c":[[0,{"type":"noop","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}]]}`;

  it('a 470-character link nested 10,000 deep is refused on the notice line (it threw RangeError)', () => {
    const fragment = `#run=${LZString.compressToEncodedURIComponent(deep)}`;
    expect(fragment.length).toBeLessThan(500);
    const s = session();
    expect(() => openSharedLink(s, fragment)).not.toThrow();
    expect(s.getState().game).toBeNull();
    expect(s.getState().notice).toEqual({
      kind: 'error',
      text: 'This share link cannot be opened: the link is nested too deeply (more than 12 levels of brackets).',
    });
  });

  it('the same content as a run file is refused with a reason', () => {
    const file = `{"kind":"cascade-run","engineVersion":"1.0.0","scenarioId":"small-city","scenarioHash":"x","seed":"1","commands":[{"tick":0,"cmd":{"type":"noop","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}],"checkpoints":[],"finalTick":0,"finalHash":"","finalScore":0}`;
    expect(readRunFile(file)).toEqual({
      ok: false,
      error: 'the file is nested too deeply (more than 32 levels of brackets)',
    });
    const big = `{"kind":"cascade-run","pad":"${'x'.repeat(8_000_001)}"}`;
    expect(readRunFile(big)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the file is too large to be a Cascade run/),
    });
  });

  it('a run opened from a link is never autosaved: it takes no room from the player’s saves', () => {
    const storage = new MemoryStorage();
    writeSave(storage, 'mine', saveAt(120), {});
    const s = session();
    const saver = installAutosave(s, { storage, now: () => new Date(2026, 0, 1), realMs: () => 0 });
    const commands = Array.from({ length: 400 }, (_, i) => [i, { type: 'noop' }]);
    const opened = openSharedLink(
      s,
      `run=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, s: 'small-city', seed: '9', c: commands }))}`,
    );
    expect(opened?.getState().stopped || opened?.getState().ended).toBe(true);
    saver.saveNow(); // switching tabs
    expect(listSaves(storage).map((e) => e.drillId)).toEqual(['mine']);
    expect(saver.status()).toBeNull();
    saver.dispose();
  });
});

describe('autosave never loses a save (items 2 and 6)', () => {
  it('a new drill beyond the limit drops the oldest GOOD save, and says so; a damaged one is never dropped', () => {
    const storage = new MemoryStorage();
    // The oldest entry is damaged (a changed command: its checksum no longer matches).
    const damaged = saveToText(saveAt(60, '2026-01-01 08:00:00', 'damaged')).replace(
      '"tick":200',
      '"tick":20',
    );
    storage.setItem(saveKey('broken'), damaged);
    for (let i = 0; i < MAX_AUTOSAVES - 1; i++)
      writeSave(storage, `d${i}`, saveAt(60, `2026-01-01 10:${String(i).padStart(2, '0')}:00`, `n${i}`), {});
    // 11 good + 1 damaged = 12 entries; a 13th drill:
    const result = writeSave(storage, 'new', saveAt(60, '2026-01-01 12:00:00', 'new'), {});
    expect(result).toEqual({ ok: true, dropped: [] });
    const result2 = writeSave(storage, 'newer', saveAt(60, '2026-01-01 12:30:00', 'newer'), {});
    expect(result2).toEqual({ ok: true, dropped: ['n0'] });
    const list = listSaves(storage);
    expect(list.filter((e) => e.ok)).toHaveLength(MAX_AUTOSAVES);
    expect(list.find((e) => e.drillId === 'broken')).toMatchObject({
      ok: false,
      error: 'the save is damaged: its content does not match its checksum',
    });
    expect(storage.getItem(saveKey('broken'))).toBe(damaged);
  });

  it('when even dropping every older save does not make room, nothing is dropped', () => {
    const one = storedEntry(saveAt(60, '2026-01-01 09:00:00', 'first'));
    const storage = new MemoryStorage(one.length * 3.5);
    for (const [id, at] of [
      ['a', '09:00'],
      ['b', '10:00'],
      ['c', '11:00'],
    ] as const)
      expect(writeSave(storage, id, saveAt(60, `2026-01-01 ${at}:00`, id), {}).ok).toBe(true);
    const before = new Map(storage.map);
    // A drill whose log makes its save longer than the whole storage.
    const long = logFrom(Array.from({ length: 2000 }, (_, i) => [i, i] as [number, number]));
    const result = writeSave(storage, 'big', saveAt(60, '2026-01-01 12:00:00', 'big', long), {});
    expect(result).toEqual({
      ok: false,
      dropped: [],
      error: 'the browser storage is full even without the older saves, so none was removed',
    });
    expect(storage.map).toEqual(before);
  });

  it('a save larger than the limit is refused before anything is touched', () => {
    const storage = new MemoryStorage();
    writeSave(storage, 'a', saveAt(60), {});
    const before = new Map(storage.map);
    const huge = {
      ...saveAt(60),
      name: 'huge',
      commands: [{ tick: 1, cmd: { type: 'noop', pad: 'x'.repeat(MAX_SAVE_CHARS) } }],
    } as Save;
    const result = writeSave(storage, 'huge', huge, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^this drill is too large to keep in the browser \(.* characters; at most 2,000,000\), and no save was removed$/,
    );
    expect(storage.map).toEqual(before);
  });

  it('roles are part of the save and covered by its checksum', () => {
    const storage = new MemoryStorage();
    writeSave(storage, 'r', saveAt(600), { 0: 'Commander', 2: 'Network lead' });
    const [entry] = listSaves(storage);
    expect(entry?.ok && entry.roles).toEqual({ 0: 'Commander', 2: 'Network lead' });
    storage.setItem(saveKey('r'), storage.getItem(saveKey('r'))!.replace('Commander', 'Commandor'));
    expect(listSaves(storage)[0]).toMatchObject({
      ok: false,
      error: 'the save is damaged: its content does not match its checksum',
    });
  });
});

/** A save as the storage holds it: its key and its text. */
function storedEntry(save: Save): string {
  return `${saveKey('x')}${saveToText(save)}`;
}
