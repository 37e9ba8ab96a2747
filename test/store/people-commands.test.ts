/**
 * The people-side commands through the store, as the Messages and Workarounds tabs issue them: a statement and
 * a workaround are stamped with the tick they were issued at, applied at once (budget, statement record,
 * workaround in place), take effect when they land, and the log replays headless to the same state hash.
 *
 * Expected numbers come from the default scenario's YAML and the built-in channel table (src/engine/channels.ts):
 * social media posts land after 60 s and are free; SMS blasts land after 300 s and cost KES 400,000; the USSD
 * workaround names SMS as its channel and has no cost of its own; the budget is KES 12,000,000.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashState, run, type Command, type Scenario } from '../../src/engine';
import { compile } from '../../src/scenario';
import { createGameStore, type GameStore } from '../../src/store/gameStore';

const FILE = join(__dirname, '..', '..', 'scenarios', 'nairobi-ddos-2023.yaml');
const SEED = 'people-7';
const BUDGET = 12_000_000;
const SMS_COST = 400_000;

function defaultScenario(): Scenario {
  const { scenario, diagnostics } = compile(readFileSync(FILE, 'utf8'), 'nairobi-ddos-2023.yaml');
  if (!scenario) throw new Error(JSON.stringify(diagnostics));
  return scenario;
}

const scenario = defaultScenario();
const tick = (game: GameStore) => game.getState().sim.state.tick;
const people = (game: GameStore) => game.getState().sim.state.people;

/** 8× with rateScale 10: 480 ticks per real second. */
const TICKS_PER_SECOND = 8 * 6 * 10;

/** Runs the clock to exactly `until`, then stops it (each frame asks for no more than the ticks left). */
function runTo(game: GameStore, until: number): void {
  game.getState().setPaused(false);
  for (let i = 0; i < 1000 && tick(game) < until; i++) {
    game.getState().frame(Math.min(250, ((until - tick(game)) * 1000) / TICKS_PER_SECOND));
    // The default drill has no prompt this early; fail loudly rather than spin if it ever does.
    if (game.getState().waitingForAnswer) throw new Error(`a decision opened at tick ${tick(game)}`);
  }
  game.getState().setPaused(true);
}

const STATEMENT: Command = {
  type: 'statement',
  channel: 'social',
  languages: ['en', 'sw'],
  blocks: [{ kind: 'acknowledge' }, { kind: 'cause', cause: 'investigating' }, { kind: 'eta', minutes: 45 }],
};

