/**
 * The two windows of a drill in a room talk over one BroadcastChannel (same browser, same origin, no server):
 * the GAME window (the projector) owns the drill and sends the console what it shows; the CONSOLE window sends
 * commands back and gets the engine's answer. Nothing else crosses: the console never holds a simulation.
 *
 * Messages are checked on arrival (another page of the same origin could post anything); a command is then
 * checked again by the engine like every command.
 */
import type { ApplyResult, Command } from '../../engine';
import type { FacilitatorView } from '../../store/facilitatorView';

export const CHANNEL_NAME = 'cascade-facilitator';
/** The fragment that opens the console instead of the game. */
export const CONSOLE_FRAGMENT = '#facilitator';

/** Game → console. `view` is null when no drill is running (the menu, the debrief of another). */
export type ToConsole =
  /** A game window (re)loaded: an open console says hello again. */
  | { kind: 'ready' }
  | { kind: 'view'; view: FacilitatorView | null }
  | { kind: 'result'; id: string; result: ApplyResult };

/** Console → game. Views are sent only once a console has said hello (no console, no work). */
export type ToGame = { kind: 'hello' } | { kind: 'command'; id: string; cmd: Command };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export function asToGame(data: unknown): ToGame | null {
  if (!isRecord(data)) return null;
  if (data.kind === 'hello') return { kind: 'hello' };
  if (data.kind === 'command' && typeof data.id === 'string' && isRecord(data.cmd))
    return { kind: 'command', id: data.id, cmd: data.cmd as Command };
  return null;
}

export function asToConsole(data: unknown): ToConsole | null {
  if (!isRecord(data)) return null;
  if (data.kind === 'ready') return { kind: 'ready' };
  if (data.kind === 'view' && (data.view === null || isRecord(data.view)))
    return { kind: 'view', view: data.view as FacilitatorView | null };
  if (data.kind === 'result' && typeof data.id === 'string' && isRecord(data.result))
    return { kind: 'result', id: data.id, result: data.result as ApplyResult };
  return null;
}

/** The part of BroadcastChannel used here (tests pass a pair of linked fakes). */
export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** The console's address: this page with the facilitator fragment (flags such as ?test=1 kept). */
export function consoleUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  return `${location.pathname}${location.search}${CONSOLE_FRAGMENT}`;
}
