/**
 * Commands: everything a player or facilitator can do, as data. `apply` takes anything (commands may come
 * from a hand-edited replay file), parses it into a typed `Command` (parseCommand.ts), checks it against the
 * scenario and the current state, and either changes the state or returns a rejection code. It never throws.
 */
import { elapsedClock } from './clock';
import { pushLog } from './log';
import { currencyOf, withCurrency } from './money';
import { sharesReaching } from './reach';
import { recomputeModifiers } from './modifiers';
import { answerAsked, applyFacilitatorCommand } from './facilitator';
import { answerPrompt, armAfterTriggers } from './injects';
import { orderStatement, validateStatement } from './orders';
import { parseCommand, quoteInput } from './parseCommand';
import { endMitigation } from './timeline';
import type { Sim } from './sim';
import { languageIds } from './languages';
import {
  type ApplyResult,
  type Command,
  type MitigationDef,
  type RejectionCode,
  type RejectionParams,
} from './types';

/** A refusal: its English message, and (for a page in another language) the values it carries. */
function reject(code: RejectionCode, message: string, params?: RejectionParams): ApplyResult {
  return params ? { ok: false, code, message, params } : { ok: false, code, message };
}

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** Applies `input` if it is a command the drill accepts now; otherwise says why not (and logs the rejection). */
export function apply(sim: Sim, input: unknown): ApplyResult {
  const { state } = sim;
  const parsed = parseCommand(input);
  // Something that is not even a command (no "type") is refused before anything else, and not logged.
  if (!parsed.ok && !hasType(input)) return parsed;
  if (state.ended) return reject('cmd/scenario-ended', 'the drill has ended');
  // Preconditions read the derived modifiers (is the service offline on purpose?): bring them up to date first,
  // so a restored or just-changed state answers exactly as an uninterrupted run would.
  if (sim.rt.dirty) recomputeModifiers(sim);
  const result = parsed.ok ? applyCommand(sim, parsed.cmd) : parsed;
  if (!result.ok)
    pushLog(
      state,
      'rejected',
      `${quoteInput((input as { type: string }).type)} rejected: ${result.message}`,
      -1,
    );
  return result;
}

function hasType(x: unknown): boolean {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    typeof (x as { type?: unknown }).type === 'string'
  );
}

function applyCommand(sim: Sim, cmd: Command): ApplyResult {
  switch (cmd.type) {
    case 'noop':
      return { ok: true };
    case 'mitigate':
      return mitigate(sim, cmd);
    case 'lift':
      return lift(sim, cmd);
    case 'answer':
      return answer(sim, cmd);
    case 'statement':
      return statement(sim, cmd);
    case 'workaround':
      return workaround(sim, cmd);
    default:
      return applyFacilitatorCommand(sim, cmd); // fire, hold, skip, reword, post, note, room (./facilitator.ts)
  }
}

function serviceIndex(sim: Sim, id: string | undefined): number {
  return id === undefined ? -1 : sim.scenario.services.findIndex((s) => s.id === id);
}

