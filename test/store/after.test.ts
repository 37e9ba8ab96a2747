/**
 * After the drill, without a browser: what the store records while a drill runs, drills rebuilt from a history
 * (resume, fork, opened runs), replays with time travel, the session's after-drill actions, saved drills in
 * storage (damaged entries, a full storage), autosave, run files, share links, the what-if worker's message
 * handler, the scene router's rules, and the report's words and chart data.
 *
 * Expected values come from the engine run headless (`run`, `advance`) and from src/run's own primitives
 * (CheckpointRecorder, sample, whatIf, verifyRecord) — never from the code under test — or by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashState, run, type Command, type LoggedCommand, type Scenario } from '../../src/engine';
import {
  CheckpointRecorder,
  ENGINE_VERSION,
  emptySeries,
  makeSave,
  sample,
  scenarioHash,
  verifyRecord,
  whatIf,
  type Outcome,
  type Save,
  type Variant,
} from '../../src/run';
import { compile } from '../../src/scenario';
import {
  createGameStore,
  createSession,
  REPLAY_REFUSAL,
  replayableRecord,
  type GameStore,
  type SessionStore,
} from '../../src/store';
import { chartSpecs } from '../../src/ui/report/chartSpecs';
import { runFromFragment, shareFragment, STOP_MARKER } from '../../src/ui/report/shareLink';
import { reportTimeline } from '../../src/ui/report/timeline';
import { variantWords } from '../../src/ui/report/whatIfWords';
import { installSceneRouter } from '../../src/ui/replay/sceneRouter';
import { installAutosave } from '../../src/ui/saves/autosave';
import { makeExport, readRunFile } from '../../src/ui/saves/runFile';
import { listSaves, MAX_AUTOSAVES, saveKey, writeSave } from '../../src/ui/saves/storage';
import { handleWhatIf, type WhatIfReply } from '../../src/workers/whatifHandler';
import { SMALL_YAML, smallScenario } from '../run/fixtures';
import { FIXTURE_YAML, fixtureScenario } from './fixture';
import { MemoryStorage } from '../ui/memoryStorage';
import { compileFile } from '../../src/scenario';
import { reportOf } from '../../src/store/report';

const SMALL = smallScenario(); // 30 minutes, a flood on the portal behind a shared edge
const DRILL = fixtureScenario(); // 10 minutes, a prompt that stops the clock at 03:00
const TUTORIAL_TEXT = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');
const TUTORIAL = compile(TUTORIAL_TEXT, 'tutorial.yaml').scenario!;

const WAF: Command = { type: 'mitigate', mitigation: 'waf-rule', target: 'edge' };
const RATE: Command = { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' };
const USSD: Command = { type: 'workaround', workaround: 'use-ussd', action: 'announce' };

/** Every store here runs at this test speed-up: 1× is 600 ticks per real second, 8× is 4,800. */
const SPEEDUP = 100;

/** Answers an open prompt that stops the clock with its first option. */
function answerPrompt(game: GameStore): void {
  const s = game.getState();
  const prompt = s.sim.state.prompts.find((p) => p.pause)!;
  const inject = s.scenario.injects[prompt.inject]!;
  const effect = inject.effects[prompt.effect]!;
  if (effect.type !== 'prompt') throw new Error('not a prompt');
  game.getState().issue({ type: 'answer', inject: inject.id, option: effect.options[0]!.id });
}

/** Runs a live store to the end at 8×, answering each prompt that stops the clock. */
function playToEnd(game: GameStore): void {
  game.getState().setSpeed(8);
  game.getState().setPaused(false);
  for (let i = 0; i < 10_000 && !game.getState().ended && !game.getState().stopped; i++) {
    game.getState().frame(250);
    if (game.getState().waitingForAnswer) answerPrompt(game);
    // The tutorial's steps hold the clock until done (tutorial-steps.test.ts): these runs move on past them.
    if (game.getState().step) game.getState().skipStep!();
  }
}

/** Steps a live store one tick per frame (1× with the test speed-up) until `tick`, then pauses it. */
function playUntil(game: GameStore, tick: number): void {
  game.getState().setSpeed(1);
  game.getState().setPaused(false);
  while (game.getState().sim.state.tick < tick) {
    game.getState().frame(1000 / (6 * SPEEDUP));
    if (game.getState().waitingForAnswer) answerPrompt(game);
    if (game.getState().step) game.getState().skipStep!();
  }
  game.getState().setPaused(true);
}

