/**
 * What the facilitator's console shows, as plain JSON (it crosses a BroadcastChannel from the game window):
 * the script's injects with their triggers and what the facilitator did to them, the hidden truth, the score's
 * live components, the notes taken. Pure: a function of (scenario, state, the room's clock).
 *
 * FACILITATOR ONLY. Everything here may be secret from the room (what comes next, the real cause): the game
 * window builds it only to send it to the console and never renders it.
 */
import {
  editedText,
  SCORE_LABELS,
  scoreParts,
  type Cause,
  type InjectDef,
  type Scenario,
  type ScoringWeights,
  type SimState,
} from '../engine';
import type { DeepReadonly } from './gameStore';
import { durationLabel, elapsedLabel } from './format';
import { injectName } from '../run/facilitatorWords';

export type InjectStatus = 'upcoming' | 'held' | 'due-while-held' | 'skipped' | 'fired';

export interface TextEffectView {
  /** Index among the inject's effects (what `edit-inject` names). */
  effect: number;
  kind: 'feed' | 'prompt';
  from: string;
  text: string;
  edited: boolean;
}

export interface InjectView {
  id: string;
  /** Who speaks in it and what they say (how the debrief names it). */
  name: string;
  /** The author's id in words ("hacktivist claim"): a short handle for the console's rows. */
  label: string;
  /** "at T+00:25", "when service("wallet").down", "after Rate limit on Portal", "follow-up of another inject". */
  trigger: string;
  /** For time triggers: the tick it fires at (-1 otherwise); the list is sorted by it. */
  atTick: number;
  status: InjectStatus;
  fired: number;
  times: number;
  /** What it does besides text: "attack start", "budget", ... (the room never sees this list). */
  does: string[];
  texts: TextEffectView[];
}

export interface ScoreComponentView {
  id: keyof ScoringWeights;
  label: string;
  /** Points this component adds to the total now. */
  points: number;
  /** Most it can add (its weight share of 100). */
  max: number;
}

export interface FacilitatorView {
  scenarioTitle: string;
  seed: string;
  tick: number;
  clock: string;
  durationTicks: number;
  paused: boolean;
  speed: number;
  waitingForAnswer: boolean;
  ended: boolean;
  injects: InjectView[];
  truth: { sentence: string; revealed: boolean };
  score: { total: number; components: ScoreComponentView[] };
  annotations: { tick: number; time: string; text: string }[];
  /** Questions put to the team, with the answer given (null while open). */
  questions: { id: string; time: string; text: string; answers: string[]; answer: string | null }[];
  /** How many commands are in the log (the console shows it: everything it does is one). */
  commands: number;
}

export interface RoomClock {
  paused: boolean;
  speed: number;
  waitingForAnswer: boolean;
  ended: boolean;
  commands: number;
}

const CAUSE_WORDS: Record<Cause, string> = {
  'cyber-attack': 'a cyber attack',
  glitch: 'a technical glitch',
  maintenance: 'scheduled maintenance',
  investigating: 'not known yet',
};

/** The hidden truth in one sentence (the console shows it; the room must never see it). */
export function truthSentence(scenario: Scenario): string {
  const t = scenario.people.truth;
  const when =
    t.revealTick >= 0
      ? `It comes out at ${elapsedLabel(t.revealTick)}.`
      : 'It does not come out during the drill.';
  return `The real cause is ${CAUSE_WORDS[t.cause]}; customer data is ${t.dataSafe ? 'safe' : 'NOT safe'}. ${when}`;
}

