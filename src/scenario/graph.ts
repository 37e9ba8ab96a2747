/**
 * Dependency order: dependencies before dependants (health flows that way; load flows the other way, so the
 * engine walks the order backwards for it). Deterministic: ties are broken by declaration order.
 */
import type { DependencyDef } from '../engine/types';

/**
 * Kahn's algorithm over all edges. If some services remain (a cycle), `onCycle` receives the edges of one
 * cycle, and those services are appended in declaration order so the result is still a permutation.
 */
export function topologicalOrder(
  count: number,
  edges: readonly DependencyDef[],
  onCycle: (cycleEdges: number[]) => void,
): number[] {
  const pending = new Array<number>(count).fill(0); // number of unresolved dependencies of each service
  const dependants: number[][] = Array.from({ length: count }, () => []);
  edges.forEach((e) => {
    pending[e.from]!++;
    dependants[e.to]!.push(e.from);
  });
  const ready: number[] = [];
  for (let s = 0; s < count; s++) if (pending[s] === 0) ready.push(s);
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const s = ready.shift()!;
    order.push(s);
    for (const d of dependants[s]!) if (--pending[d]! === 0) ready.push(d);
  }
  if (order.length < count) {
    onCycle(findCycle(count, edges, pending));
    for (let s = 0; s < count; s++) if (!order.includes(s)) order.push(s);
  }
  return order;
}

/** One cycle among the services still pending, as edge indices in order. */
function findCycle(count: number, edges: readonly DependencyDef[], pending: number[]): number[] {
  const outgoing: number[][] = Array.from({ length: count }, () => []);
  edges.forEach((e, i) => {
    if (pending[e.from]! > 0 && pending[e.to]! > 0) outgoing[e.from]!.push(i);
  });
  const start = pending.findIndex((p) => p > 0);
  const visitedAt = new Map<number, number>();
  const path: number[] = [];
  let s = start;
  while (!visitedAt.has(s)) {
    visitedAt.set(s, path.length);
    const e = outgoing[s]![0];
    if (e === undefined) return path;
    path.push(e);
    s = edges[e]!.to;
  }
  return path.slice(visitedAt.get(s));
}
