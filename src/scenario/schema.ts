/**
 * The authored scenario format, version 1, as a zod schema. It is the single source of truth for:
 * validation (with every error mapped back to a line and column), the TypeScript type of a parsed file,
 * and the published JSON Schema that editors use for autocompletion (`npm run schema`).
 *
 * The schema has no transforms: it describes the text as written. Durations stay strings like "15m" here;
 * `build.ts` turns the validated document into the engine's resolved `Scenario`.
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration';
import {
  ATTACK_VECTORS,
  CAUSES,
  MITIGATION_KINDS,
  SERVICE_KINDS,
  STEP_POINTS,
  type FeedChannel,
} from '../engine/types';

/** Text limits that keep the UI readable on a projector. */
export const TEXT_LIMITS = { id: 40, name: 60, short: 200, text: 600, long: 1500 } as const;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: 'ids are lowercase letters, digits and dashes, e.g. "mobile-money"',
  })
  .max(TEXT_LIMITS.id);
const name = z.string().min(1).max(TEXT_LIMITS.name);
const short = z.string().min(1).max(TEXT_LIMITS.short);
const text = z.string().min(1).max(TEXT_LIMITS.text);
const long = z.string().min(1).max(TEXT_LIMITS.long);
const share = z.number().min(0).max(1);

/**
 * A text the players read during the drill, as one text or as a map by language (`{ en: "...", sw: "..." }`,
 * keys from the scenario's `languages`): the game shows the reader's language, else the first language's.
 */
const localized = (plain: z.ZodString) =>
  z.union([
    plain,
    z
      .record(id, plain)
      .refine((m) => Object.keys(m).length > 0, { error: 'give the text in at least one language' }),
  ]);
/** The fields written with `localized` (validate.ts reports a problem inside one as a text problem, not a union's). */
export const LOCALIZED_FIELDS: readonly string[] = ['text', 'label'];

/** A language the scenario's statements can be made in (default: English and Kiswahili). */
export const languageSchema = z.strictObject({ id, name });
/**
 * The largest amount any number in a scenario may be (money, customers, requests per second, weights). Far
 * above any real city, and far below where the engine's products overflow: a customers weight of 1e308 made the
 * score Infinity, and an ATM need worth 1e308 made the value moved Infinity (fuzz seed wave2a, cases 678, 1706,
 * 2253); 10^12 × 10^12 × 10^10 people × 72 h is still about 10^36.
 */
export const MAX_AMOUNT = 1e12;
const amount = z.number().min(-MAX_AMOUNT).max(MAX_AMOUNT);
const positive = z.number().positive().max(MAX_AMOUNT);
const nonNegative = z.number().min(0).max(MAX_AMOUNT);

export { DURATION_PATTERN };
/** No duration in a drill is longer than this: a longer one is a typo, and would run for hours. */
export const MAX_DURATION_SECONDS = 72 * 3600;
const durationText = (v: string): number => {
  const m = DURATION_PATTERN.exec(v);
  if (!m) return Number.NaN;
  return (
    (m[1] ? parseFloat(m[1]) : 0) * 3600 + (m[3] ? parseFloat(m[3]) : 0) * 60 + (m[5] ? parseFloat(m[5]) : 0)
  );
};
export const duration = z.union([
  nonNegative.max(MAX_DURATION_SECONDS, { error: 'a duration is at most 72h (259200 seconds)' }),
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'a duration is like "90s", "15m", "4h" or "1h30m"' })
    // Only a duration that reads is judged for length (the pattern reports one that does not).
    .refine((v) => !(durationText(v) > MAX_DURATION_SECONDS), { error: 'a duration is at most 72h' }),
]);

const regionShares = z.record(id, share);

export const metaSchema = z.strictObject({
  title: name,
  summary: long,
  objectives: z.array(short).min(1).max(8),
  audience: short,
  difficulty: z.enum(['intro', 'intermediate', 'advanced']),
  author: name,
  inspiredBy: z
    .array(z.strictObject({ note: text, source: short }))
    .max(12)
    .default([]),
});

/** The scenario's own currency: amounts stay numbers, only how they are written changes (default KES). */
export const currencySchema = z.strictObject({
  /** ISO 4217 code, e.g. "USD". */
  code: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'a currency code is three capital letters (ISO 4217), e.g. "USD"' }),
  /** Written next to amounts, e.g. "$" or "KSh" (default: the code). */
  symbol: z.string().min(1).max(5).optional(),
  /** The symbol follows the amount ("120 kr"), instead of leading it ("$120"). */
  after: z.boolean().optional(),
});

