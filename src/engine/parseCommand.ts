/**
 * Commands arrive as untrusted data (the UI, a hand-edited replay file, a share link, a fuzzer): `parseCommand`
 * turns anything into either a well-formed `Command` or the reason it is not one, so the rest of the engine
 * works with typed commands only. It checks shape, never the scenario or the state: whether the mitigation,
 * service or rumour named exists is for `apply` (commands.ts, orders.ts) to say.
 *
 * A field of the wrong type is rejected with the code the engine gives for a value that names nothing (a
 * target of 3 is an unknown service, as a target of "nope" is), so a faulty command gets the same answer
 * whichever way it is faulty. Optional fields of the wrong type count as absent, as they always have.
 */
import { parseFacilitatorCommand } from './facilitator';
import {
  BLOCK_KINDS,
  CAUSES,
  LANGUAGES,
  type Command,
  type Language,
  type RejectionCode,
  type StatementBlock,
} from './types';

export type ParsedCommand = { ok: true; cmd: Command } | { ok: false; code: RejectionCode; message: string };

/** At most this many content blocks in one statement. */
export const MAX_BLOCKS = 8;

type Fields = Record<string, unknown>;

const fail = (code: RejectionCode, message: string): ParsedCommand => ({ ok: false, code, message });

/**
 * What a rejection quotes of the player's input: at most 60 characters. The message goes into the state's
 * log, so an order with a megabyte-long id would otherwise grow every save and report by a megabyte.
 */
export function quoteInput(value: unknown): string {
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
const isRecord = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);
const optionalString = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

export function parseCommand(input: unknown): ParsedCommand {
  if (!isRecord(input) || typeof input.type !== 'string')
    return fail('cmd/malformed', 'a command is an object with a "type"');
  const c = input;
  switch (c.type) {
    case 'noop':
      return { ok: true, cmd: { type: 'noop' } };
    case 'mitigate': {
      if (typeof c.mitigation !== 'string')
        return fail('cmd/unknown-mitigation', `no mitigation '${quoteInput(c.mitigation)}' in this scenario`);
      if (typeof c.target !== 'string')
        return fail('cmd/unknown-service', `no service '${quoteInput(c.target)}'`);
      const cmd: Extract<Command, { type: 'mitigate' }> = {
        type: 'mitigate',
        mitigation: c.mitigation,
        target: c.target,
      };
      const region = optionalString(c.region);
      const dependsOn = optionalString(c.dependsOn);
      if (region !== undefined) cmd.region = region;
      if (dependsOn !== undefined) cmd.dependsOn = dependsOn;
      return { ok: true, cmd };
    }
    case 'lift':
      if (typeof c.uid !== 'number') return fail('cmd/not-active', `no active order #${quoteInput(c.uid)}`);
      return { ok: true, cmd: { type: 'lift', uid: c.uid } };
    case 'answer':
      if (typeof c.inject !== 'string')
        return fail('cmd/no-such-prompt', `no open decision from inject '${quoteInput(c.inject)}'`);
      if (typeof c.option !== 'string')
        return fail('cmd/unknown-option', `the decision has no option '${quoteInput(c.option)}'`);
      return { ok: true, cmd: { type: 'answer', inject: c.inject, option: c.option } };
    case 'statement':
      return parseStatement(c);
    case 'workaround': {
      if (typeof c.workaround !== 'string')
        return fail('cmd/unknown-workaround', `no workaround '${quoteInput(c.workaround)}' in this scenario`);
      if (c.action !== 'announce' && c.action !== 'withdraw')
        return fail('cmd/malformed', "a workaround's action is 'announce' or 'withdraw'");
      const cmd: Extract<Command, { type: 'workaround' }> = {
        type: 'workaround',
        workaround: c.workaround,
        action: c.action,
      };
      const channel = optionalString(c.channel);
      if (channel !== undefined) cmd.channel = channel;
      return { ok: true, cmd };
    }
    default:
      return (
        parseFacilitatorCommand(c) ?? fail('cmd/unknown-type', `unknown command type '${quoteInput(c.type)}'`)
      );
  }
}

/** What a language id looks like (the scenario's own ids are checked when the statement is applied). */
const LANGUAGE_ID = /^[a-z][a-z0-9-]{0,39}$/;

function parseStatement(c: Fields): ParsedCommand {
  if (typeof c.channel !== 'string')
    return fail('cmd/unknown-channel', `no channel '${quoteInput(c.channel)}'`);
  // Which languages the scenario speaks is checked against it (orders.ts); here only that they look like ids.
  const languages = Array.isArray(c.languages)
    ? c.languages.filter((l): l is Language => typeof l === 'string' && LANGUAGE_ID.test(l))
    : [];
  if (languages.length === 0)
    return fail('cmd/malformed', `choose at least one language (${LANGUAGES.join(', ')})`);
  if (!Array.isArray(c.blocks) || c.blocks.length === 0)
    return fail('cmd/empty-statement', 'a statement needs at least one content block');
  if (c.blocks.length > MAX_BLOCKS)
    return fail('cmd/malformed', `at most ${MAX_BLOCKS} blocks in one statement`);
  const blocks: StatementBlock[] = [];
  for (const raw of c.blocks as unknown[]) {
    const block = parseBlock(raw);
    if ('code' in block) return fail(block.code, block.message);
    blocks.push(block);
  }
  return { ok: true, cmd: { type: 'statement', channel: c.channel, languages, blocks } };
}

/** One content block, rebuilt from its known fields only (anything else on it is dropped). */
function parseBlock(raw: unknown): StatementBlock | { code: RejectionCode; message: string } {
  if (!isRecord(raw) || !BLOCK_KINDS.includes(raw.kind as (typeof BLOCK_KINDS)[number]))
    return { code: 'cmd/malformed', message: `unknown content block; use one of ${BLOCK_KINDS.join(', ')}` };
  const b = raw;
  switch (b.kind as (typeof BLOCK_KINDS)[number]) {
    case 'cause': {
      const cause = CAUSES.find((x) => x === b.cause);
      if (cause === undefined)
        return { code: 'cmd/malformed', message: `a cause is one of ${CAUSES.join(', ')}` };
      return { kind: 'cause', cause };
    }
    case 'eta':
      if (
        typeof b.minutes !== 'number' ||
        !Number.isFinite(b.minutes) ||
        b.minutes < 5 ||
        b.minutes > 24 * 60
      )
        return { code: 'cmd/malformed', message: 'an ETA is a number of minutes between 5 and 1440' };
      return { kind: 'eta', minutes: Math.round(b.minutes) };
    case 'workaround':
      if (typeof b.workaround !== 'string')
        return { code: 'cmd/unknown-workaround', message: `no workaround '${quoteInput(b.workaround)}'` };
      return { kind: 'workaround', workaround: b.workaround };
    case 'rebuttal':
      if (typeof b.rumour !== 'string')
        return { code: 'cmd/unknown-rumour', message: `no rumour '${quoteInput(b.rumour)}'` };
      return {
        kind: 'rebuttal',
        rumour: b.rumour,
        evidence: b.evidence === 'law' || b.evidence === 'independent' ? b.evidence : 'none',
      };
    case 'blame':
      if (typeof b.partner !== 'string')
        return { code: 'cmd/unknown-partner', message: `no partner '${quoteInput(b.partner)}'` };
      return { kind: 'blame', partner: b.partner };
    case 'acknowledge':
    case 'apologise':
    case 'data-safe':
    case 'goodwill':
      return { kind: b.kind as 'acknowledge' | 'apologise' | 'data-safe' | 'goodwill' };
  }
}
