/**
 * Issue 12, the save defects around the debrief: a drill ended with End drill is saved as over (the menu offers
 * its Debrief and Replay, never Resume) and remembers who ended it; a live drill resumes at the speed it was
 * saved at; an old drill's "Autosaved at …" never shows in a new drill.
 */
import { describe, expect, it } from 'vitest';
import { loadSave, saveToText, sealSave } from '../../src/run';
import { createSession, type GameStore, type SessionStore } from '../../src/store';
import { installAutosave } from '../../src/ui/saves/autosave';
import { resumeSave } from '../../src/ui/saves/resume';
import { listSaves, type SavedEntry } from '../../src/ui/saves/storage';
import { SMALL_YAML } from '../run/fixtures';
import { MemoryStorage } from './memoryStorage';
import { compileFile } from '../../src/scenario';
import { reportOf } from '../../src/store/report';

function session(): SessionStore {
  const s = createSession({ seed: '1', rateScale: 60 });
  s.getState().loadShipped([compileFile('small.yaml', SMALL_YAML)], 'small-city');
  return s;
}

/** Runs the live drill's clock to `tick` (each frame is 1 s of real time: 60 ticks at ×60, more when faster). */
function playTo(game: GameStore, tick: number): void {
  game.getState().setPaused(false);
  while (game.getState().sim.state.tick < tick) game.getState().frame(1000 / (game.getState().speed * 60));
  game.getState().setPaused(true);
}

function good(entry: SavedEntry | undefined): Extract<SavedEntry, { ok: true }> {
  if (!entry?.ok) throw new Error(`expected a good save, got ${JSON.stringify(entry)}`);
  return entry;
}

describe('saves of drills that are over, and of drills under way', () => {
  it('a drill ended with End drill is saved as stopped, by whom, and opens as its debrief with the same ending', () => {
    const storage = new MemoryStorage();
    const s = session();
    const saver = installAutosave(s, { storage, now: () => new Date(2026, 0, 1), realMs: () => 0 });
    const game = s.getState().start()!;
    playTo(game, 300);
    game.getState().stop(); // the HUD's End drill: the trainee
    const entry = good(listSaves(storage)[0]);
    expect(entry.stopped).toBe(true);
    expect(entry.ended).toBe(false);
    expect(entry.save.stoppedBy).toBe('trainee');

    const reopened = resumeSave(s, entry.save, entry.drillId, entry.roles)!;
    expect(reopened.getState().stopped).toBe(true);
    expect(reopened.getState().stoppedBy).toBe('trainee');
    expect(reportOf(reopened.getState()).ending.text).toBe(
      'The trainee pressed End drill at T+00:05 (of 00:30).',
    );
    // Over means over: it takes no command, and it can be replayed.
    expect(reopened.getState().issue({ type: 'noop' }).ok).toBe(false);
    expect(s.getState().openReplay()).not.toBeNull();
    saver.dispose();
  });

  it('a live drill is listed as resumable and resumes at the speed it was saved at', () => {
    const storage = new MemoryStorage();
    const s = session();
    const saver = installAutosave(s, { storage, now: () => new Date(2026, 0, 1), realMs: () => 0 });
    const game = s.getState().start()!;
    game.getState().setSpeed(4);
    playTo(game, 240);
    saver.saveNow();
    const entry = good(listSaves(storage)[0]);
    expect(entry.stopped).toBe(false);
    expect(entry.save.speed).toBe(4);
    const resumed = resumeSave(s, entry.save, entry.drillId, entry.roles)!;
    expect(resumed.getState().speed).toBe(4);
    expect(resumed.getState().stopped).toBe(false);
    saver.dispose();
  });

  it('a save made before these fields existed still loads, checks and resumes (at 1×, as then)', () => {
    const storage = new MemoryStorage();
    const s = session();
    const saver = installAutosave(s, { storage, now: () => new Date(2026, 0, 1), realMs: () => 0 });
    const game = s.getState().start()!;
    playTo(game, 120);
    saver.saveNow();
    const { speed: _speed, stopped: _stopped, stoppedBy: _by, ...old } = good(listSaves(storage)[0]).save;
    const loaded = loadSave(saveToText(sealSave(old)));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.save.speed).toBeUndefined();
    expect(resumeSave(s, loaded.save, 'old', {})!.getState().speed).toBe(1);
    saver.dispose();
  });

  it('an old drill’s autosave notice does not show at T+00:00 of a new drill', () => {
    const storage = new MemoryStorage();
    let now = 0; // two real seconds between saves: none is throttled
    const s = session();
    const saver = installAutosave(s, {
      storage,
      now: () => new Date(2026, 0, 1),
      realMs: () => (now += 2000),
    });
    const first = s.getState().start()!;
    playTo(first, 120);
    expect(saver.status()?.text).toBe('Autosaved at T+00:02.');
    const seen: (string | null)[] = [];
    const off = saver.subscribe((st) => seen.push(st?.text ?? null));
    s.getState().leave();
    const second = s.getState().start()!;
    expect(second.getState().sim.state.tick).toBe(0);
    expect(saver.status()).toBeNull();
    expect(seen.at(-1)).toBeNull(); // the strip that shows it was told
    playTo(second, 60);
    expect(saver.status()?.text).toBe('Autosaved at T+00:01.');
    off();
    saver.dispose();
  });
});