function triggerWords(scenario: Scenario, def: InjectDef): string {
  let words: string;
  if (def.followUpOnly) words = 'only as a follow-up of another inject';
  else if (def.atTick >= 0) words = `at ${elapsedLabel(def.atTick)}`;
  else if (def.afterMitigation >= 0) {
    const m = scenario.mitigations[def.afterMitigation]?.name ?? 'an order';
    const on = def.afterTarget >= 0 ? ` on ${scenario.services[def.afterTarget]?.name ?? 'a service'}` : '';
    words = `after the team orders ${m}${on}`;
  } else if (def.condition) words = `when ${def.conditionSource}`;
  else if (def.chance >= 0)
    words = `by chance: ${Math.round(def.chance * 100)} % every ${durationLabel(def.everyTicks)}`;
  else words = 'never on its own';
  if (def.notBeforeTick > 0) words += `, not before ${elapsedLabel(def.notBeforeTick)}`;
  if (def.times > 1) words += `, up to ${def.times} times`;
  return words;
}

function statusOf(state: DeepReadonly<SimState>, index: number, def: InjectDef): InjectStatus {
  const f = state.facilitator;
  if (f?.skipped.includes(index)) return 'skipped';
  if (state.injects[index]!.fired >= def.times) return 'fired';
  if (f?.pending.includes(index)) return 'due-while-held';
  if (f?.held.includes(index)) return 'held';
  return 'upcoming';
}

export function injectViews(scenario: Scenario, state: DeepReadonly<SimState>): InjectView[] {
  const views = scenario.injects.map((def, index): InjectView => {
    const texts: TextEffectView[] = [];
    const does: string[] = [];
    def.effects.forEach((effect, e) => {
      if (effect.type === 'feed' || effect.type === 'prompt') {
        const edited = editedText(state, index, e);
        texts.push({
          effect: e,
          kind: effect.type,
          from: effect.from,
          text: edited ?? effect.text,
          edited: !!edited,
        });
      } else if (effect.type === 'attack') does.push(`attack ${effect.action}`);
      else if (effect.type === 'fire')
        does.push(`then: ${injectName(scenario, scenario.injects[effect.inject]?.id ?? '', state)}`);
      else does.push(effect.type);
    });
    return {
      id: def.id,
      name: injectName(scenario, def.id, state),
      label: def.id.replace(/[-_]+/g, ' '),
      trigger: triggerWords(scenario, def),
      atTick: def.atTick,
      status: statusOf(state, index, def),
      fired: state.injects[index]!.fired,
      times: def.times,
      does,
      texts,
    };
  });
  // Timed injects in time order, then the others in the author's order (a stable sort keeps it).
  const key = (v: InjectView) => (v.atTick >= 0 ? v.atTick : Number.MAX_SAFE_INTEGER);
  return views.sort((a, b) => key(a) - key(b));
}

export function facilitatorView(
  scenario: Scenario,
  state: DeepReadonly<SimState>,
  room: RoomClock,
): FacilitatorView {
  const parts = scoreParts(scenario, state);
  const w = scenario.scoring;
  const ids = Object.keys(SCORE_LABELS) as (keyof ScoringWeights)[];
  const weightSum = ids.reduce((sum, id) => sum + w[id], 0) || 1;
  return {
    scenarioTitle: scenario.meta.title,
    seed: state.seed,
    tick: state.tick,
    clock: elapsedLabel(state.tick),
    durationTicks: scenario.durationTicks,
    ...room,
    injects: injectViews(scenario, state),
    truth: { sentence: truthSentence(scenario), revealed: state.people.revealed },
    score: {
      total: parts.total,
      components: ids.map((id) => ({
        id,
        label: SCORE_LABELS[id],
        points: parts.points[id],
        max: (100 * w[id]) / weightSum,
      })),
    },
    questions: (state.facilitator?.asked ?? []).map((q) => ({
      id: q.id,
      time: elapsedLabel(q.tick),
      text: q.text,
      answers: [...q.answers],
      answer: q.answer >= 0 ? q.answers[q.answer]! : null,
    })),
    annotations: (state.facilitator?.annotations ?? []).map((a) => ({
      tick: a.tick,
      time: elapsedLabel(a.tick),
      text: a.text,
    })),
  };
}
