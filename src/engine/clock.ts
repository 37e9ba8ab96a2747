/**
 * How simulated time is written wherever a moment of the drill is named (log lines, claims, the report, the
 * replay banner, saves, the command line): "T+01:23", hours and minutes since the drill started. One function,
 * so every place that says "at T+00:47" means the same minute.
 */

/** "T+01:23": the whole minutes of simulated time at `tick` (ticks are seconds), as hours:minutes. */
export function elapsedClock(tick: number): string {
  const minutes = Math.floor(Math.max(0, tick) / 60);
  return `T+${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
