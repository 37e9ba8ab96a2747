/**
 * The facilitator's commands and the state they leave (types only; facilitator.ts applies them).
 *
 * The facilitator steers the drill from a second window (src/ui/console): fire, hold, skip or reword an inject,
 * post to the feed, note a moment, pause the room. Each of those is a command in the log like a player's order,
 * so a replay or a share link reproduces the drill exactly, including what the facilitator did.
 */
import type { FeedChannel } from './types';

export type RoomAction = 'pause' | 'resume' | 'speed';

/** The speeds a room can run at (the store's SPEEDS; the engine does not import the store). */
export const ROOM_SPEEDS = [1, 2, 4, 8] as const;

export type FacilitatorCommand =
  /** Fire an inject now, whatever its trigger (a held one is released and fired). */
  | { type: 'fire-inject'; inject: string }
  /** Keep an inject from firing on its own trigger; if it comes due meanwhile it waits for the release. */
  | { type: 'hold-inject'; inject: string }
  /** Let a held inject go: if it came due while held, it fires now. */
  | { type: 'release-inject'; inject: string }
  /** The inject will not fire at all (not on its trigger, not as a follow-up). */
  | { type: 'skip-inject'; inject: string }
  /** New words for one of the inject's feed or prompt effects (its index among the inject's effects). */
  | { type: 'edit-inject'; inject: string; effect: number; text: string }
  /** A feed item the facilitator writes. */
  | { type: 'post'; channel: FeedChannel; from: string; text: string }
  /**
   * A decision put to the team, with 2–4 answers: it opens like a scenario's prompt (answered with `answer`,
   * inject = its id "ask-N", option = the answer's words); unanswered after ASK_TIMEOUT_TICKS, the last answer
   * is taken. It has no effect on the simulation: the answer goes on the timeline for the debrief.
   */
  | { type: 'ask'; from: string; text: string; answers: string[] }
  /** "Note this moment": a line on the timeline for the debrief and the report. */
  | { type: 'annotate'; text: string }
  /** The room's clock: pause, resume, or a speed (the store acts on it; the engine keeps it in the log). */
  | { type: 'room'; action: RoomAction; speed?: (typeof ROOM_SPEEDS)[number] };

export type FacilitatorRejectionCode =
  | 'cmd/unknown-inject'
  | 'cmd/inject-spent'
  | 'cmd/inject-skipped'
  | 'cmd/already-held'
  | 'cmd/not-held'
  | 'cmd/not-editable'
  | 'cmd/empty-text'
  | 'cmd/too-long'
  | 'cmd/limit-reached';

export interface InjectEdit {
  inject: number;
  /** Index among the inject's effects (a feed or a prompt). */
  effect: number;
  text: string;
}

/** A question the facilitator put to the team (`ask`). */
export interface AskedQuestion {
  /** "ask-1", "ask-2", ...: what an `answer` command names. */
  id: string;
  tick: number;
  deadlineTick: number;
  from: string;
  text: string;
  answers: string[];
  /** Index of the answer given (-1: still open). */
  answer: number;
}

export interface Annotation {
  tick: number;
  text: string;
}

/**
 * Present in the state only once the facilitator has done something (so runs without a facilitator keep the
 * state, and the hash, they always had). Index lists are kept sorted: the state hash must not depend on the
 * order in which things were held or skipped.
 */
export interface FacilitatorState {
  /** Injects held back (indices, sorted). */
  held: number[];
  /** Held injects whose trigger came while they were held: they fire when released (sorted). */
  pending: number[];
  /** Injects that will not fire (sorted). */
  skipped: number[];
  /** Reworded effects, one entry per (inject, effect), sorted by inject then effect. */
  edits: InjectEdit[];
  /** The facilitator's notes, in the order they were taken. */
  annotations: Annotation[];
  /** Questions put to the team, in the order they were asked (absent in states from before questions existed). */
  asked?: AskedQuestion[];
}
