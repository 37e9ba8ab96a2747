/**
 * The game clock: a pure accumulator that turns real frame time into whole simulated ticks.
 *
 * THE MAPPING. One tick is one simulated second. At 1× the drill runs at 6 simulated seconds per real second
 * (one simulated minute every 10 real seconds): the default four-hour drill lasts 40 minutes at 1×, 20 at 2×,
 * 10 at 4× and 5 at 8× — slow enough at 1× for a team to talk, fast enough at 8× to skip a quiet hour.
 * A real-time 1× (1 tick per second) would make a four-hour drill take four hours.
 *
 * CATCH-UP CAP. A frame longer than 250 ms (a background tab, a debugger pause, a slow machine) counts as
 * 250 ms: the simulation slows down rather than jumping ahead in one lump the players never saw.
 *
 * The fractional remainder (`carry`, in ticks) is kept between frames, so 60 frames of 16.67 ms at 1× make
 * exactly 6 ticks, whatever the frame rate: speed never depends on fps.
 */

/** Simulated seconds (ticks) per real second at 1×. */
export const TICKS_PER_SECOND_AT_1X = 6;

/** The speeds the player can choose (keys 1–4). */
export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Longest real frame that counts in full; longer frames count as this long. */
export const MAX_FRAME_MS = 250;

/** Rounding slack: 0.1 + 0.2 + ... must not lose a tick to floating-point error. */
const EPSILON = 1e-9;

export interface ClockResult {
  /** Whole ticks to step this frame. */
  ticks: number;
  /** Fraction of a tick carried to the next frame, in [0, 1). */
  carry: number;
}

/**
 * Whole ticks for one frame of `dtMs` real milliseconds at `ticksPerSecond`, plus the new carry.
 * Negative, NaN or infinite frame times count as 0 (a clock that jumps backwards must not run the sim backwards).
 */
export function advanceClock(
  carry: number,
  dtMs: number,
  ticksPerSecond: number,
  maxFrameMs = MAX_FRAME_MS,
): ClockResult {
  const dt = Number.isFinite(dtMs) && dtMs > 0 ? Math.min(dtMs, maxFrameMs) : 0;
  const rate = Number.isFinite(ticksPerSecond) && ticksPerSecond > 0 ? ticksPerSecond : 0;
  const total = (Number.isFinite(carry) && carry > 0 ? carry : 0) + (dt * rate) / 1000;
  const ticks = Math.floor(total + EPSILON);
  return { ticks, carry: Math.max(0, total - ticks) };
}

/** Ticks per real second at `speed`, times `rateScale` (1 in play; larger only with the test flag ?fast=N). */
export function ticksPerSecond(speed: Speed, rateScale = 1): number {
  return TICKS_PER_SECOND_AT_1X * speed * rateScale;
}

export function isSpeed(value: unknown): value is Speed {
  return (SPEEDS as readonly unknown[]).includes(value);
}
