/**
 * Derived views over the published state, shared by the scenes and the DOM panels: the words for why a
 * service is in its state, the open decisions, orders in progress, the score breakdown, the debrief timeline.
 * Pure functions of (scenario, state): they read what the engine decided and decide nothing.
 */
import { editedText } from '../engine';
import type {
  ApplyResult,
  DependencyDef,
  LoggedCommand,
  MitigationDef,
  Scenario,
  ServiceDef,
  ServiceStatus,
  SimState,
} from '../engine';
import type { DeepReadonly } from './gameStore';
import { commandInWords } from '../run/words';
import { durationLabel, elapsedLabel, percentLabel, rpsLabel } from './format';

type State = DeepReadonly<SimState>;

// ---------------------------------------------------------------------------------------------
// Why a service is in its state
// ---------------------------------------------------------------------------------------------

export interface CauseStep {
  service: number;
  status: ServiceStatus;
  /** e.g. "degraded: upstream 'Operator internet edge' at 140 % capacity". */
  text: string;
  /** The same, as facts, for its words in the interface language (src/ui/causeWords.ts). */
  reason: CauseReason;
}

/** Why a service is in its state, as facts: shares 0–1, rates in requests per second, times in ticks. */
export type CauseReason =
  | { kind: 'overloaded'; offered: number }
  | { kind: 'attack'; share: number; rps: number }
  | { kind: 'retry-storm'; factor: number }
  | { kind: 'filtered' | 'failed' | 'restarting' | 'maintenance' | 'shed' | 'upstreamUnknown' }
  | { kind: 'upstream'; service: string; capacity: number }
  | { kind: 'restartsIn' | 'warming-up'; ticks: number }
  | { kind: 'serving'; availability: number }
  | { kind: 'status'; status: ServiceStatus };

function causeOf(scenario: Scenario, state: State, s: number): CauseReason {
  const st = state.services[s]!;
  const tick = state.tick;
  switch (st.cause) {
    case 'overloaded':
      return { kind: 'overloaded', offered: st.causeValue };
    case 'attack': {
      const arrivals = st.legitRps + st.attackRps;
      return { kind: 'attack', share: arrivals > 0 ? st.attackRps / arrivals : 0, rps: st.attackRps };
    }
    case 'retry-storm':
      return { kind: 'retry-storm', factor: st.causeValue };
    case 'filtered':
      return { kind: 'filtered' };
    case 'upstream': {
      const up = scenario.services[st.causeService];
      return up
        ? { kind: 'upstream', service: up.name, capacity: st.causeValue }
        : { kind: 'upstreamUnknown' };
    }
    case 'crashed':
      if (st.restartAtTick > scenario.durationTicks) return { kind: 'failed' };
      return st.restartAtTick > tick
        ? { kind: 'restartsIn', ticks: st.restartAtTick - tick }
        : { kind: 'restarting' };
    case 'maintenance':
      return { kind: 'maintenance' };
    case 'shed':
      return { kind: 'shed' };
    case 'warming-up':
      return { kind: 'warming-up', ticks: st.warmupUntilTick - tick };
    case 'ok':
    default:
      return st.status === 'healthy'
        ? { kind: 'serving', availability: st.availability }
        : { kind: 'status', status: st.status };
  }
}

/** Why a service is in its state, in English (the words of CauseStep.text). */
export function causeInEnglish(c: CauseReason): string {
  switch (c.kind) {
    case 'overloaded':
      return `overloaded: offered ${percentLabel(c.offered)} of its capacity`;
    case 'attack':
      return `under attack: ${percentLabel(c.share)} of its traffic is attack traffic (${rpsLabel(c.rps)})`;
    case 'retry-storm':
      return `retry storm: clients re-sending failed requests multiply its load ×${c.factor.toFixed(1)}`;
    case 'filtered':
      return 'your filters also turn away some legitimate requests';
    case 'upstream':
      return `upstream '${c.service}' at ${percentLabel(c.capacity)} capacity`;
    case 'upstreamUnknown':
      return 'a service it depends on is failing';
    case 'failed':
      return 'failed, with no automatic restart';
    case 'restartsIn':
      return `crashed; restarts by itself in ${durationLabel(c.ticks)}`;
    case 'restarting':
      return 'crashed; restarting now';
    case 'maintenance':
      return 'offline for maintenance (your order); lift the order to bring it back';
    case 'shed':
      return 'switched off by the circuit breaker (your order); lift it to bring it back';
    case 'warming-up':
      return `warming up after a restart: full capacity in ${durationLabel(c.ticks)}`;
    case 'serving':
      return `serving ${percentLabel(c.availability)} of requests`;
    default:
      return c.status;
  }
}

