/**
 * Timing and a result sink shared by the engine benchmarks. Every timed region feeds a value derived from its
 * result into `keep`, and the suite prints the total: work whose result is observable cannot be eliminated.
 */
let total = 0;

export function keep(value: number): void {
  total += value;
}

export function checksum(): number {
  return total;
}

export interface Sample {
  /** Wall milliseconds (performance.now: microsecond resolution in Node). */
  wall: number;
  /**
   * CPU milliseconds of this process (user + system, all threads) over the same region. On a machine shared
   * with other work, wall time also counts the time the process waited for a core; CPU time does not.
   */
  cpu: number;
}

export function measure(fn: () => void): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}
