/**
 * The facilitator's commands (types in ./facilitatorTypes.ts): parsed from untrusted data like every command,
 * checked against the scenario and the state, applied or rejected with a code. Also the two hooks the script
 * (./injects.ts) asks before an inject fires: is it held back or skipped, and has its text been reworded.
 */
import { fireInject, postFeed } from './injects';
import { pushLog } from './log';
import type { Sim } from './sim';
import {
  ROOM_SPEEDS,
  type AskedQuestion,
  type FacilitatorCommand,
  type FacilitatorState,
} from './facilitatorTypes';
import type { ApplyResult, Effect, FeedChannel, RejectionCode, SimState } from './types';

/** Longest text the facilitator can write in one go (a feed item, a reworded inject, a note). */
export const MAX_FACILITATOR_TEXT = 500;
/** Longest sender name for a feed item. */
export const MAX_FROM = 60;
/** At most this many notes in one drill (the state stays small enough to save and share). */
export const MAX_ANNOTATIONS = 200;
/** At most this many questions to the team in one drill, each with at most this many answers. */
export const MAX_QUESTIONS = 50;
export const MAX_ANSWERS = 4;
/** A question to the team stays open this long (simulated seconds), as a scenario's prompt does by default. */
export const ASK_TIMEOUT_TICKS = 10 * 60;

const FEED_CHANNELS: readonly FeedChannel[] = ['headline', 'social', 'stakeholder', 'official', 'ops'];

type Parsed = { ok: true; cmd: FacilitatorCommand } | { ok: false; code: RejectionCode; message: string };
type Fields = Record<string, unknown>;

const fail = (code: RejectionCode, message: string) => ({ ok: false, code, message }) as const;

/** The facilitator's command in `c`, or why it is not one; undefined if `c.type` is not a facilitator command. */
export function parseFacilitatorCommand(c: Fields): Parsed | undefined {
  switch (c.type) {
    case 'fire-inject':
    case 'hold-inject':
    case 'release-inject':
    case 'skip-inject':
      if (typeof c.inject !== 'string') return fail('cmd/unknown-inject', `no inject '${String(c.inject)}'`);
      return { ok: true, cmd: { type: c.type, inject: c.inject } };
    case 'edit-inject': {
      if (typeof c.inject !== 'string') return fail('cmd/unknown-inject', `no inject '${String(c.inject)}'`);
      if (typeof c.effect !== 'number' || !Number.isInteger(c.effect))
        return fail('cmd/not-editable', 'say which of the inject’s effects to reword (its index)');
      const text = checkText(c.text, MAX_FACILITATOR_TEXT);
      if (!text.ok) return text;
      return { ok: true, cmd: { type: 'edit-inject', inject: c.inject, effect: c.effect, text: text.text } };
    }
    case 'post': {
      if (!FEED_CHANNELS.includes(c.channel as FeedChannel))
        return fail('cmd/unknown-channel', `a feed channel is one of ${FEED_CHANNELS.join(', ')}`);
      const from = checkText(c.from, MAX_FROM);
      if (!from.ok) return from;
      const text = checkText(c.text, MAX_FACILITATOR_TEXT);
      if (!text.ok) return text;
      return {
        ok: true,
        cmd: { type: 'post', channel: c.channel as FeedChannel, from: from.text, text: text.text },
      };
    }
    case 'ask': {
      const from = checkText(c.from, MAX_FROM);
      if (!from.ok) return from;
      const text = checkText(c.text, MAX_FACILITATOR_TEXT);
      if (!text.ok) return text;
      if (!Array.isArray(c.answers) || c.answers.length < 2 || c.answers.length > MAX_ANSWERS)
        return fail('cmd/malformed', `a question needs 2 to ${MAX_ANSWERS} answers`);
      const answers: string[] = [];
      for (const raw of c.answers as unknown[]) {
        const answer = checkText(raw, MAX_FROM);
        if (!answer.ok) return answer;
        if (answers.includes(answer.text))
          return fail('cmd/malformed', `the answer '${answer.text}' is there twice`);
        answers.push(answer.text);
      }
      return { ok: true, cmd: { type: 'ask', from: from.text, text: text.text, answers } };
    }
    case 'annotate': {
      const text = checkText(c.text, MAX_FACILITATOR_TEXT);
      if (!text.ok) return text;
      return { ok: true, cmd: { type: 'annotate', text: text.text } };
    }
    case 'room': {
      if (c.action === 'pause' || c.action === 'resume')
        return { ok: true, cmd: { type: 'room', action: c.action } };
      if (c.action === 'speed' && ROOM_SPEEDS.includes(c.speed as (typeof ROOM_SPEEDS)[number]))
        return {
          ok: true,
          cmd: { type: 'room', action: 'speed', speed: c.speed as (typeof ROOM_SPEEDS)[number] },
        };
      return fail(
        'cmd/malformed',
        `the room's clock takes pause, resume, or speed ${ROOM_SPEEDS.join(', ')}`,
      );
    }
    default:
      return undefined;
  }
}

