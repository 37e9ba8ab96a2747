/**
 * Which share of each service's requests crosses a given service on the way down its dependencies. A
 * geo-block at the portal also turns away the foreign travellers whose e-visa requests go through the portal:
 * the block sees where a request comes from, not which front door it used.
 */
import type { Scenario } from './types';

/**
 * For every service, the largest share of its requests that reaches `to`: 1 for `to` itself; through a
 * dependency, the dependency's `share` (infrastructure carries every request), multiplied along the path.
 * The graph is a DAG (the loader rejects cycles). Memoised, so O(services + dependencies); it runs only when
 * the mitigations change, never per tick.
 */
export function sharesReaching(scenario: Scenario, to: number): Float64Array {
  const n = scenario.services.length;
  const out = new Float64Array(n);
  const done = new Uint8Array(n);
  const byFrom: number[][] = Array.from({ length: n }, () => []);
  scenario.dependencies.forEach((d, i) => byFrom[d.from]!.push(i));
  const visit = (s: number): number => {
    if (done[s]) return out[s]!;
    done[s] = 1; // a cycle (never in a loaded scenario) would read 0 rather than recurse forever
    let best = s === to ? 1 : 0;
    for (const i of byFrom[s]!) {
      if (best >= 1) break;
      const dep = scenario.dependencies[i]!;
      const own = dep.carriesArrivals ? 1 : dep.share;
      if (own > best) best = Math.max(best, own * visit(dep.to));
    }
    out[s] = best;
    return best;
  };
  for (let s = 0; s < n; s++) visit(s);
  return out;
}
