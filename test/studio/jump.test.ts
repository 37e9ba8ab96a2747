import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { step } from '../../src/engine';
import { compile } from '../../src/scenario';
import { fastForward } from '../../src/store/recording';
import { fireTickOf, parseJumpTime } from '../../src/studio/jump';

const tutorial = compile(
  readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8'),
  'tutorial.yaml',
).scenario!;
const FOUR_HOURS = 4 * 3600;

describe('parseJumpTime', () => {
  it('reads T+h:mm as the game writes times, and durations as scenario files do', () => {
    expect(parseJumpTime('T+1:00', FOUR_HOURS)).toEqual({ ok: true, tick: 3600 });
    expect(parseJumpTime('T+01:30', FOUR_HOURS)).toEqual({ ok: true, tick: 5400 });
    expect(parseJumpTime(' 0:05 ', FOUR_HOURS)).toEqual({ ok: true, tick: 300 });
    expect(parseJumpTime('1:00:30', FOUR_HOURS)).toEqual({ ok: true, tick: 3630 });
    expect(parseJumpTime('90m', FOUR_HOURS)).toEqual({ ok: true, tick: 5400 });
    expect(parseJumpTime('1h30m', FOUR_HOURS)).toEqual({ ok: true, tick: 5400 });
    expect(parseJumpTime('T+45s', FOUR_HOURS)).toEqual({ ok: true, tick: 45 });
  });

  it('refuses what is not a time, and times past the end, saying what to write', () => {
    const bare = parseJumpTime('90', FOUR_HOURS);
    expect(bare.ok).toBe(false);
    expect(!bare.ok && bare.error).toMatch(/T\+h:mm/);
    expect(parseJumpTime('soon', FOUR_HOURS).ok).toBe(false);
    expect(parseJumpTime('1:75', FOUR_HOURS).ok).toBe(false);
    const late = parseJumpTime('T+5:00', FOUR_HOURS);
    expect(!late.ok && late.error).toBe('T+05:00 is past the end of the drill (it lasts until T+04:00).');
    expect(parseJumpTime('T+4:00', FOUR_HOURS)).toEqual({ ok: true, tick: FOUR_HOURS });
  });
});

describe('fireTickOf: play from an inject', () => {
  it('finds the tick whose step fires a timed inject: a drill rebuilt to it is one step before', () => {
    const found = fireTickOf(tutorial, '1', [], 'flood-starts');
    expect(found).toEqual({ fires: true, tick: 90 });
    const index = tutorial.injects.findIndex((i) => i.id === 'flood-starts');
    const { sim } = fastForward(tutorial, '1', [], 90);
    expect(sim.state.injects[index]!.fired).toBe(0);
    step(sim);
    expect(sim.state.injects[index]!.fired).toBe(1);
  });

  it('follows the commands: an inject triggered by an order fires only when it is given', () => {
    expect(fireTickOf(tutorial, '1', [], 'rate-limit-ordered').fires).toBe(false);
    const log = [
      { tick: 200, cmd: { type: 'mitigate' as const, mitigation: 'rate-limit', target: 'portal' } },
    ];
    expect(fireTickOf(tutorial, '1', log, 'rate-limit-ordered')).toEqual({ fires: true, tick: 200 });
  });

  it('says so for an unknown inject', () => {
    expect(fireTickOf(tutorial, '1', [], 'nope')).toMatchObject({
      fires: false,
      reason: 'there is no inject “nope”',
    });
  });
});

describe('the blank template', () => {
  it('compiles without errors and lasts the two hours it says', async () => {
    const { BLANK_TEMPLATE, BLANK_FILE_NAME } = await import('../../src/studio/template');
    const { scenario, diagnostics } = compile(BLANK_TEMPLATE, BLANK_FILE_NAME);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(scenario?.durationTicks).toBe(7200);
  });
});
