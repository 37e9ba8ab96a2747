import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashState, run, type Command } from '../../src/engine';
import { createGameStore, type GameStore } from '../../src/store/gameStore';
import { AT_TICKS, DURATION_TICKS, fixtureScenario } from './fixture';

const scenario = fixtureScenario();
const SEED = 'store-42';

function store(options: Partial<Parameters<typeof createGameStore>[0]> = {}): GameStore {
  return createGameStore({ scenario, seed: SEED, ...options });
}

/** Counts notifications (every setState notifies every plain subscriber exactly once). */
function countNotifications(game: GameStore): () => number {
  let n = 0;
  game.subscribe(() => n++);
  return () => n;
}

const tick = (game: GameStore) => game.getState().sim.state.tick;

describe('GameStore: frames', () => {
  it('opens paused at tick 0 and a paused frame neither steps nor notifies', () => {
    const game = store();
    const calls = countNotifications(game);
    expect(game.getState().paused).toBe(true);
    expect(game.getState().frame(1000)).toBe(0);
    expect(tick(game)).toBe(0);
    expect(calls()).toBe(0);
  });

  it('steps speed × 6 ticks per real second with exactly one setState per frame', () => {
    const game = store({ startPaused: false });
    const calls = countNotifications(game);
    // 1×: 250 ms → 1.5 ticks: 1 now, the half carried.
    expect(game.getState().frame(250)).toBe(1);
    expect(calls()).toBe(1);
    expect(game.getState().frame(250)).toBe(2);
    expect(tick(game)).toBe(3);
    expect(calls()).toBe(2);
    game.getState().setSpeed(8); // a UI action: its own notification
    expect(calls()).toBe(3);
    // 8× = 48 ticks/s; 1000 ms is capped to 250 ms → 12 ticks, still a single notification.
    expect(game.getState().frame(1000)).toBe(12);
    expect(tick(game)).toBe(15);
    expect(calls()).toBe(4);
    // A frame too short for a whole tick publishes nothing.
    game.getState().setSpeed(1);
    const before = calls();
    expect(game.getState().frame(10)).toBe(0);
    expect(calls()).toBe(before);
  });

  it('publishes a new sim view object per frame so selectors see the change', () => {
    const game = store({ startPaused: false });
    const frames: number[] = [];
    game.subscribe(
      (s) => s.sim,
      (sim) => frames.push(sim.frame),
    );
    game.getState().frame(200);
    game.getState().frame(200);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBeGreaterThan(frames[0]!);
  });

  it('pause and resume: togglePause stops and restarts the clock', () => {
    const game = store({ startPaused: false });
    game.getState().frame(250);
    game.getState().togglePause();
    expect(game.getState().frame(250)).toBe(0);
    expect(tick(game)).toBe(1);
    game.getState().togglePause();
    expect(game.getState().frame(250)).toBe(1); // fresh start after a pause: 1.5 → 1
  });
});

describe('GameStore: commands', () => {
  it('stamps a command with the current tick, applies it before the next step, and logs it', () => {
    const game = store({ startPaused: false, speed: 8 });
    game.getState().frame(250); // 12 ticks
    game.getState().setPaused(true);
    const result = game.getState().issue({ type: 'mitigate', mitigation: 'waf-rule', target: 'app' });
    expect(result).toEqual({ ok: true, uid: 1 });
    expect(game.getState().log).toEqual([
      { tick: 12, cmd: { type: 'mitigate', mitigation: 'waf-rule', target: 'app' } },
    ]);
    const order = game.getState().sim.state.mitigations[0]!;
    // WAF rule: 8 minutes of delay (catalogue), counted from the tick it was stamped with.
    expect(order.issuedTick).toBe(12);
    expect(order.effectiveTick).toBe(12 + 8 * 60);
    // The budget is spent at once, even while paused (KES 150,000 from 1,000,000).
    expect(game.getState().sim.state.budgetKES).toBe(850_000);
    expect(tick(game)).toBe(12);
  });

  it('keeps rejections visible and in the log (a faithful replay includes them)', () => {
    const game = store();
    const result = game.getState().issue({ type: 'mitigate', mitigation: 'no-such-thing', target: 'app' });
    expect(result.ok).toBe(false);
    expect(game.getState().lastRejection).toMatchObject({ tick: 0, code: 'cmd/unknown-mitigation' });
    expect(game.getState().log).toHaveLength(1);
    expect(game.getState().results[0]).toMatchObject({ ok: false, code: 'cmd/unknown-mitigation' });
    // An accepted command clears the rejection.
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'app' });
    expect(game.getState().lastRejection).toBeNull();
  });

  it('the log replays headless (run) to the same state hash', () => {
    const game = store({ startPaused: false, speed: 4 });
    game.getState().frame(200);
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'app' });
    game.getState().frame(150);
    game.getState().frame(230);
    game.getState().issue({ type: 'mitigate', mitigation: 'geo-block', target: 'app', region: 'foreign' });
    game.getState().frame(100);
    const replay = run(scenario, SEED, game.getState().log, { untilTick: tick(game) });
    expect(replay.state.tick).toBe(tick(game));
    expect(hashState(replay.state)).toBe(game.getState().hash());
  });
});

