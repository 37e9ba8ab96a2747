/**
 * The fuzzer's only source of randomness: seedrandom's alea, seeded per case with `${seed}:${index}`, so any
 * case can be regenerated on its own (a worker, the minimizer and a reproduction all rebuild the same case).
 */
import seedrandom from 'seedrandom';

export class Rand {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = seedrandom.alea(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Rand.pick from an empty list');
    return list[this.int(list.length)]!;
  }

  /** A seed string for a sub-generator (one per mutation step, so dropping a step leaves the others alone). */
  seed(): string {
    return this.int(2 ** 32).toString(36);
  }
}