export const clockSchema = z.strictObject({
  /** Wall-clock label of the drill's start, e.g. "2023-07-27T08:00". */
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'write the start as "YYYY-MM-DDTHH:MM"' }),
  duration,
});

const builtInKind = z.enum(SERVICE_KINDS as [string, ...string[]]);

/** A service kind of the scenario's own ("pharmacy"), drawn and targeted like the built-in kind it names. */
export const kindSchema = z.strictObject({
  id,
  name,
  /** The built-in kind that decides which mitigations may target it and how the map draws it. */
  like: builtInKind,
});

export const serviceSchema = z.strictObject({
  id,
  name,
  /** A built-in kind, or the id of one of the scenario's own `kinds`. */
  kind: z.union([builtInKind, id]),
  description: text.optional(),
  capacity: z.number().min(0.01).max(1e9),
  latency: nonNegative.optional(),
  timeout: duration.optional(),
  restart: duration.optional(),
  warmup: duration.optional(),
  /** Sustained utilisation above this crashes the service; omit for services that shed load but never crash. */
  crashAt: z.number().min(1).max(MAX_AMOUNT).optional(),
  crashAfter: duration.optional(),
  clientRetry: z.number().min(0).max(0.95).optional(),
  critical: z.boolean().optional(),
  sheddable: z.boolean().optional(),
  backup: z.boolean().optional(),
  /** Software or vendors it is built on (a `supply-chain-update` effect names one of these). */
  uses: z.array(id).max(16).optional(),
  map: z.strictObject({ x: z.number().min(0).max(1000), y: z.number().min(0).max(1000) }),
  /**
   * The city district the map draws it in: a built-in one (government, banking, telecom, market, power,
   * transport) or a name of the author's own. Omitted: derived from the kind. The map only, never the engine.
   */
  district: name.optional(),
});

export const dependencySchema = z.strictObject({
  from: id,
  to: id,
  kind: z.enum(['hard', 'soft']),
  weight: share.optional(),
  share: share.optional(),
  attackShare: share.optional(),
});

export const needSchema = z.strictObject({
  service: id,
  perHour: nonNegative,
  value: nonNegative,
});

export const segmentSchema = z.strictObject({
  id,
  name,
  size: z.number().min(1).max(1e10),
  patience: duration.optional(),
  retryEvery: duration.optional(),
  churn: share.optional(),
  regions: regionShares.optional(),
  needs: z.array(needSchema).min(1).max(12),
  /** Trust at the start, 0–100 (default 60). */
  trust: z.number().min(0).max(100).optional(),
  /** Channel habits: share of the segment each channel reaches (default: the channel's own reach). */
  reach: z.record(id, share).optional(),
  /** Share of the segment that understands each of the scenario's languages (default en 0.7, sw 0.9, others 1). */
  languages: z.record(id, share).optional(),
  /** Share of stranded customers who call the call centre per hour. */
  callsPerHour: nonNegative.optional(),
});

export const attackSchema = z.strictObject({
  id,
  vector: z.enum(ATTACK_VECTORS as [string, ...string[]]),
  target: id,
  intensity: z
    .array(z.strictObject({ at: duration, rps: nonNegative }))
    .min(1)
    .max(64),
  sources: regionShares.optional(),
  jitter: z.number().min(0).max(0.5).optional(),
  /** Wait for an inject's `start` effect; the intensity times then count from that moment. */
  startsOff: z.boolean().optional(),
});

const mitigationTuning = z.strictObject({
  name: name.optional(),
  description: text.optional(),
  sideEffect: text.optional(),
  delay: duration.optional(),
  duration: duration.optional(),
  cost: nonNegative.optional(),
  costPerHour: nonNegative.optional(),
  params: z.record(z.string(), amount).optional(),
});

export const mitigationAddition = z.strictObject({
  id,
  kind: z.enum(MITIGATION_KINDS as [string, ...string[]]),
  name,
  description: text,
  sideEffect: text,
  delay: duration,
  duration: duration.optional(),
  cost: nonNegative,
  costPerHour: nonNegative.optional(),
  params: z.record(z.string(), amount).optional(),
  targets: z.array(z.enum(SERVICE_KINDS as [string, ...string[]])).optional(),
});

export const mitigationsSchema = z.strictObject({
  /** Built-in catalogue entries on offer; omit for all of them. */
  use: z.array(id).optional(),
  tune: z.record(id, mitigationTuning).optional(),
  add: z.array(mitigationAddition).optional(),
});