function fast(scenario: Scenario, seed = 's'): GameStore {
  return createGameStore({ scenario, seed, rateScale: SPEEDUP });
}

function sessionWith(...files: { fileName: string; text: string }[]): SessionStore {
  const session = createSession({ seed: '1', rateScale: SPEEDUP });
  session.getState().loadShipped(
    files.map((f) => compileFile(f.fileName, f.text)),
    'small-city',
  );
  return session;
}
const SHIPPED = [
  { fileName: 'small.yaml', text: SMALL_YAML },
  { fileName: 'tutorial.yaml', text: TUTORIAL_TEXT },
  { fileName: 'store-drill.yaml', text: FIXTURE_YAML },
];

// -------------------------------------------------------------------------------------------------

describe('what the store records while a drill runs', () => {
  it('a minute checkpoint and a chart sample each simulated minute, as a headless run of its log records them', () => {
    const game = fast(SMALL, 'rec');
    game.getState().issue(WAF);
    playUntil(game, 500);
    game.getState().issue(USSD);
    playToEnd(game);
    const { log } = game.getState();
    expect(log.map((c) => c.tick)).toEqual([0, 500]);

    const recorder = new CheckpointRecorder();
    const series = emptySeries(run(SMALL, 'rec', [], { untilTick: 0 }));
    const headless = run(SMALL, 'rec', log, { onTick: (s) => (recorder.onTick(s), sample(series, s)) });
    const record = game.getState().record();
    expect(record.checkpoints).toEqual(recorder.checkpoints);
    expect(record.checkpoints).toHaveLength(30); // a 30-minute drill
    expect(record.finalHash).toBe(hashState(headless.state));
    expect(game.getState().series()).toEqual(series);
    expect(verifyRecord(SMALL, record).ok).toBe(true);
  });

  it('stamps each command with the role chosen at the time (a side table; the command itself is unchanged)', () => {
    const game = fast(SMALL);
    game.getState().issue(WAF);
    game.getState().setRole('Comms lead');
    game.getState().issue(USSD);
    game.getState().setRole('   '); // blank: ignored
    game.getState().issue(RATE);
    expect(game.getState().roles).toEqual({ 0: 'Commander', 1: 'Comms lead', 2: 'Comms lead' });
    expect(game.getState().log.map((c) => c.cmd)).toEqual([WAF, USSD, RATE]);
  });

  it('rebuilds a drill from a history: the state a live drill had at that tick, commands stamped with that tick included', () => {
    const log: LoggedCommand[] = [
      { tick: 0, cmd: WAF },
      { tick: 300, cmd: USSD }, // stamped with the stop tick: in play it was applied at once
      { tick: 900, cmd: RATE }, // after the stop tick: not part of this history
    ];
    const game = createGameStore({ scenario: SMALL, seed: 'h', history: { log, untilTick: 300 } });
    const g = game.getState();
    expect(g.sim.state.tick).toBe(300);
    expect(g.log).toEqual(log.slice(0, 2));
    expect(g.results.every((r) => r.ok)).toBe(true);
    // Headless: the state at 300, then the command stamped 300 applied on it (what `issue` did in play).
    const live = fast(SMALL, 'h');
    live.getState().issue(WAF);
    playUntil(live, 300);
    live.getState().issue(USSD);
    expect(g.hash()).toBe(live.getState().hash());
    expect(g.record().checkpoints).toEqual(live.getState().record().checkpoints);
  });

  it('continues from a save’s own state when the log does not reproduce it, and says so', () => {
    const sim = run(SMALL, 'h', [{ tick: 0, cmd: WAF }], { untilTick: 120 });
    const saved = structuredClone(sim.state);
    saved.budgetKES += 1; // what an older engine might have made of the same log
    const game = createGameStore({
      scenario: SMALL,
      seed: 'h',
      history: { log: [{ tick: 0, cmd: WAF }], untilTick: 120, state: saved },
      origin: { kind: 'save', label: 'x' },
    });
    expect(game.getState().hash()).toBe(hashState(saved));
    expect(game.getState().origin?.historyMatched).toBe(false);
  });
});

