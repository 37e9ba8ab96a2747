/**
 * The command-log reference (docs/commands.md is generated from this by `npm run docs:commands`). Both tables
 * are `Record`s over the `Command` and `RejectionCode` unions, so a new command or code that is not documented
 * here fails the typecheck, and the docs test fails until the page is regenerated. Every example is parsed by
 * the real parser in that test, so the page never shows a command the engine would call malformed.
 */
import type { Command, RejectionCode } from './types';

export interface FieldDoc {
  name: string;
  type: string;
  required: boolean;
  doc: string;
}

export interface CommandDoc {
  who: 'player' | 'facilitator' | 'anyone';
  summary: string;
  fields: FieldDoc[];
  example: Command;
  /** The rejection codes this command can get besides the ones every command can get. */
  rejections: RejectionCode[];
}

const f = (name: string, type: string, required: boolean, doc: string): FieldDoc => ({
  name,
  type,
  required,
  doc,
});

export const COMMAND_DOCS: { [K in Command['type']]: CommandDoc } = {
  mitigate: {
    who: 'player',
    summary:
      'Order a mitigation on a service. It costs its price now, takes effect after its delay, and runs until it expires or is lifted.',
    fields: [
      f(
        'mitigation',
        'id',
        true,
        'A mitigation on offer in the scenario (`mitigations.use` or `mitigations.add`).',
      ),
      f('target', 'service id', true, 'The service it acts on (for `isolate`: the dependant service).'),
      f('region', 'region id', false, '`geo-block` only: the region whose traffic is blocked.'),
      f(
        'dependsOn',
        'service id',
        false,
        '`isolate` only: the dependency to cut; what the target needed from it fails.',
      ),
    ],
    example: { type: 'mitigate', mitigation: 'rate-limit', target: 'gov-portal' },
    rejections: [
      'cmd/unknown-mitigation',
      'cmd/unknown-service',
      'cmd/wrong-target-kind',
      'cmd/unknown-dependency',
      'cmd/missing-region',
      'cmd/unknown-region',
      'cmd/not-down',
      'cmd/no-backup',
      'cmd/not-sheddable',
      'cmd/already-active',
      'cmd/insufficient-budget',
    ],
  },
  lift: {
    who: 'player',
    summary:
      'Lift an order early (its `uid` is in the result of the `mitigate` that placed it). Lifting `shed` or `maintenance` restarts the service.',
    fields: [f('uid', 'number', true, 'The order to lift.')],
    example: { type: 'lift', uid: 3 },
    rejections: ['cmd/not-active'],
  },
  answer: {
    who: 'player',
    summary:
      "Answer an open decision (a scenario's prompt, or a facilitator's `ask`). Its option's effects happen now.",
    fields: [
      f(
        'inject',
        'inject id',
        true,
        'The inject whose prompt is open (for a facilitator question: `ask-N`).',
      ),
      f(
        'option',
        'option id',
        true,
        "The chosen option's id (for a facilitator question: the answer's words).",
      ),
    ],
    example: { type: 'answer', inject: 'visa-on-arrival', option: 'yes' },
    rejections: ['cmd/no-such-prompt', 'cmd/unknown-option'],
  },
  statement: {
    who: 'player',
    summary:
      'Say something in public on a channel. It lands after the channel’s delay; each block has its effect on trust, rumours and workarounds, and claims are judged when the truth comes out.',
    fields: [
      f(
        'channel',
        'channel id',
        true,
        '`social`, `sms`, `press`, `banner`, `call-script`, `regulator`, `partners` (or as renamed).',
      ),
      f(
        'languages',
        'list of language ids',
        true,
        'At least one of the scenario’s languages (`en`, `sw` unless it declares its own); each segment hears what it understands. Ids it does not speak are dropped.',
      ),
      f(
        'blocks',
        'list of blocks (1–8)',
        true,
        '`{kind: acknowledge}`, `{kind: apologise}`, `{kind: cause, cause: glitch|cyber-attack|investigating|maintenance}`, `{kind: data-safe}`, `{kind: eta, minutes: 5–1440}`, `{kind: workaround, workaround: ID}`, `{kind: rebuttal, rumour: ID, evidence: none|law|independent}`, `{kind: goodwill}`, `{kind: blame, partner: ID}`.',
      ),
    ],
    example: {
      type: 'statement',
      channel: 'press',
      languages: ['en', 'sw'],
      blocks: [{ kind: 'acknowledge' }, { kind: 'cause', cause: 'investigating' }],
    },
    rejections: [
      'cmd/unknown-channel',
      'cmd/empty-statement',
      'cmd/unknown-workaround',
      'cmd/unknown-rumour',
      'cmd/unknown-partner',
      'cmd/insufficient-budget',
    ],
  },
  workaround: {
    who: 'player',
    summary:
      'Announce a customer workaround (a statement on its channel, in every language; it is put in place now and people hear of it when it lands) or withdraw it (uptake fades).',
    fields: [
      f('workaround', 'workaround id', true, 'A workaround of the scenario.'),
      f('action', '`announce` / `withdraw`', true, 'Put it in place, or take it back.'),
      f('channel', 'channel id', false, "Announce on this channel instead of the workaround's own."),
    ],
    example: { type: 'workaround', workaround: 'use-ussd', action: 'announce' },
    rejections: [
      'cmd/unknown-workaround',
      'cmd/not-enabled',
      'cmd/unknown-channel',
      'cmd/insufficient-budget',
    ],
  },
  noop: {
    who: 'anyone',
    summary: 'Does nothing (tests and tools use it to mark a tick).',
    fields: [],
    example: { type: 'noop' },
    rejections: [],
  },
  'fire-inject': {
    who: 'facilitator',
    summary: 'Fire an inject now, whatever its trigger (a held one is released and fired).',
    fields: [f('inject', 'inject id', true, 'The inject to fire.')],
    example: { type: 'fire-inject', inject: 'hacktivist-claim' },
    rejections: ['cmd/unknown-inject', 'cmd/inject-spent', 'cmd/inject-skipped'],
  },
  'hold-inject': {
    who: 'facilitator',
    summary:
      'Keep an inject from firing on its own trigger; if it comes due meanwhile, it waits for the release.',
    fields: [f('inject', 'inject id', true, 'The inject to hold.')],
    example: { type: 'hold-inject', inject: 'edge-strain' },
    rejections: ['cmd/unknown-inject', 'cmd/already-held', 'cmd/inject-spent', 'cmd/inject-skipped'],
  },
  'release-inject': {
    who: 'facilitator',
    summary: 'Let a held inject go: if it came due while held, it fires now.',
    fields: [f('inject', 'inject id', true, 'The held inject.')],
    example: { type: 'release-inject', inject: 'edge-strain' },
    rejections: ['cmd/unknown-inject', 'cmd/not-held'],
  },
  'skip-inject': {
    who: 'facilitator',
    summary: 'The inject will not fire at all (not on its trigger, not as a follow-up).',
    fields: [f('inject', 'inject id', true, 'The inject to skip.')],
    example: { type: 'skip-inject', inject: 'cert-warning' },
    rejections: ['cmd/unknown-inject', 'cmd/inject-spent', 'cmd/inject-skipped'],
  },
  'edit-inject': {
    who: 'facilitator',
    summary: "New words for one of an inject's feed or prompt effects, before it fires.",
    fields: [
      f('inject', 'inject id', true, 'The inject to reword.'),
      f('effect', 'number', true, "The effect's index among the inject's effects (0 is the first)."),
      f('text', 'text (≤ 500 characters)', true, 'The new words.'),
    ],
    example: { type: 'edit-inject', inject: 'portal-downtime', effect: 0, text: 'The portal is down again.' },
    rejections: [
      'cmd/unknown-inject',
      'cmd/not-editable',
      'cmd/empty-text',
      'cmd/too-long',
      'cmd/inject-spent',
      'cmd/limit-reached',
    ],
  },
  post: {
    who: 'facilitator',
    summary: 'A feed item the facilitator writes (a surprise, a caller, a journalist).',
    fields: [
      f('channel', '`headline` / `social` / `stakeholder` / `official` / `ops`', true, 'Where it appears.'),
      f('from', 'text (≤ 60 characters)', true, 'Who says it.'),
      f('text', 'text (≤ 500 characters)', true, 'What it says.'),
    ],
    example: { type: 'post', channel: 'social', from: '@worried_parent', text: 'Is my money safe?' },
    rejections: ['cmd/empty-text', 'cmd/too-long', 'cmd/limit-reached'],
  },
  ask: {
    who: 'facilitator',
    summary:
      'A decision put to the team, with 2–4 answers. It opens like a prompt (answered with `answer`, inject `ask-N`); unanswered after 10 minutes, the last answer is taken. It changes nothing in the simulation: the answer goes on the timeline.',
    fields: [
      f('from', 'text (≤ 60 characters)', true, 'Who asks.'),
      f('text', 'text (≤ 500 characters)', true, 'The question.'),
      f('answers', 'list of 2–4 texts', true, 'The answers on offer.'),
    ],
    example: { type: 'ask', from: 'The CEO', text: 'Do we call the minister?', answers: ['Yes', 'Not yet'] },
    rejections: ['cmd/empty-text', 'cmd/too-long', 'cmd/limit-reached'],
  },
  annotate: {
    who: 'facilitator',
    summary: '"Note this moment": a line on the timeline for the debrief and the report.',
    fields: [f('text', 'text (≤ 500 characters)', true, 'The note.')],
    example: { type: 'annotate', text: 'Team argued about the WAF here.' },
    rejections: ['cmd/empty-text', 'cmd/too-long', 'cmd/limit-reached'],
  },
  room: {
    who: 'facilitator',
    summary:
      "The room's clock: pause, resume, or a speed. The game acts on it; the engine keeps it in the log so a replay shows it.",
    fields: [
      f('action', '`pause` / `resume` / `speed`', true, 'What to do.'),
      f('speed', '1, 2, 4 or 8', false, '`speed` only: the new speed.'),
    ],
    example: { type: 'room', action: 'speed', speed: 4 },
    rejections: [],
  },
};