export const feedChannels = [
  'headline',
  'social',
  'stakeholder',
  'official',
  'ops',
] as const satisfies readonly FeedChannel[];

const feedEffect = z.strictObject({
  type: z.literal('feed'),
  channel: z.enum(feedChannels),
  from: name,
  text: localized(text),
});
const attackEffect = z.strictObject({
  type: z.literal('attack'),
  attack: id,
  action: z.enum(['start', 'stop', 'escalate', 'shift']),
  /** escalate: multiply the intensity by this. */
  factor: positive.optional(),
  /** shift: the new target. */
  target: id.optional(),
});
const capacityEffect = z.strictObject({ type: z.literal('capacity'), service: id, factor: nonNegative });
const failEffect = z.strictObject({
  type: z.literal('fail'),
  service: id,
  for: duration.optional(),
  /** The mitigations that end this failure early (default: restart or failover); [] for none. */
  endedBy: z.array(id).optional(),
  /** The chance (drawn from the seed) that the failure also hits the standby site: then failover cannot end it. */
  standbyHit: share.optional(),
});
const restoreEffect = z.strictObject({ type: z.literal('restore'), service: id });
const budgetEffect = z.strictObject({ type: z.literal('budget'), amount });
const endEffect = z.strictObject({
  type: z.literal('end'),
  outcome: z.enum(['success', 'partial', 'failure']),
  text: localized(text),
});
const fireEffect = z.strictObject({ type: z.literal('fire'), inject: id });
const rumourEffect = z.strictObject({ type: z.literal('rumour'), rumour: id, belief: share.optional() });
const trustEffect = z.strictObject({
  type: z.literal('trust'),
  stakeholder: id,
  delta: z.number().min(-100).max(100),
});
/**
 * Attack presets (compiled to `fail` effects, build.ts): a bad configuration change by an insider, which only
 * a rollback ends; a vendor's update that breaks every service that `uses` the component, until rolled back.
 */
const insiderChangeEffect = z.strictObject({
  type: z.literal('insider-change'),
  service: id,
  /** The mitigations that end it (default: [rollback]; a scenario without one gets the standard rollback). */
  endedBy: z.array(id).min(1).optional(),
});
const supplyChainEffect = z.strictObject({
  type: z.literal('supply-chain-update'),
  /** A component named in services' `uses`. */
  component: id,
  endedBy: z.array(id).min(1).optional(),
});
const revealEffect = z.strictObject({ type: z.literal('reveal') });
const dataTakenEffect = z.strictObject({ type: z.literal('data-taken') });
export const CAUSE_LIST = ['glitch', 'cyber-attack', 'investigating', 'maintenance'] as const;
const blockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('acknowledge') }),
  z.strictObject({ kind: z.literal('apologise') }),
  z.strictObject({ kind: z.literal('cause'), cause: z.enum(CAUSE_LIST) }),
  z.strictObject({ kind: z.literal('data-safe') }),
  z.strictObject({ kind: z.literal('eta'), minutes: z.number().min(5).max(1440) }),
  z.strictObject({ kind: z.literal('workaround'), workaround: id }),
  z.strictObject({
    kind: z.literal('rebuttal'),
    rumour: id,
    evidence: z.enum(['none', 'law', 'independent']).optional(),
  }),
  z.strictObject({ kind: z.literal('goodwill') }),
  z.strictObject({ kind: z.literal('blame'), partner: id }),
]);
/** A statement made by the script on the commander's side (a minister's words): its claims count like the player's. */
const statementEffect = z.strictObject({
  type: z.literal('statement'),
  channel: id,
  languages: z.array(id).min(1).optional(),
  blocks: z.array(blockSchema).min(1).max(8),
});

/** Effects that can appear anywhere (a prompt's options use these, so prompts cannot nest). */
const SIMPLE_EFFECTS = [
  feedEffect,
  attackEffect,
  capacityEffect,
  failEffect,
  insiderChangeEffect,
  supplyChainEffect,
  restoreEffect,
  budgetEffect,
  endEffect,
  fireEffect,
  rumourEffect,
  trustEffect,
  revealEffect,
  dataTakenEffect,
  statementEffect,
] as const;
export const simpleEffect = z.discriminatedUnion('type', [...SIMPLE_EFFECTS]);