describe('replay with time travel', () => {
  function finished(): { session: SessionStore; game: GameStore } {
    const session = sessionWith(...SHIPPED);
    session.getState().select('shipped:small.yaml');
    session.getState().setSeed('r');
    const game = session.getState().start()!;
    game.getState().issue(WAF);
    playUntil(game, 400);
    game.getState().issue(USSD);
    playToEnd(game);
    return { session, game };
  }

  it('is verified on opening; jumps to any tick; plays the recorded commands; refuses new ones; stops at the end', () => {
    const { session, game } = finished();
    const log = game.getState().log;
    const replay = session.getState().openReplay()!;
    const r = replay.getState();
    expect(session.getState().game).toBe(replay);
    expect(r.replay!.verification).toEqual({
      ok: true,
      text: 'Replay verified: hashes match (30 minute checkpoints and the final state).',
    });
    expect(r.sim.state.tick).toBe(0);
    expect(r.paused).toBe(true);

    for (const tick of [1000, 0, 401, 1800]) {
      replay.getState().seek(tick);
      expect(replay.getState().hash()).toBe(hashState(run(SMALL, 'r', log, { untilTick: tick }).state));
    }
    // At 401 the command of 400 has been applied: the log shown is the prefix applied so far.
    replay.getState().seek(401);
    expect(replay.getState().log).toEqual(log);
    replay.getState().seek(400);
    expect(replay.getState().log).toEqual(log.slice(0, 1));

    const refused = replay.getState().issue(RATE);
    expect(refused).toEqual({ ok: false, code: 'cmd/scenario-ended', message: REPLAY_REFUSAL });
    expect(replay.getState().log).toEqual(log.slice(0, 1));

    // Played from 03:20 to the end at 64× (8× with a boost of 8): the recorded run's final state, then a stop.
    replay.getState().seek(200);
    replay.getState().setReplayBoost(8);
    replay.getState().setSpeed(2); // a HUD speed ends the boost...
    expect([replay.getState().speed, replay.getState().replay!.boost]).toEqual([2, 1]);
    replay.getState().setSpeed(8); // ...so 64× is 8× then a boost of 8 (what the replay bar does)
    replay.getState().setReplayBoost(8);
    replay.getState().setPaused(false);
    for (let i = 0; i < 100 && !replay.getState().replay!.atEnd; i++) replay.getState().frame(250);
    expect(replay.getState().replay!.atEnd).toBe(true);
    expect(replay.getState().paused).toBe(true);
    expect(replay.getState().hash()).toBe(game.getState().hash());
    expect(replay.getState().frame(250)).toBe(0);

    session.getState().leaveReplay();
    expect(session.getState().game).toBe(game);
  });

  it('takes over: a new live drill at the replay’s tick, with the commands issued before it', () => {
    const { session, game } = finished();
    const replay = session.getState().openReplay()!;
    replay.getState().seek(600);
    const fork = session.getState().takeOver()!;
    const f = fork.getState();
    expect(session.getState().game).toBe(fork);
    expect(f.replay).toBeNull();
    expect(f.sim.state.tick).toBe(600);
    expect(f.log).toEqual(game.getState().log.filter((c) => c.tick < 600));
    expect(f.hash()).toBe(replay.getState().hash());
    expect(f.origin?.label).toBe('Taken over from a replay at T+00:10: a new branch of the drill.');
    expect(f.drillId).not.toBe(game.getState().drillId);
    // The branch plays on: a new order is logged at the fork tick, and the whole branch replays headless.
    expect(fork.getState().issue(RATE).ok).toBe(true);
    playToEnd(fork);
    expect(fork.getState().hash()).toBe(hashState(run(SMALL, 'r', fork.getState().log).state));
  });

  it('says where a tampered record diverges', () => {
    const { session, game } = finished();
    const record = game.getState().record();
    const tampered = { ...record, commands: [{ tick: 100, cmd: WAF }, record.commands[1]!] };
    const other = createGameStore({
      scenario: SMALL,
      seed: 'r',
      history: { log: tampered.commands, untilTick: 1800 },
      origin: { kind: 'file', label: 'f', record: tampered },
    });
    session.setState({ game: other });
    expect(other.getState().ended).toBe(true);
    const replay = session.getState().openReplay()!;
    const v = replay.getState().replay!.verification;
    expect(v.ok).toBe(false);
    // The record says the WAF was ordered at 00:00 (it was not, in this file): the first checkpoint, at 01:00, differs.
    expect(v.text).toMatch(
      /^Replay does NOT match the recording\. The replay diverged from the recording at T\+00:01 \(tick 60\)/,
    );
  });

  it('verifies a drill that an inject ended inside its last tick (the tutorial ends at 09:00)', () => {
    // The run of the browser test (after.test.ts there): an inject ends it during tick 540 (09:00). The engine
    // consumes that tick, so the record ends at 541 and replaying to it reproduces the ending.
    const game = fast(TUTORIAL, '2468');
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'portal' });
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'edge' });
    playToEnd(game);
    const record = game.getState().record();
    expect(game.getState().sim.state.tick).toBe(541);
    expect(game.getState().ended).toBe(true);
    expect(TUTORIAL.durationTicks).toBe(600);
    expect(record.checkpoints).toHaveLength(9);
    expect(verifyRecord(TUTORIAL, record).ok).toBe(true);
    expect(verifyRecord(TUTORIAL, replayableRecord(record, true, 600)).ok).toBe(true);
    // One chart sample per simulated minute.
    expect(game.getState().series().minutes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('the session: saves, shared runs, run files', () => {
  function saveOf(game: GameStore, savedAt = '2026-01-01 10:00:00'): Save {
    const g = game.getState();
    return makeSave({
      engineVersion: ENGINE_VERSION,
      scenarioId: g.scenario.id,
      scenarioHash: scenarioHash(g.scenario),
      seed: g.seed,
      commands: g.log,
      state: structuredClone(g.sim.state) as never,
      name: 'Morning drill',
      savedAt,
    });
  }

  it('resumes a save at its tick and state; playing on gives the hash of never having saved', () => {
    const session = sessionWith(...SHIPPED);
    const game = fast(SMALL, 'sv');
    game.getState().issue(WAF);
    playUntil(game, 700);
    game.getState().issue(USSD);
    const save = saveOf(game);
    const resumed = session.getState().resume(save, 'drill-1', { 0: 'Network lead' })!;
    const r = resumed.getState();
    expect(r.sim.state.tick).toBe(700);
    expect(r.hash()).toBe(save.hash);
    expect(r.log).toEqual(game.getState().log);
    expect(r.drillId).toBe('drill-1');
    expect(r.roles).toEqual({ 0: 'Network lead' });
    expect(r.origin?.historyMatched).toBe(true);
    expect(r.record().checkpoints).toHaveLength(11); // minutes 1–11 rebuilt from the log
    playToEnd(resumed);
    expect(resumed.getState().hash()).toBe(hashState(run(SMALL, 'sv', resumed.getState().log).state));
  });

  it('refuses a save or a link whose scenario is not loaded, with a notice, and keeps the menu as it was', () => {
    const session = sessionWith({ fileName: 'store-drill.yaml', text: FIXTURE_YAML });
    const save = saveOf(fast(SMALL));
    expect(session.getState().resume(save, 'x')).toBeNull();
    expect(session.getState().notice?.text).toBe(
      'Cannot resume “Morning drill”: its scenario “small-city” is not loaded. Open the scenario file first.',
    );
    expect(
      session.getState().openRun({ from: 'link', scenarioId: 'small-city', seed: '1', commands: [] }),
    ).toBeNull();
    expect(session.getState().notice?.text).toBe(
      'This share link is for the scenario “small-city”, which is not one of the shipped scenarios.',
    );
    expect(session.getState().game).toBeNull();
  });

  it('a share link of an ended drill opens it ended, with the same hash', () => {
    const game = fast(SMALL, 'link');
    game.getState().issue(WAF);
    playToEnd(game);
    const share = shareFragment(game);
    if (!share.ok) throw new Error(share.reason);
    const decoded = runFromFragment(`#${share.fragment}`);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.run.untilTick).toBeUndefined();
    const session = sessionWith(...SHIPPED);
    const opened = session.getState().openRun(decoded.run)!;
    expect(opened.getState().ended).toBe(true);
    expect(opened.getState().hash()).toBe(game.getState().hash());
    expect(opened.getState().origin?.expectedHash).toBe(game.getState().hash());
  });

  it('a share link of a drill stopped early carries the stop tick, and opens stopped there', () => {
    const game = fast(SMALL, 'stop');
    game.getState().issue(WAF);
    playUntil(game, 777);
    game.getState().stop();
    const share = shareFragment(game);
    if (!share.ok) throw new Error(share.reason);
    const decoded = runFromFragment(share.fragment);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.run.untilTick).toBe(777);
    expect(decoded.run.commands.some((c) => (c.cmd as { type: string }).type === STOP_MARKER)).toBe(false);
    const opened = sessionWith(...SHIPPED)
      .getState()
      .openRun(decoded.run)!;
    expect(opened.getState().stopped).toBe(true);
    expect(opened.getState().sim.state.tick).toBe(777);
    expect(opened.getState().hash()).toBe(game.getState().hash());
  });

  it('a run too long for a link says so (the JSON file is the way to send it)', () => {
    const game = fast(SMALL, 'long');
    // Thousands of lifts of scattered order numbers (turned down, but logged): digits that compress badly.
    for (let i = 0; i < 6000; i++)
      game.getState().issue({ type: 'lift', uid: (i * 2_654_435_761) % 1_000_000_007 });
    const share = shareFragment(game);
    expect(share).toEqual({
      ok: false,
      reason:
        'This run has too many commands for a link (over 32,000 characters). Download the run (JSON) and send the file instead.',
    });
  });

  it('a run file round-trips; a bare record of a drill an inject ended opens at that end', () => {
    const game = fast(TUTORIAL, 'file');
    playToEnd(game);
    const g = game.getState();
    const exported = makeExport({
      record: g.record(),
      roles: { 0: 'x' },
      report: reportOf(g),
      series: g.series(),
    });
    const read = readRunFile(JSON.stringify(exported));
    if (!read.ok) throw new Error(read.error);
    expect(read.record).toEqual(g.record());
    const session = sessionWith(...SHIPPED);
    const r = read.record;
    const opened = session.getState().openRun({
      from: 'file',
      scenarioId: r.scenarioId,
      scenarioHash: r.scenarioHash,
      seed: r.seed,
      commands: r.commands,
      untilTick: r.finalTick,
      expectedHash: r.finalHash,
      record: r,
    })!;
    expect(opened.getState().ended).toBe(true);
    expect(opened.getState().hash()).toBe(g.hash());

    expect(readRunFile('{"kind":"cascade-run-export","exportVersion":9}')).toEqual({
      ok: false,
      error: 'the file is from a newer version of Cascade (export format 9)',
    });
    expect(readRunFile('{"kind":"cascade-run","seed":3}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the run file is damaged: /),
    });
    expect(readRunFile('not json')).toEqual({ ok: false, error: 'the file is not valid JSON' });
    expect(readRunFile('[]')).toEqual({
      ok: false,
      error: 'the file is not a Cascade run (no "kind": "cascade-run-export")',
    });
  });
});

