// "Did you mean …?" hints for scenario authors. Shared by the expression
// compiler and the scenario validator (validate.ts, build.ts), so it lives outside expr/.
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, or undefined when nothing is close enough
 * to be a plausible typo.
 *
 * - An exact match wins, then a case-insensitive one (`Wallet` -> `wallet`).
 * - Otherwise the smallest edit distance (compared case-insensitively) wins,
 *   provided it is <= max(2, floor(word.length / 3)); ties go to the earlier
 *   candidate so the answer is deterministic.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0) return undefined; // an empty word would "match" every short name
  if (candidates.includes(word)) return word;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
