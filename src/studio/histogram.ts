/**
 * Score histograms for the studio's quick balance: the scores of several plays binned on one shared scale, so
 * the bars of do-nothing, expert and panic can be compared at a glance.
 */
export interface Histogram {
  /** Lower edge of the first bin and width of each bin (score points). */
  min: number;
  width: number;
  /** Per series, the count in each bin (same bins for every series). */
  counts: Record<string, number[]>;
  /** The largest count of any bin (the height of the tallest bar). */
  peak: number;
}

export function histogram(series: Record<string, readonly number[]>, bins: number): Histogram {
  const all = Object.values(series).flat();
  let min = all.length > 0 ? Math.min(...all) : 0;
  let max = all.length > 0 ? Math.max(...all) : 1;
  if (max - min < 1e-9) {
    // Every score equal (doing nothing everywhere): one visible bar in the middle.
    min -= 0.5;
    max += 0.5;
  }
  const width = (max - min) / bins;
  const counts: Record<string, number[]> = {};
  let peak = 0;
  for (const [name, values] of Object.entries(series)) {
    const row = new Array<number>(bins).fill(0);
    for (const v of values) {
      // The maximum belongs to the last bin, not to one past it.
      const i = Math.min(bins - 1, Math.floor((v - min) / width));
      row[i]!++;
    }
    counts[name] = row;
    peak = Math.max(peak, ...row);
  }
  return { min, width, counts, peak };
}