export const promptEffect = z.strictObject({
  type: z.literal('prompt'),
  from: name,
  text: localized(text),
  /** Pause the drill's clock until someone answers (default true). */
  pause: z.boolean().optional(),
  /** Without an answer by then, the option marked `default` is taken. */
  timeout: duration.optional(),
  options: z
    .array(
      z.strictObject({
        id,
        label: localized(short),
        default: z.boolean().optional(),
        effects: z.array(simpleEffect).max(16),
      }),
    )
    .min(2)
    .max(5),
});

export const effectSchema = z.discriminatedUnion('type', [...SIMPLE_EFFECTS, promptEffect]);

export const triggerSchema = z.strictObject({
  /** At a simulated time after the start. */
  at: duration.optional(),
  /** When an expression over the state becomes true. */
  when: z.string().min(1).max(400).optional(),
  /** After the player orders this mitigation (optionally on this target). */
  after: z.strictObject({ mitigation: id, target: id.optional() }).optional(),
  /** Each `every`, fire with this seeded probability. */
  chance: share.optional(),
  every: duration.optional(),
  /** No firing before this time. */
  notBefore: duration.optional(),
});

/**
 * A tutorial step: the clock holds from the moment the inject fires until the trainee does what `until` asks
 * (exactly one of its kinds). `point` names the control the UI highlights.
 */
export const stepSchema = z.strictObject({
  point: z.enum(STEP_POINTS).optional(),
  until: z.strictObject({
    /** The trainee selects this service (map click, service list, [ and ]). */
    select: id.optional(),
    /** An order of this mitigation is in progress or in effect (on `on`, if given). */
    order: id.optional(),
    on: id.optional(),
    /** A statement has been sent on this channel. */
    statement: id.optional(),
    /** This workaround has been announced (is in place). */
    announce: id.optional(),
    /** An expression over the state, as in a trigger's `when`, is true. */
    when: z.string().min(1).max(400).optional(),
  }),
});

export const injectSchema = z.strictObject({
  id,
  trigger: triggerSchema,
  /** Fire more than once: at most `times` in all, at least `cooldown` apart. */
  repeat: z.strictObject({ times: z.number().int().min(2).max(100), cooldown: duration }).optional(),
  /** Only as a follow-up (`fire` effect or a prompt option), never on its own. */
  followUpOnly: z.boolean().optional(),
  /** Make this inject a tutorial step that holds the clock until the trainee has done it. */
  step: stepSchema.optional(),
  effects: z.array(effectSchema).min(1).max(16),
});

export const scoringSchema = z.strictObject({
  weights: z
    .strictObject({
      availability: nonNegative.optional(),
      valueMoved: nonNegative.optional(),
      customers: nonNegative.optional(),
      budget: nonNegative.optional(),
      trust: nonNegative.optional(),
      rumours: nonNegative.optional(),
      honesty: nonNegative.optional(),
    })
    .optional(),
});

/**
 * How much the seed varies the incident (engine/variation.ts). Each seed draws its own start, strength and curve
 * for every attack and its own background faults, so a class of trainees do not all see the same incident and
 * a drill replays differently with another seed. All zero: every seed plays the same incident.
 */
export const variationSchema = z.strictObject({
  /** Attacks start up to this much earlier (a third of it) or later. */
  start: duration.optional(),
  /** Each attack's strength is scaled by 1 ± this, and each step of its curve by 1 ± half of it. */
  intensity: z.number().min(0).max(0.8).optional(),
  /** Up to this many unrelated background faults (a service at half capacity for 20–40 minutes). */
  faults: z.number().int().min(0).max(5).optional(),
  /** Probability that an attack comes with another vector than the one written (0–1). */
  vectorChange: z.number().min(0).max(1).optional(),
});

/**
 * A rule of a scripted play: when the condition holds (an expression, as in an inject's `when`), give the
 * command (as in a command log). Once, or again every `every` while it holds.
 */
export const playRuleSchema = z.strictObject({
  when: z.string().min(1).max(TEXT_LIMITS.text),
  do: z
    .strictObject({ type: z.enum(['mitigate', 'lift', 'answer', 'statement', 'workaround']) })
    .catchall(z.unknown()),
  every: duration.optional(),
});

/** What `npm run balance -- --check` must find over many seeds (src/balance/checks.ts). */
export const balanceSchema = z.strictObject({
  /** Rules added to the generic expert play (what this drill's textbook answer knows that no generic one can). */
  expert: z.array(playRuleSchema).max(50).optional(),
  /** Rules added to the generic panic play. */
  panic: z.array(playRuleSchema).max(50).optional(),
  /** The score a trainee needs to pass; doing nothing must never reach it. */
  passMark: z.number().min(0).max(100).optional(),
  /** The band the expert play's median total must fall in, e.g. [60, 90]. */
  expertBand: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]).optional(),
});