describe('GameStore: decision prompts and the end', () => {
  it('a pausing prompt stops the clock on the tick it opens, until it is answered', () => {
    const game = store({ startPaused: false, speed: 8, rateScale: 100 });
    // 8 × 6 × 100 = 4800 ticks/s: one 250 ms frame could run 1200 ticks, past the prompt at tick 180.
    game.getState().frame(250);
    // The inject fires during the step of tick 180, which ends at tick 181.
    expect(tick(game)).toBe(AT_TICKS.ask! + 1);
    expect(game.getState().waitingForAnswer).toBe(true);
    expect(game.getState().frame(250)).toBe(0);
    expect(tick(game)).toBe(181);
    const result = game.getState().issue({ type: 'answer', inject: 'ask', option: 'alarm' });
    expect(result.ok).toBe(true);
    expect(game.getState().waitingForAnswer).toBe(false);
    expect(game.getState().frame(250)).toBeGreaterThan(0);
  });

  it('stops at the end: no more steps, and commands after the end are turned down and not logged', () => {
    const game = store({ startPaused: false, speed: 8, rateScale: 100 });
    for (let i = 0; i < 10 && !game.getState().ended; i++) {
      game.getState().frame(250);
      if (game.getState().waitingForAnswer)
        game.getState().issue({ type: 'answer', inject: 'ask', option: 'calm' });
    }
    expect(game.getState().ended).toBe(true);
    expect(tick(game)).toBe(DURATION_TICKS);
    expect(game.getState().frame(250)).toBe(0);
    const logged = game.getState().log.length;
    const result = game.getState().issue({ type: 'noop' });
    expect(result).toMatchObject({ ok: false, code: 'cmd/scenario-ended' });
    expect(game.getState().log).toHaveLength(logged);
  });
});

// ---------------------------------------------------------------------------------------------
// Pausing never skips or duplicates an inject; the same actions give the same run, whatever the frames.
// ---------------------------------------------------------------------------------------------

type Op =
  | { op: 'frame'; dt: number }
  | { op: 'pause' }
  | { op: 'speed'; speed: 1 | 2 | 4 | 8 }
  | { op: 'command'; cmd: Command };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ op: fc.constant('frame' as const), dt: fc.integer({ min: 0, max: 400 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'pause' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('speed' as const),
      speed: fc.constantFrom(1 as const, 2 as const, 4 as const, 8 as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('command' as const),
      cmd: fc.constantFrom<Command>(
        { type: 'mitigate', mitigation: 'rate-limit', target: 'app' },
        { type: 'mitigate', mitigation: 'shed', target: 'app' },
        { type: 'mitigate', mitigation: 'add-capacity', target: 'edge' },
        { type: 'lift', uid: 1 },
      ),
    }),
  },
);

/** Plays ops on a fast store; answers the prompt whenever the clock waits for it. Returns the store. */
function play(ops: Op[]): GameStore {
  const game = store({ startPaused: false, rateScale: 20 });
  for (const o of ops) {
    const s = game.getState();
    if (s.waitingForAnswer) s.issue({ type: 'answer', inject: 'ask', option: 'alarm' });
    if (o.op === 'frame') s.frame(o.dt);
    else if (o.op === 'pause') s.togglePause();
    else if (o.op === 'speed') s.setSpeed(o.speed);
    else s.issue(o.cmd);
  }
  // Finish with a running frame: `run` applies a command only before a step, so commands issued on the last
  // tick must be followed by one for the comparison to include them.
  const s = game.getState();
  if (s.waitingForAnswer) s.issue({ type: 'answer', inject: 'ask', option: 'alarm' });
  s.setPaused(false);
  s.frame(250);
  return game;
}