/**
 * The chain of causes, following 'upstream' links: the first step is the service itself, each next step the
 * service its predecessor blames, until a root cause (or a loop, or `maxDepth`).
 */
export function explainCause(scenario: Scenario, state: State, s: number, maxDepth = 6): CauseStep[] {
  const chain: CauseStep[] = [];
  const seen = new Set<number>();
  let current = s;
  while (
    current >= 0 &&
    current < scenario.services.length &&
    !seen.has(current) &&
    chain.length < maxDepth
  ) {
    seen.add(current);
    const st = state.services[current]!;
    const prefix = chain.length === 0 ? '' : `'${scenario.services[current]!.name}' is `;
    const reason = causeOf(scenario, state, current);
    chain.push({
      service: current,
      status: st.status,
      text: `${prefix}${st.status}: ${causeInEnglish(reason)}`,
      reason,
    });
    if (st.cause !== 'upstream') break;
    current = st.causeService;
  }
  return chain;
}

// ---------------------------------------------------------------------------------------------
// The dependency graph around one service
// ---------------------------------------------------------------------------------------------

export function dependenciesOf(scenario: Scenario, s: number): DependencyDef[] {
  return scenario.dependencies.filter((d) => d.from === s);
}

export function dependantsOf(scenario: Scenario, s: number): DependencyDef[] {
  return scenario.dependencies.filter((d) => d.to === s);
}

export function serviceIndex(scenario: Scenario, id: string | null): number {
  return id === null ? -1 : scenario.services.findIndex((x) => x.id === id);
}

/** A mitigation may target this service by kind (other preconditions are the engine's to check). */
export function targetAllowed(def: MitigationDef, service: ServiceDef): boolean {
  return def.targetKinds.length === 0 || def.targetKinds.includes(service.kind);
}

// ---------------------------------------------------------------------------------------------
// Decisions waiting for an answer
// ---------------------------------------------------------------------------------------------

export interface PromptView {
  injectId: string;
  from: string;
  text: string;
  pause: boolean;
  issuedTick: number;
  deadlineTick: number;
  options: { id: string; label: string; isDefault: boolean }[];
}

export function openPrompts(scenario: Scenario, state: State): PromptView[] {
  const views: PromptView[] = [];
  for (const p of state.prompts) {
    const inject = scenario.injects[p.inject];
    const effect = inject?.effects[p.effect];
    if (!inject || !effect || effect.type !== 'prompt') continue;
    views.push({
      injectId: inject.id,
      from: effect.from,
      text: editedText(state, p.inject, p.effect) ?? effect.text, // the facilitator may have reworded it
      pause: p.pause,
      issuedTick: p.issuedTick,
      deadlineTick: p.deadlineTick,
      options: effect.options.map((o) => ({ id: o.id, label: o.label, isDefault: o.isDefault })),
    });
  }
  // The facilitator's questions to the team (engine facilitator.ts): answered like the script's prompts.
  for (const q of state.facilitator?.asked ?? []) {
    if (q.answer >= 0) continue;
    views.push({
      injectId: q.id,
      from: q.from,
      text: q.text,
      pause: false,
      issuedTick: q.tick,
      deadlineTick: q.deadlineTick,
      options: q.answers.map((a, i) => ({ id: a, label: a, isDefault: i === q.answers.length - 1 })),
    });
  }
  return views;
}

// ---------------------------------------------------------------------------------------------
// Orders in progress
// ---------------------------------------------------------------------------------------------

