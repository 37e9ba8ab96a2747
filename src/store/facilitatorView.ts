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
  /** The same, as facts, for its words in the console's language (src/ui/console/consoleWords.ts). */
  triggerFacts: TriggerFacts;
  /** For time triggers: the tick it fires at (-1 otherwise); the list is sorted by it. */
  atTick: number;
  status: InjectStatus;
  fired: number;
  times: number;
  /** What it does besides text: "attack start", "budget", ... (the room never sees this list). */
  does: string[];
  /** The same, as facts. */
  doesFacts: DoesFact[];
  texts: TextEffectView[];
}

/** When an inject fires, as facts: times as the clock shows them ("T+0:25", "10m"), names the author's. */
export interface TriggerFacts {
  when:
    | { kind: 'followUp' | 'never' }
    | { kind: 'at'; at: string }
    | { kind: 'after'; mitigation?: string; service?: string; on: boolean }
    | { kind: 'condition'; condition: string }
    | { kind: 'chance'; percent: number; every: string };
  notBefore?: string;
  times: number;
}

/** What an inject does besides text, as facts. */
export type DoesFact =
  { kind: 'attack'; action: string } | { kind: 'then'; inject: string } | { kind: 'effect'; effect: string };

/** The hidden truth, as facts: the real cause, whether data is safe, when it comes out (or never). */
export interface TruthFacts {
  cause: Cause;
  dataSafe: boolean;
  revealAt?: string;
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
  truth: { sentence: string; revealed: boolean; facts: TruthFacts };
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

/** When an inject fires, as facts. */
function triggerFacts(scenario: Scenario, def: InjectDef): TriggerFacts {
  let when: TriggerFacts['when'];
  if (def.followUpOnly) when = { kind: 'followUp' };
  else if (def.atTick >= 0) when = { kind: 'at', at: elapsedLabel(def.atTick) };
  else if (def.afterMitigation >= 0)
    when = {
      kind: 'after',
      mitigation: scenario.mitigations[def.afterMitigation]?.name,
      on: def.afterTarget >= 0,
      service: def.afterTarget >= 0 ? scenario.services[def.afterTarget]?.name : undefined,
    };
  else if (def.condition) when = { kind: 'condition', condition: def.conditionSource };
  else if (def.chance >= 0)
    when = { kind: 'chance', percent: Math.round(def.chance * 100), every: durationLabel(def.everyTicks) };
  else when = { kind: 'never' };
  return {
    when,
    ...(def.notBeforeTick > 0 ? { notBefore: elapsedLabel(def.notBeforeTick) } : {}),
    times: def.times,
  };
}

/** When an inject fires, in English (InjectView.trigger). */
export function triggerInEnglish(f: TriggerFacts): string {
  const w = f.when;
  let words: string;
  if (w.kind === 'followUp') words = 'only as a follow-up of another inject';
  else if (w.kind === 'at') words = `at ${w.at}`;
  else if (w.kind === 'after')
    words = `after the team orders ${w.mitigation ?? 'an order'}${w.on ? ` on ${w.service ?? 'a service'}` : ''}`;
  else if (w.kind === 'condition') words = `when ${w.condition}`;
  else if (w.kind === 'chance') words = `by chance: ${w.percent} % every ${w.every}`;
  else words = 'never on its own';
  if (f.notBefore !== undefined) words += `, not before ${f.notBefore}`;
  if (f.times > 1) words += `, up to ${f.times} times`;
  return words;
}

/** What an inject does besides text, in English (InjectView.does). */
export function doesInEnglish(d: DoesFact): string {
  if (d.kind === 'attack') return `attack ${d.action}`;
  if (d.kind === 'then') return `then: ${d.inject}`;
  return d.effect;
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
    const does: DoesFact[] = [];
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
      } else if (effect.type === 'attack') does.push({ kind: 'attack', action: effect.action });
      else if (effect.type === 'fire')
        does.push({
          kind: 'then',
          inject: injectName(scenario, scenario.injects[effect.inject]?.id ?? '', state),
        });
      else does.push({ kind: 'effect', effect: effect.type });
    });
    const trigger = triggerFacts(scenario, def);
    return {
      id: def.id,
      name: injectName(scenario, def.id, state),
      label: def.id.replace(/[-_]+/g, ' '),
      trigger: triggerInEnglish(trigger),
      triggerFacts: trigger,
      atTick: def.atTick,
      status: statusOf(state, index, def),
      fired: state.injects[index]!.fired,
      times: def.times,
      does: does.map(doesInEnglish),
      doesFacts: does,
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
    truth: {
      sentence: truthSentence(scenario),
      revealed: state.people.revealed,
      facts: {
        cause: scenario.people.truth.cause,
        dataSafe: scenario.people.truth.dataSafe,
        ...(scenario.people.truth.revealTick >= 0
          ? { revealAt: elapsedLabel(scenario.people.truth.revealTick) }
          : {}),
      },
    },
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