function checkText(
  x: unknown,
  max: number,
): { ok: true; text: string } | { ok: false; code: RejectionCode; message: string } {
  const text = typeof x === 'string' ? x.trim() : '';
  if (text === '') return fail('cmd/empty-text', 'write something first: the text is empty');
  if (text.length > max) return fail('cmd/too-long', `at most ${max} characters (this is ${text.length})`);
  return { ok: true, text };
}

function reject(code: RejectionCode, message: string): ApplyResult {
  return { ok: false, code, message };
}

/** The facilitator's part of the state, created on first use. */
function facilitatorOf(state: SimState): FacilitatorState {
  state.facilitator ??= { held: [], pending: [], skipped: [], edits: [], annotations: [] };
  return state.facilitator;
}

function addSorted(list: number[], value: number): void {
  if (list.includes(value)) return;
  list.push(value);
  list.sort((a, b) => a - b);
}

function remove(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
}

export function applyFacilitatorCommand(sim: Sim, cmd: FacilitatorCommand): ApplyResult {
  switch (cmd.type) {
    case 'fire-inject':
    case 'hold-inject':
    case 'release-inject':
    case 'skip-inject':
    case 'edit-inject':
      return injectCommand(sim, cmd);
    case 'post': {
      postFeed(sim, cmd.channel, cmd.from, cmd.text, 'posted by the facilitator');
      pushLog(sim.state, 'command', `facilitator posted to ${cmd.channel}: ${cmd.text}`, -1);
      return { ok: true };
    }
    case 'ask': {
      const f = facilitatorOf(sim.state);
      const asked = (f.asked ??= []);
      if (asked.length >= MAX_QUESTIONS)
        return reject('cmd/limit-reached', `at most ${MAX_QUESTIONS} questions in one drill`);
      const id = `ask-${asked.length + 1}`;
      const tick = sim.state.tick;
      asked.push({
        id,
        tick,
        deadlineTick: tick + ASK_TIMEOUT_TICKS,
        from: cmd.from,
        text: cmd.text,
        answers: cmd.answers,
        answer: -1,
      });
      postFeed(sim, 'stakeholder', cmd.from, cmd.text, 'a question from the facilitator');
      pushLog(sim.state, 'command', `facilitator asked (${id}): ${cmd.text}`, -1);
      return { ok: true };
    }
    case 'annotate': {
      const f = facilitatorOf(sim.state);
      if (f.annotations.length >= MAX_ANNOTATIONS)
        return reject('cmd/limit-reached', `at most ${MAX_ANNOTATIONS} notes in one drill`);
      f.annotations.push({ tick: sim.state.tick, text: cmd.text });
      // Logged as a command: the report and the debrief list notes from the state, once.
      pushLog(sim.state, 'command', `Facilitator’s note: ${cmd.text}`, -1);
      return { ok: true };
    }
    case 'room':
      pushLog(
        sim.state,
        'command',
        cmd.action === 'speed' ? `facilitator set the speed to ${cmd.speed}×` : `facilitator: ${cmd.action}`,
        -1,
      );
      return { ok: true };
  }
}

type InjectCommand = Extract<FacilitatorCommand, { inject: string }>;