export interface OrderView {
  uid: number;
  name: string;
  /** The service it acts on (for isolate: the dependant). */
  service: number;
  /** "Government e-services portal", "Rail ticketing → Mobile-money core", "... (foreign)". */
  target: string;
  effective: boolean;
  /** "takes effect in 6m 20s", "in effect", "in effect, ends in 3h 10m". */
  phase: string;
  stale: boolean;
}

export function ordersInProgress(scenario: Scenario, state: State): OrderView[] {
  return state.mitigations.map((m) => {
    const def = scenario.mitigations[m.mitigation]!;
    let service = m.target;
    let target = scenario.services[m.target]?.name ?? '?';
    if (def.kind === 'isolate') {
      const edge = scenario.dependencies[m.target]!;
      service = edge.from;
      target = `${scenario.services[edge.from]!.name} → ${scenario.services[edge.to]!.name}`;
    }
    if (m.region >= 0) target += ` (${scenario.regions[m.region]})`;
    let phase: string;
    if (!m.effective) phase = `takes effect in ${durationLabel(m.effectiveTick - state.tick)}`;
    else if (m.endTick >= 0) phase = `in effect, ends in ${durationLabel(m.endTick - state.tick)}`;
    else phase = 'in effect';
    return { uid: m.uid, name: def.name, service, target, effective: m.effective, phase, stale: m.stale };
  });
}

// ---------------------------------------------------------------------------------------------
// Commands in words, and the debrief timeline
// ---------------------------------------------------------------------------------------------

/** A command in words, with the scenario's names (shared with the report: src/run/words.ts). */
export const describeCommand = commandInWords;

export interface TimelineItem {
  tick: number;
  time: string;
  kind: 'decision' | 'rejected' | 'consequence' | 'event';
  text: string;
}

/**
 * The debrief timeline: every command from the log (with the engine's verdict), interleaved with what came of
 * them and the scenario's events from the engine's log (mitigations taking effect, injects, attacks, the end).
 */
export function decisionTimeline(
  scenario: Scenario,
  state: State,
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
): TimelineItem[] {
  const items: (TimelineItem & { order: number })[] = [];
  log.forEach((entry, i) => {
    const result = results[i];
    const rejected = result && !result.ok;
    items.push({
      tick: entry.tick,
      time: elapsedLabel(entry.tick),
      kind: rejected ? 'rejected' : 'decision',
      text: rejected
        ? `${describeCommand(scenario, entry.cmd, log, results)} — turned down: ${result.message}`
        : describeCommand(scenario, entry.cmd, log, results),
      order: 0,
    });
  });
  for (const e of state.log) {
    if (e.kind === 'command' || e.kind === 'rejected' || e.kind === 'status') continue;
    items.push({
      tick: e.tick,
      time: elapsedLabel(e.tick),
      kind: e.kind === 'mitigation' ? 'consequence' : 'event',
      text: e.text,
      order: 1,
    });
  }
  // Stable: at the same tick, the player's command comes before what the engine logged at that tick.
  return items.sort((a, b) => a.tick - b.tick || a.order - b.order).map(({ order: _order, ...item }) => item);
}

// ---------------------------------------------------------------------------------------------
// People: trust and rumours (read defensively: a state without them shows "—")
// ---------------------------------------------------------------------------------------------

/** The public's trust, 0–100 (stakeholder 0 is the public), or undefined if the state does not carry it. */
export function publicTrust(state: State): number | undefined {
  const value = state.people?.trust?.[0];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The rumour level, 0–1: the belief in the most believed rumour, averaged over segments by size.
 * undefined if the state does not carry rumours.
 */
export function rumourLevel(scenario: Scenario, state: State): number | undefined {
  const rumours = state.people?.rumours;
  if (!rumours) return undefined;
  let total = 0;
  for (const g of scenario.segments) total += g.size;
  let level = 0;
  for (const r of rumours) {
    if (!r.born) continue;
    let sum = 0;
    r.belief.forEach((b, g) => (sum += b * (scenario.segments[g]?.size ?? 0)));
    level = Math.max(level, total > 0 ? sum / total : 0);
  }
  return level;
}
