/**
 * Validating and ordering a public statement (commands.ts delegates here). Validation is strict because
 * statements arrive from the UI, replay files and tests alike; a bad one is rejected with a code, never thrown.
 */
import { pushLog } from './log';
import type { Sim } from './sim';
import { statementCost } from './statements';
import {
  BLOCK_KINDS,
  CAUSES,
  LANGUAGES,
  type ApplyResult,
  type Language,
  type RejectionCode,
  type StatementBlock,
} from './types';

export interface CheckedStatement {
  channel: number;
  languages: Language[];
  blocks: StatementBlock[];
}

type Problem = { code: RejectionCode; message: string };

export const MAX_BLOCKS = 8;

export function validateStatement(sim: Sim, cmd: Record<string, unknown>): CheckedStatement | Problem {
  const { scenario } = sim;
  const people = scenario.people;
  const channel = people.channels.findIndex((c) => c.id === cmd.channel);
  if (channel < 0) return { code: 'cmd/unknown-channel', message: `no channel '${String(cmd.channel)}'` };
  const languages = Array.isArray(cmd.languages)
    ? cmd.languages.filter((l): l is Language => LANGUAGES.includes(l as Language))
    : [];
  if (languages.length === 0)
    return { code: 'cmd/malformed', message: `choose at least one language (${LANGUAGES.join(', ')})` };
  if (!Array.isArray(cmd.blocks) || cmd.blocks.length === 0)
    return { code: 'cmd/empty-statement', message: 'a statement needs at least one content block' };
  if (cmd.blocks.length > MAX_BLOCKS)
    return { code: 'cmd/malformed', message: `at most ${MAX_BLOCKS} blocks in one statement` };
  const blocks: StatementBlock[] = [];
  for (const raw of cmd.blocks as unknown[]) {
    const b = raw as Record<string, unknown> | null;
    if (
      typeof b !== 'object' ||
      b === null ||
      !BLOCK_KINDS.includes(b.kind as (typeof BLOCK_KINDS)[number])
    ) {
      return {
        code: 'cmd/malformed',
        message: `unknown content block; use one of ${BLOCK_KINDS.join(', ')}`,
      };
    }
    switch (b.kind) {
      case 'cause':
        if (!CAUSES.includes(b.cause as never))
          return { code: 'cmd/malformed', message: `a cause is one of ${CAUSES.join(', ')}` };
        blocks.push({
          kind: 'cause',
          cause: b.cause as StatementBlock & { kind: 'cause' } extends { cause: infer C } ? C : never,
        });
        break;
      case 'eta':
        if (
          typeof b.minutes !== 'number' ||
          !Number.isFinite(b.minutes) ||
          b.minutes < 5 ||
          b.minutes > 24 * 60
        ) {
          return { code: 'cmd/malformed', message: 'an ETA is a number of minutes between 5 and 1440' };
        }
        blocks.push({ kind: 'eta', minutes: Math.round(b.minutes) });
        break;
      case 'workaround': {
        const w = people.workarounds.findIndex((x) => x.id === b.workaround);
        if (w < 0)
          return { code: 'cmd/unknown-workaround', message: `no workaround '${String(b.workaround)}'` };
        blocks.push({ kind: 'workaround', workaround: people.workarounds[w]!.id });
        break;
      }
      case 'rebuttal': {
        const r = people.rumours.findIndex((x) => x.id === b.rumour);
        if (r < 0) return { code: 'cmd/unknown-rumour', message: `no rumour '${String(b.rumour)}'` };
        const evidence = b.evidence === 'law' || b.evidence === 'independent' ? b.evidence : 'none';
        blocks.push({ kind: 'rebuttal', rumour: people.rumours[r]!.id, evidence });
        break;
      }
      case 'blame': {
        const k = people.stakeholders.findIndex((x) => x.id === b.partner && x.kind === 'partner');
        if (k < 0) return { code: 'cmd/unknown-partner', message: `no partner '${String(b.partner)}'` };
        blocks.push({ kind: 'blame', partner: people.stakeholders[k]!.id });
        break;
      }
      default:
        blocks.push({ kind: b.kind as 'acknowledge' | 'apologise' | 'data-safe' | 'goodwill' });
    }
  }
  return { channel, languages, blocks };
}

export function orderStatement(sim: Sim, s: CheckedStatement): ApplyResult {
  const { scenario, state } = sim;
  const cost = statementCost(sim, s.channel, s.blocks);
  if (cost > state.budgetKES) {
    return {
      ok: false,
      code: 'cmd/insufficient-budget',
      message: `this statement costs KES ${cost}, the budget left is KES ${Math.floor(state.budgetKES)}`,
    };
  }
  // Workarounds in the statement are put in place now (their cost too); people hear of them when it lands.
  let extra = 0;
  for (const b of s.blocks) {
    if (b.kind !== 'workaround') continue;
    const w = scenario.people.workarounds.findIndex((x) => x.id === b.workaround);
    if (!state.people.workarounds[w]!.enabled) extra += scenario.people.workarounds[w]!.costKES;
  }
  if (cost + extra > state.budgetKES) {
    return {
      ok: false,
      code: 'cmd/insufficient-budget',
      message: `this statement and its workarounds cost KES ${cost + extra}, the budget left is KES ${Math.floor(state.budgetKES)}`,
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