function injectCommand(sim: Sim, cmd: InjectCommand): ApplyResult {
  const { scenario, state } = sim;
  const index = scenario.injects.findIndex((d) => d.id === cmd.inject);
  if (index < 0) return reject('cmd/unknown-inject', `no inject '${cmd.inject}' in this scenario`);
  const def = scenario.injects[index]!;
  const st = state.injects[index]!;
  if (state.facilitator?.skipped.includes(index))
    return reject('cmd/inject-skipped', `'${def.id}' was skipped; it will not fire`);
  if (st.fired >= def.times)
    return reject(
      'cmd/inject-spent',
      def.times === 1 ? `'${def.id}' has already fired` : `'${def.id}' has already fired ${def.times} times`,
    );
  const f = facilitatorOf(state);
  switch (cmd.type) {
    case 'fire-inject':
      remove(f.held, index);
      remove(f.pending, index);
      fireInject(sim, index, 'fired by the facilitator');
      return { ok: true };
    case 'hold-inject':
      if (f.held.includes(index)) return reject('cmd/already-held', `'${def.id}' is already held`);
      addSorted(f.held, index);
      pushLog(state, 'command', `facilitator held inject '${def.id}'`, -1);
      return { ok: true };
    case 'release-inject': {
      if (!f.held.includes(index)) return reject('cmd/not-held', `'${def.id}' is not held`);
      remove(f.held, index);
      pushLog(state, 'command', `facilitator released inject '${def.id}'`, -1);
      if (f.pending.includes(index)) {
        remove(f.pending, index);
        fireInject(sim, index, 'released by the facilitator after it came due');
      }
      return { ok: true };
    }
    case 'skip-inject':
      remove(f.held, index);
      remove(f.pending, index);
      addSorted(f.skipped, index);
      pushLog(state, 'command', `facilitator skipped inject '${def.id}'`, -1);
      return { ok: true };
    case 'edit-inject': {
      const effect = def.effects[cmd.effect];
      if (!effect || (effect.type !== 'feed' && effect.type !== 'prompt'))
        return reject('cmd/not-editable', `effect ${cmd.effect} of '${def.id}' has no text to reword`);
      const at = f.edits.findIndex((e) => e.inject === index && e.effect === cmd.effect);
      if (at >= 0) f.edits[at]!.text = cmd.text;
      else {
        f.edits.push({ inject: index, effect: cmd.effect, text: cmd.text });
        f.edits.sort((a, b) => a.inject - b.inject || a.effect - b.effect);
      }
      pushLog(state, 'command', `facilitator reworded inject '${def.id}'`, -1);
      return { ok: true };
    }
  }
}

/**
 * Called by `answer` (./commands.ts) first: the answer to one of the facilitator's questions, or undefined if
 * the command names no question of theirs (then it is a scenario prompt's answer).
 */
export function answerAsked(sim: Sim, cmd: { inject: string; option: string }): ApplyResult | undefined {
  const q = sim.state.facilitator?.asked?.find((a) => a.id === cmd.inject);
  if (!q) return undefined;
  if (q.answer >= 0) return reject('cmd/no-such-prompt', `the question '${q.id}' has been answered`);
  const answer = q.answers.indexOf(cmd.option);
  if (answer < 0)
    return { ok: false, code: 'cmd/unknown-option', message: `the question has no answer '${cmd.option}'` };
  settle(sim, q, answer, 'answered');
  return { ok: true };
}

/** Called once a tick with the script's own prompts: an unanswered question takes its last answer. */
export function expireAsked(sim: Sim): void {
  for (const q of sim.state.facilitator?.asked ?? [])
    if (q.answer < 0 && sim.state.tick >= q.deadlineTick)
      settle(sim, q, q.answers.length - 1, 'no answer in time: the last one');
}

function settle(sim: Sim, q: AskedQuestion, answer: number, why: string): void {
  q.answer = answer;
  pushLog(sim.state, 'inject', `the team's answer to “${q.text}”: ${q.answers[answer]} (${why})`, -1);
}

/**
 * Asked by the script before an inject fires: true if the facilitator keeps it back. A held inject that comes
 * due is remembered, and fires when released.
 */
export function heldBack(sim: Sim, index: number): boolean {
  const f = sim.state.facilitator;
  if (!f) return false;
  if (f.skipped.includes(index)) return true;
  if (!f.held.includes(index)) return false;
  if (!f.pending.includes(index)) {
    addSorted(f.pending, index);
    pushLog(sim.state, 'inject', `inject '${sim.scenario.injects[index]!.id}' came due while held`, -1);
  }
  return true;
}

/** The effect as it will happen: with the facilitator's words if they reworded it. */
export function asEdited(state: SimState, inject: number, effectIndex: number, effect: Effect): Effect {
  const text = editedText(state, inject, effectIndex);
  if (text === undefined || (effect.type !== 'feed' && effect.type !== 'prompt')) return effect;
  return { ...effect, text };
}

/** The facilitator's words for an inject's effect, if they reworded it. */
export function editedText(
  state: { readonly facilitator?: { readonly edits: readonly InjectEditLike[] } },
  inject: number,
  effectIndex: number,
): string | undefined {
  return state.facilitator?.edits.find((e) => e.inject === inject && e.effect === effectIndex)?.text;
}

interface InjectEditLike {
  readonly inject: number;
  readonly effect: number;
  readonly text: string;
}
