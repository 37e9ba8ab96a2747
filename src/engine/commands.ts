/**
 * Commands: everything a player or facilitator can do, as data. `apply` validates a command against the
 * current state and either changes the state or returns a rejection code. It never throws, whatever it is
 * given (commands may come from a hand-edited replay file).
 */
import { pushLog } from './log';
import { recomputeModifiers } from './modifiers';
import { answerPrompt, armAfterTriggers } from './injects';
import { orderStatement, validateStatement } from './orders';
import { endMitigation } from './timeline';
import type { Sim } from './sim';
import type { ApplyResult, Command, MitigationDef, RejectionCode } from './types';

function reject(code: RejectionCode, message: string): ApplyResult {
  return { ok: false, code, message };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function apply(sim: Sim, cmd: Command | unknown): ApplyResult {
  const { state } = sim;
  if (!isRecord(cmd) || typeof cmd.type !== 'string')
    return reject('cmd/malformed', 'a command is an object with a "type"');
  if (state.ended) return reject('cmd/scenario-ended', 'the drill has ended');
  // Preconditions read the derived modifiers (is the service offline on purpose?): bring them up to date first,
  // so a restored or just-changed state answers exactly as an uninterrupted run would.
  if (sim.rt.dirty) recomputeModifiers(sim);
  const result = applyTyped(sim, cmd);
  if (!result.ok) pushLog(state, 'rejected', `${String(cmd.type)} rejected: ${result.message}`, -1);
  return result;
}

function applyTyped(sim: Sim, cmd: Record<string, unknown>): ApplyResult {
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
      return reject('cmd/unknown-type', `unknown command type '${String(cmd.type)}'`);
  }
}

function serviceIndex(sim: Sim, id: unknown): number {
  return typeof id === 'string' ? sim.scenario.services.findIndex((s) => s.id === id) : -1;
}

function mitigate(sim: Sim, cmd: Record<string, unknown>): ApplyResult {
  const { scenario, state } = sim;
  const mi =
    typeof cmd.mitigation === 'string' ? scenario.mitigations.findIndex((m) => m.id === cmd.mitigation) : -1;
  if (mi < 0)
    return reject('cmd/unknown-mitigation', `no mitigation '${String(cmd.mitigation)}' in this scenario`);
  const def = scenario.mitigations[mi]!;
  const s = serviceIndex(sim, cmd.target);
  if (s < 0) return reject('cmd/unknown-service', `no service '${String(cmd.target)}'`);
  const service = scenario.services[s]!;
  if (def.targetKinds.length > 0 && !def.targetKinds.includes(service.kind)) {
    return reject(
      'cmd/wrong-target-kind',
      `${def.name} applies to ${def.targetKinds.join(', ')}, not ${service.kind}`,
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
    if (typeof cmd.region !== 'string') return reject('cmd/missing-region', 'geo-blocking needs a region');
    region = scenario.regions.indexOf(cmd.region);
    if (region < 0) return reject('cmd/unknown-region', `no region '${cmd.region}'`);
  }
  const check = kindPrecondition(sim, def, s);
  if (check) return check;
  if (state.mitigations.some((m) => m.mitigation === mi && m.target === target && m.region === region)) {
    return reject('cmd/already-active', `${def.name} is already in place on ${service.name}`);
  }
  if (def.costKES > state.budgetKES) {
    return reject(
      'cmd/insufficient-budget',
      `${def.name} costs KES ${def.costKES}, the budget left is KES ${Math.floor(state.budgetKES)}`,
    );
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

function kindPrecondition(sim: Sim, def: MitigationDef, s: number): ApplyResult | undefined {
  const service = sim.scenario.services[s]!;
  const st = sim.state.services[s]!;
  if (def.kind === 'restart' && st.status !== 'down') {
    return reject(
      'cmd/not-down',
      `${service.name} is not down; only a service that is down can be restarted`,
    );
  }
  if (def.kind === 'restart' && sim.rt.offline[s] !== 0) {
    return reject('cmd/not-down', `${service.name} is offline on purpose; lift that order to bring it back`);
  }
  if (def.kind === 'failover' && !service.hasBackup)
    return reject('cmd/no-backup', `${service.name} has no backup site`);
  if (def.kind === 'shed' && !service.sheddable) {
    return reject('cmd/not-sheddable', `${service.name} is critical and cannot be shed`);
  }
  return undefined;
}

function lift(sim: Sim, cmd: Record<string, unknown>): ApplyResult {
  const index = sim.state.mitigations.findIndex((m) => m.uid === cmd.uid);
  if (index < 0) return reject('cmd/not-active', `no active order #${String(cmd.uid)}`);
  endMitigation(sim, index, 'lifted');
  return { ok: true };
}

function answer(sim: Sim, cmd: Record<string, unknown>): ApplyResult {
  const { scenario, state } = sim;
  const p = state.prompts.findIndex((x) => scenario.injects[x.inject]!.id === cmd.inject);
  if (p < 0) return reject('cmd/no-such-prompt', `no open decision from inject '${String(cmd.inject)}'`);
  const pending = state.prompts[p]!;
  const effect = scenario.injects[pending.inject]!.effects[pending.effect]!;
  const option = effect.type === 'prompt' ? effect.options.findIndex((o) => o.id === cmd.option) : -1;
  if (option < 0) return reject('cmd/unknown-option', `the decision has no option '${String(cmd.option)}'`);
  answerPrompt(sim, p, option, 'answered');
  return { ok: true };
}

function statement(sim: Sim, cmd: Record<string, unknown>): ApplyResult {
  const checked = validateStatement(sim, cmd);
  if ('code' in checked) return reject(checked.code, checked.message);
  return orderStatement(sim, checked);
}

function workaround(sim: Sim, cmd: Record<string, unknown>): ApplyResult {
  const { scenario, state } = sim;
  const w = scenario.people.workarounds.findIndex((x) => x.id === cmd.workaround);
  if (w < 0)
    return reject('cmd/unknown-workaround', `no workaround '${String(cmd.workaround)}' in this scenario`);
  const def = scenario.people.workarounds[w]!;
  const ws = state.people.workarounds[w]!;
  if (cmd.action === 'withdraw') {
    if (!ws.enabled) return reject('cmd/not-enabled', `${def.name} is not in place`);
    ws.enabled = false;
    pushLog(state, 'command', `workaround withdrawn: ${def.name}`, def.from);
    return { ok: true };
  }
  if (cmd.action !== 'announce')
    return reject('cmd/malformed', "a workaround's action is 'announce' or 'withdraw'");
  const channelId = typeof cmd.channel === 'string' ? cmd.channel : scenario.people.channels[def.channel]!.id;
  return statement(sim, {
    type: 'statement',
    channel: channelId,
    languages: ['en', 'sw'],
    blocks: [{ kind: 'workaround', workaround: def.id }],
  });
}
