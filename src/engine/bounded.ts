/**
 * Bounded lists in the state (the log, the feed): the oldest items go once a list is over its limit, and what
 * went is summarised (a count per kind and the ticks they spanned), so a screen can say "N older items" and
 * what they were, and the state of a 24-hour drill stays the size of a short one.
 */
import type { DroppedSummary } from './types';

/**
 * Drops the oldest items of `list` (in place) until it holds `limit`, and returns `summary` with them counted
 * (a new summary when there was none and something was dropped; `summary` itself, untouched, when nothing was).
 */
export function dropOldest<T extends { tick: number }, K extends string>(
  list: T[],
  limit: number,
  kindOf: (item: T) => K,
  summary: DroppedSummary<K> | undefined,
): DroppedSummary<K> | undefined {
  if (list.length <= limit) return summary;
  const removed = list.splice(0, list.length - limit);
  const out: DroppedSummary<K> = summary ?? {
    count: 0,
    firstTick: removed[0]!.tick,
    lastTick: removed[0]!.tick,
    byKind: {},
  };
  for (const item of removed) {
    out.count++;
    // Items are appended in tick order, but a restored state is not trusted to be: keep the true range.
    out.firstTick = Math.min(out.firstTick, item.tick);
    out.lastTick = Math.max(out.lastTick, item.tick);
    const kind = kindOf(item);
    out.byKind[kind] = (out.byKind[kind] ?? 0) + 1;
  }
  return out;
}