function mitigate(sim: Sim, cmd: Of<'mitigate'>): ApplyResult {
  const { scenario, state } = sim;
  const mi = scenario.mitigations.findIndex((m) => m.id === cmd.mitigation);
  if (mi < 0)
    return reject(
      'cmd/unknown-mitigation',
      `no mitigation '${quoteInput(cmd.mitigation)}' in this scenario`,
      { mitigation: quoteInput(cmd.mitigation) },
    );
  const def = scenario.mitigations[mi]!;
  const s = serviceIndex(sim, cmd.target);
  if (s < 0)
    return reject('cmd/unknown-service', `no service '${quoteInput(cmd.target)}'`, {
      service: quoteInput(cmd.target),
    });
  const service = scenario.services[s]!;
  if (def.targetKinds.length > 0 && !def.targetKinds.includes(service.kind)) {
    return reject(
      'cmd/wrong-target-kind',
      `${def.name} applies to ${def.targetKinds.join(', ')}, not ${service.kind}` +
        rightTargetHint(sim, def.targetKinds, s),
      { mitigation: def.name, service: service.name },
    );
  }
  let target = s;
  let region = -1;
  if (def.kind === 'isolate') {
    const to = serviceIndex(sim, cmd.dependsOn);
    const edge = scenario.dependencies.findIndex((d) => d.from === s && d.to === to);
    if (edge < 0)
      return reject('cmd/unknown-dependency', `${service.id} does not depend on '${String(cmd.dependsOn)}'`);
    target = edge;
  }
  if (def.kind === 'geo-block') {
    if (cmd.region === undefined) return reject('cmd/missing-region', 'geo-blocking needs a region');
    region = scenario.regions.indexOf(cmd.region);
    if (region < 0) return reject('cmd/unknown-region', `no region '${quoteInput(cmd.region)}'`);
  }
  const check = kindPrecondition(sim, def, s);
  if (check) return check;
  if (state.mitigations.some((m) => m.mitigation === mi && m.target === target && m.region === region)) {
    return reject('cmd/already-active', `${def.name} is already in place on ${service.name}`, {
      mitigation: def.name,
      service: service.name,
    });
  }
  if (def.costKES > state.budgetKES) {
    const cost = withCurrency(String(def.costKES), currencyOf(scenario));
    const left = withCurrency(String(Math.floor(state.budgetKES)), currencyOf(scenario));
    return reject('cmd/insufficient-budget', `${def.name} costs ${cost}, the budget left is ${left}`, {
      what: def.name,
      cost,
      left,
    });
  }
  state.budgetKES -= def.costKES;
  state.metrics.budgetSpentKES += def.costKES;
  const uid = state.nextUid++;
  state.mitigations.push({
    uid,
    mitigation: mi,
    target,
    region,
    issuedTick: state.tick,
    effectiveTick: state.tick + def.delayTicks,
    endTick: def.durationTicks > 0 ? state.tick + def.delayTicks + def.durationTicks : -1,
    effective: false,
    stale: false,
  });
  pushLog(state, 'command', `${def.name} ordered for ${service.name}`, s);
  armAfterTriggers(sim, mi, s);
  return { ok: true, uid };
}

/**
 * Where the order would work instead: the services of a kind it applies to that `s`'s requests cross on the
 * way down its dependencies ("call the provider for the edge the portal's traffic crosses").
 */
function rightTargetHint(sim: Sim, kinds: readonly string[], s: number): string {
  const { scenario } = sim;
  const candidates = scenario.services
    .map((x, i) => ({
      name: x.name,
      share: i === s || !kinds.includes(x.kind) ? 0 : sharesReaching(scenario, i)[s]!,
    }))
    .filter((c) => c.share > 0);
  // The ones most of its traffic crosses (the edge every request passes, not a core a few calls reach).
  const most = Math.max(0, ...candidates.map((c) => c.share));
  const names = candidates.filter((c) => c.share === most).map((c) => c.name);
  if (names.length === 0) return '';
  return `: order it on ${names.join(' or ')}, which ${scenario.services[s]!.name}'s traffic crosses`;
}

function kindPrecondition(sim: Sim, def: MitigationDef, s: number): ApplyResult | undefined {
  const service = sim.scenario.services[s]!;
  const st = sim.state.services[s]!;
  if (def.kind === 'restart' && st.status !== 'down') {
    const minutes = Math.max(1, Math.round(service.restartTicks / 60));
    return reject(
      'cmd/not-down',
      st.status === 'healthy'
        ? `${service.name} is healthy; a restart is for a service that crashed or hung`
        : `${service.name} is ${st.status}, not down: it is still serving. A restart would take it offline for about ${minutes} min and bring it back cold into the same load; reduce the load first (filter, rate-limit, add capacity). Restart is for a service that crashed or hung`,
      { service: service.name },
    );
  }
  if (def.kind === 'restart' && sim.rt.offline[s] !== 0) {
    return reject('cmd/not-down', `${service.name} is offline on purpose; lift that order to bring it back`, {
      service: service.name,
    });
  }
  if (def.kind === 'failover' && !service.hasBackup)
    return reject('cmd/no-backup', `${service.name} has no backup site`, { service: service.name });
  if (def.kind === 'shed' && !service.sheddable) {
    return reject('cmd/not-sheddable', `${service.name} is critical and cannot be shed`, {
      service: service.name,
    });
  }
  return undefined;
}

