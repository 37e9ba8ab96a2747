/** The bounded event log inside the state (what the feed and the debrief timeline read). */
import { dropOldest } from './bounded';
import type { LogEntry, SimState } from './types';

export const LOG_LIMIT = 400;

export function pushLog(state: SimState, kind: LogEntry['kind'], text: string, service: number): void {
  state.log.push({ tick: state.tick, kind, text, service });
  const dropped = dropOldest(state.log, LOG_LIMIT, (e) => e.kind, state.logDropped);
  if (dropped) state.logDropped = dropped;
}
