/** Small statistics helpers for the benchmarks (samples are wall times in milliseconds). */

export function sorted(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** Linear-interpolated quantile, q in [0, 1] (q = 0.5 is the median). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const s = sorted(samples);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export interface Summary {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

export function summarise(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    median: median(samples),
    p90: quantile(samples, 0.9),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}