function lift(sim: Sim, cmd: Of<'lift'>): ApplyResult {
  const index = sim.state.mitigations.findIndex((m) => m.uid === cmd.uid);
  if (index < 0) return reject('cmd/not-active', `no active order #${cmd.uid}`, { uid: quoteInput(cmd.uid) });
  endMitigation(sim, index, 'lifted');
  return { ok: true };
}

function answer(sim: Sim, cmd: Of<'answer'>): ApplyResult {
  const asked = answerAsked(sim, cmd); // a question the facilitator put to the team (./facilitator.ts)
  if (asked) return asked;
  const { scenario, state } = sim;
  const p = state.prompts.findIndex((x) => scenario.injects[x.inject]!.id === cmd.inject);
  if (p < 0) return reject('cmd/no-such-prompt', closedPromptReason(sim, cmd.inject));
  const pending = state.prompts[p]!;
  const effect = scenario.injects[pending.inject]!.effects[pending.effect]!;
  const option = effect.type === 'prompt' ? effect.options.findIndex((o) => o.id === cmd.option) : -1;
  if (option < 0)
    return reject('cmd/unknown-option', `the decision has no option '${quoteInput(cmd.option)}'`, {
      option: quoteInput(cmd.option),
    });
  answerPrompt(sim, p, option, 'answered');
  return { ok: true };
}

/** Why a decision cannot be answered: never asked, or already closed (and how). */
function closedPromptReason(sim: Sim, injectId: string): string {
  const { scenario, state } = sim;
  const i = scenario.injects.findIndex((x) => x.id === injectId);
  if (i < 0 || state.injects[i]!.fired === 0) return `no open decision from inject '${quoteInput(injectId)}'`;
  const prefix = `decision '${injectId}': `;
  for (let k = state.log.length - 1; k >= 0; k--) {
    const entry = state.log[k]!;
    if (entry.kind !== 'inject' || !entry.text.startsWith(prefix)) continue;
    const closed = entry.text.slice(prefix.length);
    const when = elapsedClock(entry.tick);
    return closed.endsWith('(no answer in time: the default)')
      ? `that decision closed at ${when} with no answer in time, so its default was applied: ${closed.slice(0, -' (no answer in time: the default)'.length)}. Answer decisions before their timeout, or pause to discuss`
      : `that decision was already answered at ${when}: ${closed.replace(/ \(answered\)$/, '')}`;
  }
  return `that decision is closed`;
}

function statement(sim: Sim, cmd: Of<'statement'>): ApplyResult {
  const checked = validateStatement(sim, cmd);
  if ('code' in checked) return reject(checked.code, checked.message);
  return orderStatement(sim, checked);
}

function workaround(sim: Sim, cmd: Of<'workaround'>): ApplyResult {
  const { scenario, state } = sim;
  const w = scenario.people.workarounds.findIndex((x) => x.id === cmd.workaround);
  if (w < 0)
    return reject(
      'cmd/unknown-workaround',
      `no workaround '${quoteInput(cmd.workaround)}' in this scenario`,
      { workaround: quoteInput(cmd.workaround) },
    );
  const def = scenario.people.workarounds[w]!;
  const ws = state.people.workarounds[w]!;
  if (cmd.action === 'withdraw') {
    if (!ws.enabled)
      return reject('cmd/not-enabled', `${def.name} is not in place`, { workaround: def.name });
    ws.enabled = false;
    pushLog(state, 'command', `workaround withdrawn: ${def.name}`, def.from);
    return { ok: true };
  }
  const channelId = cmd.channel ?? scenario.people.channels[def.channel]!.id;
  return statement(sim, {
    type: 'statement',
    channel: channelId,
    languages: languageIds(scenario), // a workaround is announced in every language
    blocks: [{ kind: 'workaround', workaround: def.id }],
  });
}