describe('GameStore: pausing never skips or duplicates an inject', () => {
  it('with random pauses, speeds and frame sizes, each `at` inject fires once, on its tick, as in an uninterrupted run', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 120 }), (ops) => {
        const game = play(ops);
        const state = game.getState().sim.state;
        const uninterrupted = run(scenario, SEED, game.getState().log, { untilTick: state.tick });
        scenario.injects.forEach((def, i) => {
          const passed = state.tick > def.atTick;
          expect(state.injects[i]!.fired).toBe(passed ? 1 : 0);
          if (passed) expect(state.injects[i]!.lastTick).toBe(def.atTick);
          expect(state.injects[i]).toEqual(uninterrupted.state.injects[i]);
        });
        // Feed posts of the `at` injects: one each, stamped with the inject's tick.
        for (const [text, at] of [
          ['Something is wrong with the app.', AT_TICKS.early!],
          ['Cannot pay.', AT_TICKS.middle!],
          ['Late inject.', AT_TICKS.late!],
        ] as const) {
          const posts = state.feed.filter((f) => f.text === text);
          expect(posts.map((p) => p.tick)).toEqual(state.tick > at ? [at] : []);
        }
        expect(game.getState().hash()).toBe(hashState(uninterrupted.state));
      }),
      { numRuns: 60 },
    );
  });

  it('the same commands at the same ticks give the same final hash as run(), whatever the frames and pauses', () => {
    // Script: commands at fixed ticks. Two players reach those ticks with different frame sizes and pauses.
    const script: { at: number; cmd: Command }[] = [
      { at: 0, cmd: { type: 'mitigate', mitigation: 'rate-limit', target: 'app' } },
      { at: 100, cmd: { type: 'mitigate', mitigation: 'add-capacity', target: 'edge' } },
      { at: 300, cmd: { type: 'lift', uid: 1 } },
    ];
    const playScript = (frameMs: number, pauseEvery: number): GameStore => {
      const game = store({ startPaused: false, speed: 8, rateScale: 10 });
      let next = 0;
      let frames = 0;
      while (!game.getState().ended && frames < 10_000) {
        const s = game.getState();
        while (next < script.length && script[next]!.at === s.sim.state.tick) s.issue(script[next++]!.cmd);
        if (s.waitingForAnswer) s.issue({ type: 'answer', inject: 'ask', option: 'alarm' });
        // Never step past the next scripted tick: the clock is paused there in effect (like a player would).
        const until = next < script.length ? script[next]!.at : Infinity;
        const rate = 8 * 6 * 10;
        const dt = Math.min(frameMs, ((until - s.sim.state.tick) * 1000) / rate);
        frames++;
        if (frames % pauseEvery === 0) {
          s.togglePause();
          s.frame(frameMs); // paused: nothing moves
          s.togglePause();
        }
        s.frame(dt);
      }
      return game;
    };
    const a = playScript(16, 7);
    const b = playScript(233, 3);
    expect(a.getState().ended && b.getState().ended).toBe(true);
    expect(a.getState().log).toEqual(b.getState().log);
    expect(a.getState().log.map((e) => e.tick)).toEqual([0, 100, 181, 300]);
    const headless = run(scenario, SEED, a.getState().log);
    expect(a.getState().hash()).toBe(hashState(headless.state));
    expect(b.getState().hash()).toBe(hashState(headless.state));
  });
});

describe('GameStore: ending a drill early', () => {
  it('stop() freezes the clock and turns commands down without logging them', () => {
    const game = store({ startPaused: false });
    game.getState().frame(250);
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'app' });
    game.getState().stop();
    expect(game.getState().stopped).toBe(true);
    expect(game.getState().frame(250)).toBe(0);
    expect(tick(game)).toBe(1);
    const result = game.getState().issue({ type: 'noop' });
    expect(result).toMatchObject({ ok: false, code: 'cmd/scenario-ended' });
    expect(game.getState().log).toHaveLength(1);
  });
});
