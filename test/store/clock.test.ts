import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceClock,
  MAX_FRAME_MS,
  SPEEDS,
  ticksPerSecond,
  TICKS_PER_SECOND_AT_1X,
} from '../../src/store/clock';

describe('clock: real frame time → whole ticks', () => {
  it('maps 1× to 6 simulated seconds per real second, and each speed to a multiple of it', () => {
    expect(TICKS_PER_SECOND_AT_1X).toBe(6);
    expect(SPEEDS.map((s) => ticksPerSecond(s))).toEqual([6, 12, 24, 48]);
    // The test flag ?fast=N multiplies every speed.
    expect(ticksPerSecond(8, 30)).toBe(1440);
  });

  it('steps 6 ticks for one real second at 1× (in frames under the cap)', () => {
    let carry = 0;
    let ticks = 0;
    for (let i = 0; i < 4; i++) {
      const r = advanceClock(carry, 250, 6);
      carry = r.carry;
      ticks += r.ticks;
    }
    expect(ticks).toBe(6);
    expect(carry).toBeCloseTo(0, 9);
  });

  it('60 frames of 1000/60 ms make exactly one real second: 6 ticks at 1×, 48 at 8×', () => {
    for (const [rate, expected] of [
      [6, 6],
      [48, 48],
    ] as const) {
      let carry = 0;
      let ticks = 0;
      for (let i = 0; i < 60; i++) {
        const r = advanceClock(carry, 1000 / 60, rate);
        carry = r.carry;
        ticks += r.ticks;
      }
      expect(ticks).toBe(expected);
    }
  });

  it('carries fractions: ten 16 ms frames at 1× (0.96 tick) step nothing, the eleventh steps one', () => {
    let carry = 0;
    for (let i = 0; i < 10; i++) {
      const r = advanceClock(carry, 16, 6);
      expect(r.ticks).toBe(0);
      carry = r.carry;
    }
    expect(carry).toBeCloseTo(0.96, 9);
    const r = advanceClock(carry, 16, 6);
    expect(r.ticks).toBe(1);
    expect(r.carry).toBeCloseTo(0.056, 9);
  });

  it(`caps a long frame at ${MAX_FRAME_MS} ms: 5 s at 8× counts as 250 ms = 12 ticks`, () => {
    expect(advanceClock(0, 5000, 48)).toEqual({ ticks: 12, carry: 0 });
    expect(advanceClock(0, 5000, 6)).toEqual({ ticks: 1, carry: 0.5 });
  });

  it('ignores negative, NaN and infinite frame times (the clock never runs backwards)', () => {
    for (const dt of [-100, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = advanceClock(0.5, dt, 48);
      expect(r.ticks).toBe(0);
      expect(r.carry).toBe(0.5);
    }
  });

  it('over any sequence of frames under the cap, ticks = floor(total time × rate)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: MAX_FRAME_MS }), { maxLength: 200 }),
        fc.constantFrom(...SPEEDS),
        (frames, speed) => {
          const rate = ticksPerSecond(speed);
          let carry = 0;
          let ticks = 0;
          for (const dt of frames) {
            const r = advanceClock(carry, dt, rate);
            expect(r.carry).toBeGreaterThanOrEqual(0);
            expect(r.carry).toBeLessThan(1);
            carry = r.carry;
            ticks += r.ticks;
          }
          const totalMs = frames.reduce((a, b) => a + b, 0);
          // Integer arithmetic for the expectation: ms × ticks/s ÷ 1000.
          expect(ticks).toBe(Math.floor((totalMs * rate) / 1000));
        },
      ),
    );
  });
});