describe('people commands through the store', () => {
  it('a statement is stamped, recorded at once, lands after its channel delay and leaves its claims on record', () => {
    const game = createGameStore({ scenario, seed: SEED, speed: 8, rateScale: 10 });
    runTo(game, 120);
    const issuedAt = tick(game);
    expect(game.getState().issue(STATEMENT)).toEqual({ ok: true });
    expect(game.getState().log).toEqual([{ tick: issuedAt, cmd: STATEMENT }]);
    const social = scenario.people.channels.findIndex((c) => c.id === 'social');
    expect(people(game).statements).toEqual([
      {
        tick: issuedAt,
        channel: social,
        languages: ['en', 'sw'],
        blocks: [
          { kind: 'acknowledge' },
          { kind: 'cause', cause: 'investigating' },
          { kind: 'eta', minutes: 45 },
        ],
        landsTick: issuedAt + 60,
        landed: false,
      },
    ]);
    expect(game.getState().sim.state.budgetKES).toBe(BUDGET); // a social post is free
    expect(people(game).claims).toEqual([]); // nothing is on record before it lands

    runTo(game, issuedAt + 60 + 1);
    expect(tick(game)).toBe(issuedAt + 61);
    expect(people(game).statements[0]!.landed).toBe(true);
    const claims = people(game).claims.map((c) => ({ kind: c.kind, value: c.value, status: c.status }));
    expect(claims).toEqual([
      { kind: 'cause', value: 'investigating', status: 'open' },
      { kind: 'eta', value: '45', status: 'open' },
    ]);
    const eta = people(game).claims[1]!;
    expect(eta.deadlineTick - eta.tick).toBe(45 * 60);
  });

  it('a workaround announced from the panel goes out on its own channel, spreads once it lands, and can be withdrawn; the log replays to the same hash', () => {
    const game = createGameStore({ scenario, seed: SEED, speed: 8, rateScale: 10 });
    runTo(game, 240);
    const announcedAt = tick(game);
    const w = scenario.people.workarounds.findIndex((x) => x.id === 'use-ussd');
    const urbanApp = scenario.segments.findIndex((g) => g.id === 'urban-app');
    const announce: Command = {
      type: 'workaround',
      workaround: 'use-ussd',
      action: 'announce',
      channel: 'sms',
    };
    expect(game.getState().issue(announce)).toEqual({ ok: true });
    expect(game.getState().log.at(-1)).toEqual({ tick: announcedAt, cmd: announce });
    // In place at once, paid at once; nobody has heard of it yet.
    expect(people(game).workarounds[w]).toMatchObject({ enabled: true, announcedTick: announcedAt });
    expect(game.getState().sim.state.budgetKES).toBe(BUDGET - SMS_COST);
    expect(people(game).statements.at(-1)).toMatchObject({
      tick: announcedAt,
      languages: ['en', 'sw'],
      blocks: [{ kind: 'workaround', workaround: 'use-ussd' }],
      landsTick: announcedAt + 300,
      landed: false,
    });
    expect(people(game).workarounds[w]!.awareness[urbanApp]).toBe(0);

    // Just before the SMS lands, still nobody knows; some minutes after, app users have heard and switch.
    runTo(game, announcedAt + 290);
    expect(tick(game)).toBe(announcedAt + 290);
    expect(people(game).workarounds[w]!.awareness[urbanApp]).toBe(0);
    runTo(game, announcedAt + 300 + 600);
    expect(people(game).workarounds[w]!.awareness[urbanApp]).toBeGreaterThan(0.3);
    expect(people(game).workarounds[w]!.uptake[urbanApp]).toBeGreaterThan(0);
    // USSD users do not use the app: the workaround is not for them, so none of their demand moves.
    const ussdUsers = scenario.segments.findIndex((g) => g.id === 'rural-ussd');
    expect(people(game).workarounds[w]!.uptake[ussdUsers]).toBe(0);

    const withdrawnAt = tick(game);
    const withdraw: Command = { type: 'workaround', workaround: 'use-ussd', action: 'withdraw' };
    expect(game.getState().issue(withdraw)).toEqual({ ok: true });
    expect(people(game).workarounds[w]!.enabled).toBe(false);
    expect(game.getState().log.at(-1)).toEqual({ tick: withdrawnAt, cmd: withdraw });
    // Withdrawing twice is turned down by the engine, and the store keeps its words for the panel.
    const again = game.getState().issue(withdraw);
    expect(again).toMatchObject({ ok: false, code: 'cmd/not-enabled' });
    expect(game.getState().lastRejection).toMatchObject({ tick: withdrawnAt, code: 'cmd/not-enabled' });

    game.getState().issue(STATEMENT);
    runTo(game, withdrawnAt + 400);
    const replay = run(scenario, SEED, game.getState().log, { untilTick: tick(game) });
    expect(replay.state.tick).toBe(tick(game));
    expect(hashState(replay.state)).toBe(game.getState().hash());
  });

  it('a statement the engine refuses is logged as refused, changes nothing, and its message is kept for the panel', () => {
    const game = createGameStore({ scenario, seed: SEED });
    const blame: Command = {
      type: 'statement',
      channel: 'press',
      languages: ['en'],
      blocks: [{ kind: 'blame', partner: 'the-weather' }],
    };
    const answer = game.getState().issue(blame);
    expect(answer).toMatchObject({ ok: false, code: 'cmd/unknown-partner' });
    expect(game.getState().lastRejection?.message).toContain('the-weather');
    expect(people(game).statements).toEqual([]);
    expect(game.getState().sim.state.budgetKES).toBe(BUDGET);
  });
});