describe('saved drills in storage', () => {
  function saveAt(tick: number, savedAt: string, name = 'drill'): Save {
    const sim = run(SMALL, 'st', [], { untilTick: tick });
    return makeSave({
      engineVersion: ENGINE_VERSION,
      scenarioId: 'small-city',
      scenarioHash: scenarioHash(SMALL),
      seed: 'st',
      commands: [],
      state: sim.state,
      name,
      savedAt,
    });
  }

  it('lists good saves newest first, then damaged ones with the reason; other keys are not saves', () => {
    const storage = new MemoryStorage();
    writeSave(storage, 'a', saveAt(60, '2026-01-01 09:00:00', 'older'), { 0: 'Commander' });
    writeSave(storage, 'b', saveAt(120, '2026-01-01 10:00:00', 'newer'), {});
    storage.setItem(saveKey('cut'), '{"saveVersion":2,"na');
    storage.setItem(saveKey('future'), JSON.stringify({ saveVersion: 7 }));
    storage.setItem('unrelated', 'x');
    const list = listSaves(storage);
    expect(list.map((e) => e.drillId)).toEqual(['b', 'a', 'cut', 'future']);
    const [b, a, cut, future] = list;
    expect(b!.ok && b!.tick).toBe(120);
    expect(a!.ok && a!.roles).toEqual({ 0: 'Commander' });
    expect(!cut!.ok && cut!.error).toBe('the save is not valid JSON (it may have been cut off)');
    expect(!future!.ok && future!.error).toMatch(/^the save is from a newer version of Cascade/);
  });

  it('when the storage is full, drops the oldest other save and says which; fails in words when nothing can go', () => {
    const one = saveAt(60, '2026-01-01 09:00:00', 'first');
    const size = JSON.stringify({ ...one, roles: {} }).length + 30;
    const storage = new MemoryStorage(size * 2.5); // room for two saves
    expect(writeSave(storage, 'a', one, {})).toEqual({ ok: true, dropped: [] });
    expect(writeSave(storage, 'b', saveAt(60, '2026-01-01 10:00:00', 'second'), {})).toEqual({
      ok: true,
      dropped: [],
    });
    expect(writeSave(storage, 'c', saveAt(60, '2026-01-01 11:00:00', 'third'), {})).toEqual({
      ok: true,
      dropped: ['first'],
    });
    expect(listSaves(storage).map((e) => e.drillId)).toEqual(['c', 'b']);

    const tiny = new MemoryStorage(100);
    expect(writeSave(tiny, 'a', one, {})).toEqual({
      ok: false,
      dropped: [],
      error: 'the browser storage is full, and there is no older save to make room',
    });
  });

  it(`keeps at most ${MAX_AUTOSAVES} drills: a new drill's first save drops the oldest`, () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < MAX_AUTOSAVES; i++)
      writeSave(storage, `d${i}`, saveAt(60, `2026-01-01 10:${String(i).padStart(2, '0')}:00`, `n${i}`), {});
    const again = writeSave(storage, 'd5', saveAt(120, '2026-01-01 11:00:00', 'n5'), {}); // the same drill: no drop
    expect(again).toEqual({ ok: true, dropped: [] });
    const fresh = writeSave(storage, 'new', saveAt(60, '2026-01-01 12:00:00', 'new'), {});
    expect(fresh).toEqual({ ok: true, dropped: ['n0'] });
    expect(listSaves(storage)).toHaveLength(MAX_AUTOSAVES);
  });
});

