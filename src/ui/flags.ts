/**
 * URL flags (read once at start-up).
 *
 *   ?seed=123          prefill the menu's seed field (otherwise a random concrete number is shown)
 *   ?scenario=<id>     preselect a shipped scenario (default: nairobi-ddos-2023)
 *   ?play              open straight into the City: start the (pre)selected shipped scenario with the seed as soon
 *                      as it is loaded, without the menu (a facilitator's link to a ready drill; it opens paused)
 *   ?fast or ?fast=N   TEST/DEMO ONLY: every speed runs N times faster (default 30: 8× becomes 1,440 simulated
 *                      seconds per real second, so the four-hour drill runs in ~10 s). The HUD says so.
 *   ?test=1            TEST ONLY: exposes a read-only hook on window.__cascade (see testHook.ts); the browser
 *                      tests read state through it but drive the game through the UI.
 */
export interface Flags {
  seed: string | null;
  scenario: string | null;
  rateScale: number;
  test: boolean;
  play: boolean;
}

export const DEFAULT_SCENARIO_ID = 'nairobi-ddos-2023';
const DEFAULT_FAST = 30;

export function readFlags(search: string): Flags {
  const params = new URLSearchParams(search);
  let rateScale = 1;
  if (params.has('fast')) {
    const n = Number(params.get('fast'));
    rateScale = Number.isFinite(n) && n >= 2 && n <= 1000 ? n : DEFAULT_FAST;
  }
  return {
    seed: params.get('seed'),
    scenario: params.get('scenario'),
    rateScale,
    test: params.get('test') === '1',
    play: params.has('play'),
  };
}

/** A concrete random seed for the menu's seed field (shown, so the run can be repeated). */
export function randomSeed(): string {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return String(100_000 + (buffer[0]! % 900_000));
}
