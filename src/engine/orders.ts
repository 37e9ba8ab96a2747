/**
 * Validating and ordering a public statement (commands.ts delegates here). Validation is strict because
 * statements arrive from the UI, replay files and tests alike; a bad one is rejected with a code, never thrown.
 * Its shape is checked first, by parseCommand.ts; here, what it names is checked against the scenario.
 */
import { languageIds } from './languages';
import { quoteInput } from './parseCommand';
import { pushLog } from './log';
import { currencyOf, withCurrency } from './money';
import { statementCost } from './queries';
import type { Sim } from './sim';
import type { ApplyResult, Command, Language, RejectionCode, StatementBlock } from './types';

export interface CheckedStatement {
  channel: number;
  languages: Language[];
  blocks: StatementBlock[];
}

type Problem = { code: RejectionCode; message: string };

/**
 * Checks a well-formed statement (parseCommand.ts has checked its shape) against the scenario: its channel,
 * and the workarounds, rumours and partners its blocks name.
 */
export function validateStatement(
  sim: Sim,
  cmd: Extract<Command, { type: 'statement' }>,
): CheckedStatement | Problem {
  const people = sim.scenario.people;
  const channel = people.channels.findIndex((c) => c.id === cmd.channel);
  if (channel < 0) return { code: 'cmd/unknown-channel', message: `no channel '${quoteInput(cmd.channel)}'` };
  // Languages the scenario does not speak are dropped, as a statement in an unknown language reaches no one.
  const known = languageIds(sim.scenario);
  const languages = cmd.languages.filter((l) => known.includes(l));
  if (languages.length === 0)
    return { code: 'cmd/malformed', message: `choose at least one language (${known.join(', ')})` };
  for (const b of cmd.blocks) {
    if (b.kind === 'workaround' && !people.workarounds.some((x) => x.id === b.workaround))
      return { code: 'cmd/unknown-workaround', message: `no workaround '${quoteInput(b.workaround)}'` };
    if (b.kind === 'rebuttal' && !people.rumours.some((x) => x.id === b.rumour))
      return { code: 'cmd/unknown-rumour', message: `no rumour '${quoteInput(b.rumour)}'` };
    if (b.kind === 'blame' && !people.stakeholders.some((x) => x.id === b.partner && x.kind === 'partner')) {
      const partners = people.stakeholders.filter((x) => x.kind === 'partner').map((x) => x.name);
      return {
        code: 'cmd/unknown-partner',
        message:
          `'${quoteInput(b.partner)}' is not a partner: blame names a partner you work with` +
          (partners.length > 0 ? ` (${partners.join(', ')})` : ' (this scenario has none)') +
          ". To say it was an attack, use the cause block 'cyber-attack'; naming attackers is attribution you can rarely prove during an incident",
      };
    }
  }
  return { channel, languages, blocks: cmd.blocks };
}

export function orderStatement(sim: Sim, s: CheckedStatement): ApplyResult {
  const { scenario, state } = sim;
  const cost = statementCost(scenario, s.channel, s.blocks);
  if (cost > 0 && cost > state.budgetKES) {
    return {
      ok: false,
      code: 'cmd/insufficient-budget',
      message: `this statement costs ${withCurrency(String(cost), currencyOf(scenario))}, the budget left is ${withCurrency(String(Math.floor(state.budgetKES)), currencyOf(scenario))}`,
    };
  }
  // Workarounds in the statement are put in place now (their cost too); people hear of them when it lands.
  let extra = 0;
  for (const b of s.blocks) {
    if (b.kind !== 'workaround') continue;
    const w = scenario.people.workarounds.findIndex((x) => x.id === b.workaround);
    if (!state.people.workarounds[w]!.enabled) extra += scenario.people.workarounds[w]!.costKES;
  }
  if (cost + extra > 0 && cost + extra > state.budgetKES) {
    return {
      ok: false,
      code: 'cmd/insufficient-budget',
      message: `this statement and its workarounds cost ${withCurrency(String(cost + extra), currencyOf(scenario))}, the budget left is ${withCurrency(String(Math.floor(state.budgetKES)), currencyOf(scenario))}`,
    };
  }
  for (const b of s.blocks) {
    if (b.kind !== 'workaround') continue;
    const w = scenario.people.workarounds.findIndex((x) => x.id === b.workaround);
    const ws = state.people.workarounds[w]!;
    if (!ws.enabled) {
      ws.enabled = true;
      ws.announcedTick = state.tick;
    }
  }
  state.budgetKES -= cost + extra;
  state.metrics.budgetSpentKES += cost + extra;
  const channel = scenario.people.channels[s.channel]!;
  state.people.statements.push({
    tick: state.tick,
    channel: s.channel,
    languages: s.languages,
    blocks: s.blocks,
    landsTick: state.tick + channel.delayTicks,
    landed: false,
  });
  pushLog(
    state,
    'command',
    `statement ordered: ${channel.name} (${s.blocks.map((b) => b.kind).join(', ')})`,
    -1,
  );
  return { ok: true };
}