describe('autosave', () => {
  it('saves every simulated minute (at most once a real second), at the end, and never a replay', () => {
    const storage = new MemoryStorage();
    const session = sessionWith(...SHIPPED);
    let now = 0;
    const saver = installAutosave(session, {
      storage,
      now: () => new Date(2026, 0, 1, 9, 0, 0),
      realMs: () => now,
    });
    session.getState().select('shipped:store-drill.yaml');
    const game = session.getState().start()!;
    const savedTick = () => {
      const e = listSaves(storage)[0];
      return e?.ok ? e.tick : null;
    };
    playUntil(game, 59);
    expect(savedTick()).toBeNull();
    playUntil(game, 60);
    expect(savedTick()).toBe(60);
    expect(saver.status()).toEqual({ kind: 'ok', text: 'Autosaved at T+00:01.' });
    playUntil(game, 120); // the same real moment: throttled
    expect(savedTick()).toBe(60);
    now = 1500;
    playUntil(game, 180);
    expect(savedTick()).toBe(180);
    saver.saveNow(); // leaving the page
    game.getState().stop();
    expect(savedTick()).toBe(game.getState().sim.state.tick);
    expect(listSaves(storage)).toHaveLength(1);
    const entry = listSaves(storage)[0]!;
    expect(entry.ok && entry.drillId).toBe(game.getState().drillId);
    expect(entry.ok && entry.save.name).toBe('Store drill');
    expect(entry.ok && entry.save.seed).toBe('1');

    session.getState().openReplay();
    now = 5000;
    const replay = session.getState().game!;
    replay.getState().setPaused(false);
    replay.getState().frame(250);
    saver.saveNow();
    expect(listSaves(storage)).toHaveLength(1);
    saver.dispose();
  });
});