/** What each rejection code means, for people reading a log or a refusal. */
export const REJECTION_DOCS: { [K in RejectionCode]: string } = {
  'cmd/malformed': 'The command is not an object of the right shape (a missing or mistyped field).',
  'cmd/unknown-type': 'No command has this `type`.',
  'cmd/scenario-ended': 'The drill is over: no more commands.',
  'cmd/unknown-mitigation': 'No mitigation with this id in the scenario.',
  'cmd/unknown-service': 'No service with this id.',
  'cmd/unknown-dependency': '`isolate`: the target does not depend on `dependsOn`.',
  'cmd/unknown-region': '`geo-block`: no such region in the scenario.',
  'cmd/missing-region': '`geo-block` needs a `region`.',
  'cmd/wrong-target-kind':
    'The mitigation does not apply to this kind of service; the message names where it would work.',
  'cmd/insufficient-budget':
    'It costs more than the budget left (a free statement is never refused for money).',
  'cmd/already-active': 'The same order is already in place on the same target.',
  'cmd/not-active': '`lift`: no active order with this uid.',
  'cmd/not-down': '`restart`: the service is not down (the message says what a restart would cost instead).',
  'cmd/no-backup': '`failover`: the service has no standby site (`backup: true`).',
  'cmd/not-sheddable': '`shed`: the service is critical and cannot be switched off.',
  'cmd/no-such-prompt':
    '`answer`: no open decision from this inject (the message says when it closed, and how).',
  'cmd/unknown-option': '`answer`: the decision has no such option.',
  'cmd/unknown-channel': 'No channel with this id.',
  'cmd/unknown-workaround': 'No workaround with this id.',
  'cmd/unknown-rumour': '`rebuttal`: no rumour with this id.',
  'cmd/unknown-partner':
    '`blame`: not a partner of the scenario (to say it was an attack, use the cause block).',
  'cmd/empty-statement': 'A statement needs at least one block.',
  'cmd/not-enabled': '`withdraw`: the workaround is not in place.',
  'cmd/unknown-inject': 'No inject with this id.',
  'cmd/inject-spent': 'The inject has already fired as often as it can.',
  'cmd/inject-skipped': 'The facilitator skipped this inject.',
  'cmd/already-held': 'The inject is already held.',
  'cmd/not-held': '`release-inject`: the inject is not held.',
  'cmd/not-editable': '`edit-inject`: that effect has no words to change (only feed and prompt effects do).',
  'cmd/empty-text': 'The text is empty.',
  'cmd/too-long': 'The text is longer than the limit.',
  'cmd/limit-reached': 'The facilitator has used up the room this drill keeps for notes, posts or questions.',
};

