/**
 * Scripted commanders for balancing a scenario. Each is a function of what a player sees (./view.ts), called
 * once a simulated minute in a long drill (more often in a short one: play.ts) and at tick 0, returning the commands it gives now. They are deliberately simple
 * and generic, so they work on any scenario: an instructor's drill is balanced against the same kinds of play.
 *
 * - do-nothing: never acts (prompts time out to their default answers).
 * - textbook: the expert play — filter the flood where it enters, protect the shared dependency it saturates,
 *   call for upstream help when that is not enough, tell the public early and honestly, send customers to
 *   channels that still work, rebut rumours with evidence.
 * - technical: the textbook's technical orders and workarounds, no statement at all.
 * - statements: the textbook's statements only: no order, no workaround.
 * - acknowledge-spam: a free "we are aware" post every 12 minutes, nothing else.
 * - dishonest: the textbook play plus an unknowable "no data was lost" and a 30-minute ETA at the first sign.
 * - panic: shut things down, fail over everything that struggles, call it scheduled maintenance, promise a
 *   15-minute fix, say no data was lost, blame a partner.
 * - random: a seeded random order, statement or workaround now and then (a trainee clicking around).
 * - single:<action>: one action at the first sign of trouble, nothing else (see singleActions()).
 */
import type { Command, PlayRule, Sim } from '../engine';
import type { PlayerView, ServiceView } from './view';

/**
 * A scripted commander. `sim` is passed only for a scenario's own rules (their conditions are the author's
 * expressions); the built-in policies read nothing but `view`.
 */
export type Policy = (view: PlayerView, memory: PolicyMemory, sim: Sim) => Command[];

/** What a policy remembers between calls (per run): plain data, so runs stay independent. */
export interface PolicyMemory {
  /** Tick of the first sign of trouble (a critical service not healthy, or attack traffic), -1 before. */
  incidentTick: number;
  /** Ticks at which things were done, by key, so a rule fires once (or once per period). */
  done: Record<string, number>;
  /** A tiny seeded generator for the random policy (mulberry32 state). */
  random: number;
}

export function newMemory(seed: number): PolicyMemory {
  return { incidentTick: -1, done: {}, random: seed >>> 0 || 1 };
}

const MIN = 60;