describe('the what-if worker’s message handler', () => {
  const log: LoggedCommand[] = [
    { tick: 400, cmd: WAF },
    { tick: 500, cmd: USSD },
  ];

  it('gives exactly what calling whatIf directly gives, with progress on the way', () => {
    const replies: WhatIfReply[] = [];
    handleWhatIf(
      {
        type: 'what-if',
        id: 7,
        scenarioText: SMALL_YAML,
        fileName: 'small.yaml',
        seed: 's',
        log,
        untilTick: 1500,
        shiftTicks: 300,
      },
      (r) => replies.push(r),
    );
    const direct = whatIf(SMALL, 's', log, 1500, { shiftTicks: 300 });
    // 1 actual run + 2 decisions × (earlier, later, never).
    expect(
      replies.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && [r.done, r.total]),
    ).toEqual([
      [1, 7],
      [2, 7],
      [3, 7],
      [4, 7],
      [5, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(replies.at(-1)).toEqual({ type: 'result', id: 7, report: direct });
    // Everything it posts survives structured cloning (what postMessage does).
    expect(structuredClone(replies)).toEqual(replies);
  });

  it('answers a scenario that does not compile with the first error, located', () => {
    const replies: WhatIfReply[] = [];
    handleWhatIf(
      {
        type: 'what-if',
        id: 1,
        scenarioText: SMALL_YAML.replace('id: small-city', 'id: Small City!'),
        fileName: 'x.yaml',
        seed: 's',
        log,
        untilTick: 100,
      },
      (r) => replies.push(r),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      type: 'error',
      id: 1,
      message: expect.stringMatching(/^the scenario does not compile \(3:5 SCN\d+ /),
    });
  });
});

describe('scene router', () => {
  it('restarts the City for a new drill under it, and sends a finished drill to its report', () => {
    const session = sessionWith(...SHIPPED);
    const calls: string[] = [];
    installSceneRouter(session, {
      restartCity: () => calls.push('restart'),
      cityToDebrief: () => calls.push('debrief'),
    });
    session.getState().select('shipped:small.yaml');
    const live = session.getState().start()!;
    session.getState().setScreen('city'); // the City scene starts with the live drill
    expect(calls).toEqual([]);
    live.getState().stop();
    session.getState().setScreen('debrief');
    session.getState().openReplay(); // the Debrief scene starts the City with the replay
    session.getState().setScreen('city');
    expect(calls).toEqual([]);
    session.getState().takeOver(); // a new drill under the running City
    expect(calls).toEqual(['restart']);
    session.getState().game!.getState().stop();
    session.getState().setScreen('debrief');
    session.getState().openReplay();
    session.getState().setScreen('city');
    session.getState().leaveReplay(); // back to a finished drill
    expect(calls).toEqual(['restart', 'debrief']);
    // A finished drill arriving with the screen (an opened run) goes to its report too.
    session.getState().setScreen('menu');
    session.getState().openRun({ from: 'link', scenarioId: 'small-city', seed: '2', commands: [] });
    session.getState().setScreen('city');
    expect(calls).toEqual(['restart', 'debrief', 'debrief']);
  });
});

describe('the report in words and charts', () => {
  it('words a what-if variant from its numbers', () => {
    const log: LoggedCommand[] = [
      { tick: 2820, cmd: { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' } },
    ];
    const actual: Outcome = {
      score: 50.2,
      failedValueKES: 1_700_000,
      strandedPeak: 1000,
      trustEnd: 50,
      criticalAvailability: 0.8,
      harm: { downtime: 0, customerHours: 0, valueLostKES: 0, trustLost: 0, rumourPeak: 0 },
      spentKES: 0,
      points: { availability: 0, valueMoved: 0, customers: 0, budget: 0, trust: 0, rumours: 0, honesty: 0 },
    };
    const earlier: Variant = {
      decision: 0,
      label: '',
      kind: 'earlier',
      tick: 720,
      outcome: { ...actual, score: 54.1, failedValueKES: 1_190_000 },
      summary: '',
      because: 'would have kept KES 0.5 m more moving; score +3.9 (money kept moving +3.9)',
    };
    // (1.19m − 1.7m) / 1.7m = −30 %.
    expect(variantWords(SMALL, log, [{ ok: true }], actual, earlier)).toBe(
      '“Ordered Rate limiting per client on Portal” at T+00:12 instead of T+00:47: 30 % less money failed to move (KES 1.2m instead of KES 1.7m); score 54.1 instead of 50.2. It would have kept KES 0.5 m more moving; score +3.9 (money kept moving +3.9).',
    );
    const never: Variant = {
      ...earlier,
      kind: 'never',
      tick: -1,
      outcome: { ...actual, strandedPeak: 2500 },
      because: 'would have changed little in the city; the same score',
    };
    expect(variantWords(SMALL, log, [{ ok: true }], actual, never)).toBe(
      'Without “Ordered Rate limiting per client on Portal” (T+00:47): the same money failed to move (KES 1.7m); 2,500 customers stranded at the worst moment instead of 1,000; score 50.2 instead of 50.2. It would have changed little in the city; the same score.',
    );
  });

  it('charts each critical service, the busiest services against capacity, and says when there is nothing to draw', () => {
    const series = emptySeries(run(SMALL, 'c', [], { untilTick: 0 }));
    series.minutes = [1, 2];
    for (const id of Object.keys(series.availability)) series.availability[id] = [1, 0.5];
    for (const id of Object.keys(series.utilisation)) series.utilisation[id] = [0.1, 0.2];
    series.utilisation.portal = [0.5, 3];
    series.utilisation.edge = [0.9, 1.2];
    const specs = chartSpecs(SMALL, series);
    expect(specs.map((s) => s.id)).toEqual(['availability', 'load', 'stranded', 'trust', 'rumours', 'money']);
    const availability = specs[0]!;
    expect(availability.lines.map((l) => l.label)).toEqual(['Edge', 'Portal', 'Wallet', 'App', 'USSD']);
    expect(availability.lines[1]!.values).toEqual([100, 50]);
    expect(availability.summary[1]).toBe('Portal: lowest 50 % at T+00:02, 50 % at the end.');
    const load = specs[1]!;
    // Only services that passed 80 % of capacity, the busiest first, then the 100 % line.
    expect(load.lines.map((l) => l.label)).toEqual(['Portal', 'Edge', 'capacity']);
    expect(load.lines[2]!.values).toEqual([100, 100]);
    expect(specs[4]!.empty).toBeUndefined(); // the small city has a rumour
    const tutorialSeries = emptySeries(run(TUTORIAL, 'c', [], { untilTick: 0 }));
    expect(chartSpecs(TUTORIAL, tutorialSeries)[4]!.empty).toBe(
      'Nothing to draw: this scenario has no rumours.',
    );
  });

  it('with more critical services than lines, charts the ones that fell lowest and says so', () => {
    const text = readFileSync(new URL('../../scenarios/nairobi-ddos-2023.yaml', import.meta.url), 'utf8');
    const nairobi = compile(text, 'nairobi-ddos-2023.yaml').scenario!;
    const series = emptySeries(run(nairobi, 'c', [], { untilTick: 0 }));
    const ids = Object.keys(series.availability);
    expect(ids.length).toBeGreaterThan(6);
    series.minutes = [1];
    // The last critical service falls to 10 %, the first to 20 %, every other one to 90 %.
    ids.forEach((id, i) => (series.availability[id] = [i === ids.length - 1 ? 0.1 : i === 0 ? 0.2 : 0.9]));
    const spec = chartSpecs(nairobi, series)[0]!;
    expect(spec.title).toBe(
      `Availability of the critical services (the 6 that fell lowest of ${ids.length})`,
    );
    expect(spec.lines).toHaveLength(6);
    const name = (id: string) => nairobi.services.find((x) => x.id === id)!.name;
    expect(spec.lines[0]!.label).toBe(name(ids.at(-1)!));
    expect(spec.lines[1]!.label).toBe(name(ids[0]!));
  });

  it('puts each decision on the timeline in words, with its verdict and role, before what the engine logged at that tick', () => {
    const game = fast(DRILL, 'tl');
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'app' });
    game.getState().setRole('Network lead');
    game.getState().issue({ type: 'mitigate', mitigation: 'nonsense', target: 'app' });
    playToEnd(game);
    const g = game.getState();
    const entries = reportTimeline(g.scenario, g.sim.state, g.log, g.results, g.roles, reportOf(g));
    const decisions = entries.filter((e) => e.kind === 'decision');
    expect(decisions[0]).toMatchObject({
      clock: 'T+00:00',
      text: 'Ordered Rate limiting per client on Wallet app',
      by: 'Commander',
    });
    expect(decisions[1]).toMatchObject({ by: 'Network lead', rejected: true });
    expect(decisions[1]!.text).toMatch(/^Ordered nonsense on Wallet app — turned down: /);
    expect(decisions[2]!.text).toBe("Answered Minister's office: Stay calm");
    const ticks = entries.map((e) => e.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    // The order taking effect is there once (the engine logs it; the report model does not repeat it).
    expect(entries.filter((e) => e.text.startsWith('Rate limiting per client now in effect'))).toHaveLength(
      1,
    );
  });
});