/** docs/commands.md. */
export function commandReferenceMarkdown(): string {
  const out: string[] = [
    '# Command-log reference',
    '',
    '<!-- Generated by `npm run docs:commands` from src/engine/commandReference.ts; do not edit by hand. -->',
    '',
    'A replay is a scenario, a seed and a command log: a JSON list of `{"tick": N, "cmd": {...}}`, each command',
    'applied at the start of tick N (seconds since the start). `npm run sim -- FILE --seed S --commands log.json`',
    'replays one headless; the game exports the log of every drill (debrief, "Download the command log"). An illegal',
    'command is never an error: it gets a rejection code and a message, and the drill goes on.',
    '',
    '```json',
    '[',
    '  { "tick": 900, "cmd": { "type": "mitigate", "mitigation": "rate-limit", "target": "gov-portal" } },',
    '  { "tick": 960, "cmd": { "type": "statement", "channel": "press", "languages": ["en", "sw"], "blocks": [{ "kind": "acknowledge" }] } }',
    ']',
    '```',
    '',
    'Every command can also get `cmd/malformed`, `cmd/unknown-type` and `cmd/scenario-ended`.',
    '',
  ];
  for (const [type, d] of Object.entries(COMMAND_DOCS) as [string, CommandDoc][]) {
    out.push(`## \`${type}\` (${d.who})`, '', d.summary, '');
    if (d.fields.length > 0) {
      out.push('| field | type | required | meaning |', '|---|---|---|---|');
      for (const x of d.fields)
        out.push(`| \`${x.name}\` | ${x.type} | ${x.required ? 'yes' : 'no'} | ${x.doc} |`);
      out.push('');
    }
    out.push('```json', JSON.stringify(d.example), '```', '');
    if (d.rejections.length > 0)
      out.push(`Refused with: ${d.rejections.map((c) => `\`${c}\``).join(', ')}.`, '');
  }
  out.push('## Rejection codes', '', '| code | meaning |', '|---|---|');
  for (const [code, meaning] of Object.entries(REJECTION_DOCS)) out.push(`| \`${code}\` | ${meaning} |`);
  out.push('');
  return out.join('\n');
}