export const peopleSchema = z.strictObject({
  stakeholders: z
    .array(
      z.strictObject({
        id,
        name,
        kind: z.enum(['public', 'media', 'regulator', 'partner', 'other']),
        trust: z.number().min(0).max(100).optional(),
      }),
    )
    .min(1)
    .max(12)
    .optional(),
  /** Built-in channels on offer (default: all). */
  channels: z.array(id).optional(),
  /**
   * Channels of the scenario's own (community health volunteers, a county hotline), each a copy of the built-in
   * channel it is `like`, with the numbers given here.
   */
  addChannels: z
    .array(
      z.strictObject({
        id,
        name,
        like: id,
        reach: share.optional(),
        credibility: share.optional(),
        delay: duration.optional(),
        cost: nonNegative.optional(),
        addresses: z.array(z.enum(['public', 'media', 'regulator', 'partner', 'other'])).optional(),
      }),
    )
    .max(8)
    .optional(),
  /** Per-scenario changes to a built-in channel (a pricier SMS gateway, a slower press office...). */
  tuneChannels: z
    .record(
      id,
      z.strictObject({
        name: name.optional(),
        reach: share.optional(),
        credibility: share.optional(),
        delay: duration.optional(),
        cost: nonNegative.optional(),
      }),
    )
    .optional(),
  callCentre: id.optional(),
  silenceGrace: duration.optional(),
  truth: z
    .strictObject({
      cause: z.enum(CAUSES),
      dataSafe: z.boolean(),
      revealAt: duration.optional(),
      /** The headline when the investigation reports (default: none beyond the claims it settles). */
      reveal: text.optional(),
      /** How the players' "data is safe" claim is quoted when it is judged (default: no customer data was affected). */
      dataClaim: short.optional(),
    })
    .optional(),
  templates: z
    .strictObject({
      angry: z.array(short).max(20).optional(),
      worried: z.array(short).max(20).optional(),
      calm: z.array(short).max(20).optional(),
    })
    .optional(),
});

export const rumourSchema = z.strictObject({
  id,
  text: short,
  /** Born on its own from outage × silence × grievance. */
  auto: z.boolean().optional(),
  /** Silence needed before it can be born on its own. */
  silence: duration.optional(),
  spread: z.number().min(0).max(5).optional(),
  decay: share.optional(),
  true: z.boolean().optional(),
  hits: z
    .array(z.strictObject({ service: id, factor: z.number().min(0).max(5) }))
    .max(12)
    .optional(),
  trustHit: z.number().min(0).max(10).optional(),
});

export const workaroundSchema = z.strictObject({
  id,
  name,
  description: text,
  from: id,
  to: id,
  segments: z.array(id).optional(),
  maxShare: share,
  ramp: duration.optional(),
  cost: nonNegative.optional(),
  costPerHour: nonNegative.optional(),
  channel: id.optional(),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  id,
  meta: metaSchema,
  clock: clockSchema,
  budget: nonNegative,
  currency: currencySchema.optional(),
  /** The languages statements can be made in, first the one texts fall back to (default: en English, sw Kiswahili). */
  languages: z.array(languageSchema).min(1).max(12).optional(),
  regions: z.array(id).min(1).max(12).optional(),
  demandCurve: z.array(nonNegative).length(24).optional(),
  kinds: z.array(kindSchema).max(32).optional(),
  services: z.array(serviceSchema).min(1).max(10_000),
  dependencies: z.array(dependencySchema).max(50_000).default([]),
  segments: z.array(segmentSchema).max(64).default([]),
  attacks: z.array(attackSchema).max(64).default([]),
  mitigations: mitigationsSchema.optional(),
  injects: z.array(injectSchema).max(500).default([]),
  people: peopleSchema.optional(),
  rumours: z.array(rumourSchema).max(32).default([]),
  workarounds: z.array(workaroundSchema).max(32).default([]),
  scoring: scoringSchema.optional(),
  variation: variationSchema.optional(),
  balance: balanceSchema.optional(),
  debrief: z.strictObject({ questions: z.array(text).max(20) }).optional(),
});

export type ScenarioDocument = z.output<typeof scenarioSchema>;
export type EffectDocument = z.output<typeof effectSchema>;
export type SimpleEffectDocument = z.output<typeof simpleEffect>;
export type InjectDocument = z.output<typeof injectSchema>;