function nextRandom(memory: PolicyMemory): number {
  // mulberry32: enough for a stand-in trainee; the engine's own RNG is never touched by a policy.
  let t = (memory.random = (memory.random + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function troubled(s: ServiceView): boolean {
  return s.status !== 'healthy' || s.utilisation > 0.9;
}

/** Notes the first sign of trouble; true once the incident is visible. */
function noticeIncident(view: PlayerView, memory: PolicyMemory): boolean {
  if (memory.incidentTick < 0) {
    const visible = view.services.some((s) => (s.critical && troubled(s)) || s.attackRps > 0.05 * s.capacity);
    if (visible) memory.incidentTick = view.tick;
  }
  return memory.incidentTick >= 0;
}

function once(memory: PolicyMemory, key: string, tick: number): boolean {
  if (key in memory.done) return false;
  memory.done[key] = tick;
  return true;
}

function every(memory: PolicyMemory, key: string, tick: number, period: number): boolean {
  const last = memory.done[key];
  if (last !== undefined && tick - last < period) return false;
  memory.done[key] = tick;
  return true;
}

function hasOrder(view: PlayerView, kind: string, target: number): boolean {
  return view.orders.some((o) => o.kind === kind && o.target === target);
}

/** The cheapest mitigation of this kind the scenario offers (scenarios may add tuned entries). */
function mitigationOf(view: PlayerView, kind: string): PlayerView['mitigations'][number] | undefined {
  return view.mitigations.filter((m) => m.kind === kind).sort((a, b) => a.costKES - b.costKES)[0];
}

function mitigate(view: PlayerView, kind: string, target: ServiceView): Command[] {
  const m = mitigationOf(view, kind);
  if (!m || hasOrder(view, kind, target.index) || m.costKES > view.budgetKES) return [];
  return [{ type: 'mitigate', mitigation: m.id, target: target.id }];
}

/** The filter that lets the least of these vectors through (by the catalogue's pass_<vector> params). */
function bestFilter(view: PlayerView, s: ServiceView): string[] {
  const filters = ['waf-rule', 'rate-limit'];
  return filters.filter((kind) => {
    const m = mitigationOf(view, kind);
    if (!m) return false;
    return s.vectors.some((v) => (m.params[`pass_${v}`] ?? 1) < 0.6);
  });
}

/** Shared dependencies that are saturated: services that two or more others depend on. */
function saturatedHubs(view: PlayerView): ServiceView[] {
  const dependants = new Map<number, number>();
  for (const s of view.services) for (const d of s.dependsOn) dependants.set(d, (dependants.get(d) ?? 0) + 1);
  return view.services.filter((s) => (dependants.get(s.index) ?? 0) >= 2 && s.utilisation > 0.95);
}

function technicalOrders(view: PlayerView, memory: PolicyMemory): Command[] {
  const out: Command[] = [];
  // Filter the flood where it enters: every service with attack traffic that is straining.
  for (const s of view.services) {
    if (s.attackRps < 0.05 * s.capacity) continue;
    for (const kind of bestFilter(view, s)) out.push(...mitigate(view, kind, s));
  }
  // Protect the shared dependency the flood saturates: rate-limit there; if still saturated 10 minutes
  // after filtering, ask the upstream provider to filter before the edge.
  for (const hub of saturatedHubs(view)) {
    out.push(...mitigate(view, 'rate-limit', hub));
    const key = `hub-${hub.index}`;
    if (!(key in memory.done)) memory.done[key] = view.tick;
    else if (view.tick - memory.done[key]! >= 10 * MIN) out.push(...mitigate(view, 'call-provider', hub));
  }
  // A service that fails on its own (no attack on it, not overloaded): restart it; if it is still down ten
  // minutes later and has a standby site, fail over.
  for (const s of view.services) {
    if (s.status !== 'down' || s.utilisation >= 0.8 || s.attackRps > 0.05 * s.capacity) continue;
    const key = `down-${s.index}`;
    if (!(key in memory.done)) {
      memory.done[key] = view.tick;
      out.push(...mitigate(view, 'restart', s));
    } else if (s.hasBackup && view.tick - memory.done[key]! >= 10 * MIN)
      out.push(...mitigate(view, 'failover', s));
  }
  return out;
}

function workaroundOrders(view: PlayerView): Command[] {
  const out: Command[] = [];
  for (const w of view.workarounds) {
    if (w.enabled || w.costKES > 0) continue;
    const from = view.services[w.from]!;
    const to = view.services[w.to]!;
    if (from.availability < 0.7 && to.status === 'healthy' && to.utilisation < 0.7)
      out.push({ type: 'workaround', workaround: w.id, action: 'announce' });
  }
  return out;
}

function honestStatements(view: PlayerView, memory: PolicyMemory): Command[] {
  const out: Command[] = [];
  if (once(memory, 'first-statement', view.tick))
    out.push({
      type: 'statement',
      channel: 'social',
      languages: ['en', 'sw'],
      blocks: [{ kind: 'acknowledge' }, { kind: 'apologise' }, { kind: 'cause', cause: 'investigating' }],
    });
  else if (
    view.services.some((s) => s.attackRps > 0.05 * s.capacity) &&
    once(memory, 'cause-statement', view.tick)
  )
    out.push({
      type: 'statement',
      channel: 'press',
      languages: ['en', 'sw'],
      blocks: [{ kind: 'cause', cause: 'cyber-attack' }],
    });
  else if (
    view.services.some((s) => s.critical && troubled(s)) &&
    every(memory, 'update', view.tick, 45 * MIN)
  )
    out.push({
      type: 'statement',
      channel: 'sms',
      languages: ['en', 'sw'],
      blocks: [{ kind: 'acknowledge' }],
    });
  for (const r of view.rumours)
    if (r.belief > 0.1 && every(memory, `rebut-${r.id}`, view.tick, 30 * MIN))
      out.push({
        type: 'statement',
        channel: 'press',
        languages: ['en', 'sw'],
        blocks: [{ kind: 'rebuttal', rumour: r.id, evidence: 'independent' }],
      });
  return out;
}

function answerDefaults(view: PlayerView): Command[] {
  return view.prompts
    .filter((p) => p.defaultOption ?? p.options[0])
    .map((p) => ({ type: 'answer', inject: p.inject, option: (p.defaultOption ?? p.options[0])! }));
}

const textbook: Policy = (view, memory) => {
  if (!noticeIncident(view, memory)) return answerDefaults(view);
  return [
    ...technicalOrders(view, memory),
    ...workaroundOrders(view),
    ...honestStatements(view, memory),
    ...answerDefaults(view),
  ];
};

const technical: Policy = (view, memory) =>
  noticeIncident(view, memory) ? [...technicalOrders(view, memory), ...workaroundOrders(view)] : [];

const statements: Policy = (view, memory) =>
  noticeIncident(view, memory) ? [...honestStatements(view, memory), ...answerDefaults(view)] : [];

const acknowledgeSpam: Policy = (view, memory) =>
  every(memory, 'ack', view.tick, 12 * MIN)
    ? [{ type: 'statement', channel: 'social', languages: ['en'], blocks: [{ kind: 'acknowledge' }] }]
    : [];

const dishonest: Policy = (view, memory, sim) => {
  const out = textbook(view, memory, sim);
  if (memory.incidentTick >= 0 && once(memory, 'assurance', view.tick))
    out.push({
      type: 'statement',
      channel: 'press',
      languages: ['en', 'sw'],
      blocks: [{ kind: 'data-safe' }, { kind: 'eta', minutes: 30 }],
    });
  return out;
};

const panic: Policy = (view, memory) => {
  if (!noticeIncident(view, memory)) return [];
  const out: Command[] = [];
  if (once(memory, 'panic-statement', view.tick)) {
    const partner = view.partners[0];
    out.push({
      type: 'statement',
      channel: 'press',
      languages: ['en'],
      blocks: [
        { kind: 'cause', cause: 'maintenance' },
        { kind: 'data-safe' },
        { kind: 'eta', minutes: 15 },
        ...(partner ? [{ kind: 'blame' as const, partner }] : []),
      ],
    });
  }
  for (const s of view.services) {
    if (!troubled(s)) continue;
    if (s.sheddable) out.push(...mitigate(view, 'shed', s));
    else if (s.hasBackup) out.push(...mitigate(view, 'failover', s));
    else out.push(...mitigate(view, 'add-capacity', s));
  }
  return out;
};

/** Every 10 minutes on average, one random order, statement or workaround. */
const random: Policy = (view, memory) => {
  if (nextRandom(memory) > 0.1) return answerDefaults(view);
  const target = view.services[Math.floor(nextRandom(memory) * view.services.length)]!;
  const roll = nextRandom(memory);
  if (roll < 0.6) {
    const m = view.mitigations[Math.floor(nextRandom(memory) * view.mitigations.length)];
    if (!m) return [];
    const cmd: Command = { type: 'mitigate', mitigation: m.id, target: target.id };
    if (m.kind === 'geo-block' && view.regions.length > 0)
      cmd.region = view.regions[Math.floor(nextRandom(memory) * view.regions.length)];
    return [cmd];
  }
  if (roll < 0.8 && view.workarounds.length > 0) {
    const w = view.workarounds[Math.floor(nextRandom(memory) * view.workarounds.length)]!;
    return [{ type: 'workaround', workaround: w.id, action: 'announce' }];
  }
  return [{ type: 'statement', channel: 'social', languages: ['en'], blocks: [{ kind: 'acknowledge' }] }];
};

export const POLICIES: Record<string, Policy> = {
  'do-nothing': () => [],
  textbook,
  technical,
  statements,
  'acknowledge-spam': acknowledgeSpam,
  dishonest,
  panic,
  random,
};

/** The policy every other one is compared with ("the expert play"). */
export const EXPERT = 'textbook';

/**
 * One action at the first sign of trouble, and nothing else: every mitigation on every service it could
 * apply to (the first attacked service and every hub), each workaround, each free statement block. A single
 * action that comes close to the expert play is a surprise worth reporting.
 */
export function singleActions(view: PlayerView): { name: string; cmd: Command }[] {
  const actions: { name: string; cmd: Command }[] = [];
  for (const m of view.mitigations) {
    for (const s of view.services) {
      if (m.kind === 'isolate' || m.kind === 'geo-block') continue;
      actions.push({ name: `${m.id}@${s.id}`, cmd: { type: 'mitigate', mitigation: m.id, target: s.id } });
    }
  }
  for (const w of view.workarounds)
    actions.push({
      name: `workaround:${w.id}`,
      cmd: { type: 'workaround', workaround: w.id, action: 'announce' },
    });
  for (const kind of ['acknowledge', 'apologise', 'data-safe'] as const)
    actions.push({
      name: `statement:${kind}`,
      cmd: { type: 'statement', channel: 'social', languages: ['en', 'sw'], blocks: [{ kind }] },
    });
  return actions;
}

/** A policy that gives one command at the first sign of trouble (the `single:<name>` policies). */
export function singlePolicy(cmd: Command): Policy {
  return (view, memory) => (noticeIncident(view, memory) && once(memory, 'single', view.tick) ? [cmd] : []);
}

/** A policy plus a scenario's own rules for it (`balance.expert`, `balance.panic`). */
export function withRules(policy: Policy, rules: readonly PlayRule[], prefix: string): Policy {
  if (rules.length === 0) return policy;
  return (view, memory, sim) => {
    const out = policy(view, memory, sim);
    rules.forEach((rule, i) => {
      const key = `${prefix}-${i}`;
      const last = memory.done[key];
      const due = last === undefined || (rule.everyTicks > 0 && view.tick - last >= rule.everyTicks);
      if (due && rule.when(sim)) {
        memory.done[key] = view.tick;
        out.push(rule.command);
      }
    });
    return out;
  };
}
