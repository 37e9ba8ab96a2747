/** The bounded event log inside the state (what the feed and the debrief timeline read). */
import type { LogEntry, SimState } from './types';

export const LOG_LIMIT = 400;

export function pushLog(state: SimState, kind: LogEntry['kind'], text: string, service: number): void {
  state.log.push({ tick: state.tick, kind, text, service });
  if (state.log.length > LOG_LIMIT) state.log.splice(0, state.log.length - LOG_LIMIT);
}
