/**
 * Tutorial steps (scenarios/tutorial.yaml, `step:` on an inject): the live store holds the clock from the tick a
 * step fires until the trainee has done it, and the log of what they did replays to the same state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashState, run } from '../../src/engine';
import { compile } from '../../src/scenario';
import { createGameStore, type GameStore } from '../../src/store/gameStore';

const TUTORIAL = join(import.meta.dirname, '..', '..', 'scenarios', 'tutorial.yaml');
const scenario = compile(readFileSync(TUTORIAL, 'utf8'), 'tutorial.yaml').scenario!;
const SEED = 'steps-7';
const at = (id: string) => scenario.injects.find((d) => d.id === id)!.atTick;

function running(): GameStore {
  return createGameStore({ scenario, seed: SEED, startPaused: false, speed: 8 });
}

/** Frames of 100 ms until the clock stops advancing (held, waiting, ended) or `limit` frames have passed. */
function runUntilHeld(game: GameStore, limit = 2000): number {
  for (let i = 0; i < limit; i++) if (game.getState().frame(100) === 0) break;
  return game.getState().sim.state.tick;
}

describe('tutorial steps hold the live clock', () => {
  it('the tutorial declares its waiting steps, each with words, a control to point at, and what ends it', () => {
    const steps = scenario.injects
      .filter((d) => d.step)
      .map((d) => [d.id, d.step!.point, d.step!.until.kind]);
    expect(steps).toEqual([
      ['map-hint', 'map', 'select'],
      ['flood-starts', 'mitigations', 'order'],
      ['statement-hint', 'messages', 'statement'],
      ['workaround-hint', 'workarounds', 'announce'],
    ]);
    // The real tab names, not "Messaging".
    const words = scenario.injects.flatMap((d) =>
      d.effects.flatMap((e) => (e.type === 'feed' ? [e.text] : [])),
    );
    expect(words.join(' ')).not.toMatch(/Messaging/);
    expect(scenario.injects.find((d) => d.id === 'statement-hint')!.step!.text).toMatch(/the Messages tab/);
  });

  it('stops on the tick the step fires, and stays there however long the room takes', () => {
    const game = running();
    expect(runUntilHeld(game)).toBe(at('map-hint') + 1);
    expect(game.getState().step).toMatchObject({ injectId: 'map-hint', point: 'map', number: 1, of: 4 });
    for (let i = 0; i < 50; i++) expect(game.getState().frame(250)).toBe(0);
    expect(game.getState().sim.state.tick).toBe(at('map-hint') + 1);
  });

  it('selecting the service the step names lets the clock run on, to the next step', () => {
    const game = running();
    runUntilHeld(game);
    game.getState().select('edge'); // not the one asked for
    expect(game.getState().step?.injectId).toBe('map-hint');
    expect(game.getState().frame(100)).toBe(0);
    game.getState().select('portal');
    expect(game.getState().step).toBeNull();
    expect(game.getState().frame(100)).toBeGreaterThan(0);
    expect(runUntilHeld(game)).toBe(at('flood-starts') + 1);
    expect(game.getState().step?.injectId).toBe('flood-starts');
  });

  it('an order of the named mitigation on the named service ends the order step; another does not', () => {
    const game = running();
    runUntilHeld(game);
    game.getState().select('portal');
    runUntilHeld(game);
    expect(game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'edge' }).ok).toBe(
      true,
    );
    expect(game.getState().step?.injectId).toBe('flood-starts');
    expect(game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'portal' }).ok).toBe(
      true,
    );
    expect(game.getState().step).toBeNull();
  });

  it('a step already done when it fires never holds (the trainee was ahead of the script)', () => {
    const game = running();
    game.getState().select('portal'); // before the map step fires
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'portal' });
    expect(runUntilHeld(game)).toBe(at('statement-hint') + 1);
    expect(game.getState().step?.injectId).toBe('statement-hint');
  });

  it('the facilitator can skip a step; the clock runs on and the step does not come back', () => {
    const game = running();
    runUntilHeld(game);
    game.getState().skipStep!();
    expect(game.getState().step).toBeNull();
    expect(runUntilHeld(game)).toBe(at('flood-starts') + 1);
    expect(game.getState().step?.injectId).toBe('flood-starts');
  });

  it('a drill played through every step replays exactly from scenario + seed + command log', () => {
    const game = running();
    const s = () => game.getState();
    runUntilHeld(game);
    s().select('portal');
    runUntilHeld(game);
    s().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'portal' });
    runUntilHeld(game);
    expect(s().step?.injectId).toBe('statement-hint');
    s().issue({ type: 'statement', channel: 'social', languages: ['en'], blocks: [{ kind: 'acknowledge' }] });
    runUntilHeld(game);
    expect(s().step?.injectId).toBe('workaround-hint');
    s().issue({ type: 'workaround', workaround: 'use-ussd', action: 'announce' });
    // The regulator's decision stops the clock too: answer it, then run to the end.
    for (let guard = 0; guard < 10 && !s().ended; guard++) {
      runUntilHeld(game, 5000);
      if (s().waitingForAnswer) s().issue({ type: 'answer', inject: 'regulator-asks', option: 'brief-now' });
    }
    expect(s().ended).toBe(true);
    const log = s().log;
    // Every command was given while the clock held, on the tick it held at.
    expect(log.map((c) => [c.cmd.type, c.tick])).toEqual([
      ['mitigate', at('flood-starts') + 1],
      ['statement', at('statement-hint') + 1],
      ['workaround', at('workaround-hint') + 1],
      ['answer', at('regulator-asks') + 1],
    ]);
    const replayed = run(scenario, SEED, log);
    expect(hashState(replayed.state)).toBe(s().hash());
  });
});

describe('tutorial steps in a resumed drill', () => {
  it('a step got past before the save does not hold again; one the save was waiting on still does', () => {
    const game = running();
    runUntilHeld(game);
    game.getState().select('portal');
    runUntilHeld(game); // held at the order step
    const log = [...game.getState().log];
    const tick = game.getState().sim.state.tick;
    const resumed = createGameStore({
      scenario,
      seed: SEED,
      startPaused: false,
      speed: 8,
      history: { log, untilTick: tick, state: structuredClone(game.getState().sim.state) as never },
    });
    // Nothing is selected in the new page: the map step is not asked again, the order step still is.
    expect(resumed.getState().selected).toBeNull();
    expect(resumed.getState().step?.injectId).toBe('flood-starts');
    resumed.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'portal' });
    expect(resumed.getState().step).toBeNull();
    expect(resumed.getState().frame(100)).toBeGreaterThan(0);
  });
});
