/**
 * Does a save fit the scenario it will resume with? A save names its scenario by id, and the same id can be
 * another version of the drill (a service more or fewer) or a save that was edited by hand (services removed,
 * `rng: null`, a mitigation that does not exist) with its checksums recomputed. Either would crash the engine
 * or the panels on the first frame, so `checkSaveFits` is asked BEFORE a drill resumes, and its refusal names
 * what is wrong.
 *
 * FINGERPRINT. `scenarioFingerprint` hashes the scenario's shape: every id and count that the state refers to
 * by index (services, dependencies, segments and their needs, attacks, mitigations, injects and their effects,
 * stakeholders, channels, rumours, workarounds, regions). Numbers are left out: a tuned capacity changes the
 * outcome (the store says the history no longer replays the same) but not what the state's indices mean.
 * Saves since format 3 carry it; for older saves the state itself is measured against the scenario.
 *
 * STATE. The snapshot is validated with a zod schema built from the scenario: lengths of every per-service,
 * per-segment, per-attack… array, every index in range, the RNG streams well-formed, numbers finite. Fields
 * it does not know are let through (the engine's state may grow). Last, one step is tried on a copy: if the
 * engine still throws, the save is refused with the engine's message.
 */
import {
  BLOCK_KINDS,
  FEED_LIMIT,
  hashText,
  languageIds,
  LOG_LIMIT,
  restore,
  SERVICE_STATUSES,
  step,
  TRUST_DRIVERS,
  type Scenario,
  type SimState,
} from '../engine';
import { refuse, type FIT_PARTS, type Refusal } from './refusals';
import type { Save } from './save';
import { z } from './zod';

export type FitResult = { ok: true } | { ok: false; error: string; refusal: Refusal };

/** A short hash of the scenario's shape (ids and counts; see FINGERPRINT). */
export function scenarioFingerprint(scenario: Scenario): string {
  const shape = {
    id: scenario.id,
    regions: scenario.regions,
    services: scenario.services.map((s) => [s.id, s.kind]),
    dependencies: scenario.dependencies.map((d) => [d.from, d.to]),
    segments: scenario.segments.map((g) => [g.id, g.needs.map((n) => n.service)]),
    attacks: scenario.attacks.map((a) => a.id),
    mitigations: scenario.mitigations.map((m) => [m.id, m.kind]),
    injects: scenario.injects.map((i) => [i.id, i.effects.map((e) => e.type)]),
    stakeholders: scenario.people.stakeholders.map((k) => k.id),
    channels: scenario.people.channels.map((c) => c.id),
    rumours: scenario.people.rumours.map((r) => r.id),
    workarounds: scenario.people.workarounds.map((w) => w.id),
    // Only a scenario with its own languages adds them: the others keep the fingerprint their saves carry.
    ...(scenario.languages ? { languages: languageIds(scenario) } : {}),
  };
  return hashText(JSON.stringify(shape));
}

const MAX_ITEMS = 100_000;
const MAX_TEXT = 10_000;
const num = z.number();
const text = z.string().check(z.maxLength(MAX_TEXT));
const flag = z.boolean();
/** An integer from `min` (to `max`). */
const int = (min: number, max?: number) =>
  max === undefined
    ? z.number().check(z.int(), z.minimum(min))
    : z.number().check(z.int(), z.minimum(min), z.maximum(max));
const tick = int(-1);
const obj = z.looseObject;
const index = (size: number, min = 0) => int(min, size - 1);
const list = <T extends z.ZodMiniType>(item: T, length: number) => z.array(item).check(z.length(length));
const many = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(MAX_ITEMS));

/** seedrandom's alea: a carry below 2,091,639 and three fractions in [0, 1). */
const fraction = z.number().check(z.minimum(0), z.lt(1));
const rngState = obj({ c: int(0, 2_091_639), s0: fraction, s1: fraction, s2: fraction });

const CAUSE_CODES = [
  'ok',
  'overloaded',
  'attack',
  'retry-storm',
  'upstream',
  'crashed',
  'maintenance',
  'shed',
  'warming-up',
  'filtered',
] as const;
const FEED_CHANNELS = ['headline', 'social', 'stakeholder', 'official', 'ops'] as const;
const LOG_KINDS = [
  'command',
  'rejected',
  'status',
  'mitigation',
  'attack',
  'inject',
  'people',
  'note',
] as const;

/** What a bounded list dropped (engine/bounded.ts): counts, the ticks they spanned, a count per kind. */
const dropped = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z.optional(
    obj({
      count: int(1),
      firstTick: int(0),
      lastTick: int(0),
      byKind: z.partialRecord(z.enum(kinds), int(1)),
    }).check(z.refine((d) => d.firstTick <= d.lastTick, 'its first tick is after its last')),
  );

function stateSchema(scenario: Scenario) {
  const nServices = scenario.services.length;
  const nSegments = scenario.segments.length;
  const nAttacks = scenario.attacks.length;
  const { people } = scenario;
  const nStakeholders = people.stakeholders.length;
  const perSegment = list(num, nSegments);

  const service = obj({
    status: z.enum(SERVICE_STATUSES as [string, ...string[]]),
    availability: num,
    legitRps: num,
    attackRps: num,
    retryRps: num,
    capacityRps: num,
    utilisation: num,
    servedRps: num,
    queue: num,
    latencyMs: num,
    errorRate: num,
    overloadTicks: num,
    restartAtTick: tick,
    faultEndedBy: z.optional(z.array(index(scenario.mitigations.length))),
    warmupUntilTick: tick,
    failedLastTick: num,
    cause: z.enum(CAUSE_CODES),
    causeService: index(nServices, -1),
    causeValue: num,
  });
  // One schema per segment: each has its own number of needs.
  const segments = z.tuple(
    scenario.segments.map((g) =>
      obj({
        active: num,
        stranded: list(num, g.needs.length),
        churned: num,
        gaveUp: num,
        noise: list(num, g.needs.length),
        trust: num,
        recovered: num,
      }),
    ) as unknown as [z.ZodMiniType],
  );
  const prompt = obj({
    inject: index(scenario.injects.length),
    effect: int(0),
    issuedTick: tick,
    deadlineTick: tick,
    pause: flag,
  }).check(
    z.refine(
      (p) => scenario.injects[p.inject]?.effects[p.effect]?.type === 'prompt',
      'the decision it waits for is not one of the scenario’s',
    ),
  );
  const block = obj({ kind: z.enum(BLOCK_KINDS) });
  const mitigation = obj({
    uid: int(1),
    mitigation: index(scenario.mitigations.length),
    target: int(0),
    region: index(scenario.regions.length, -1),
    issuedTick: tick,
    effectiveTick: tick,
    endTick: tick,
    effective: flag,
    stale: flag,
  }).check(
    z.refine(
      (m) =>
        m.target <
        (scenario.mitigations[m.mitigation]?.kind === 'isolate' ? scenario.dependencies.length : nServices),
      'its target is not in the scenario',
    ),
  );

  return obj({
    version: z.literal(1),
    scenarioId: z.literal(scenario.id),
    seed: z.string().check(z.maxLength(40)),
    tick: int(0, scenario.durationTicks),
    ended: flag,
    rng: obj({ demand: rngState, attack: rngState, ops: rngState, people: rngState }),
    services: list(service, nServices),
    segments,
    attackJitter: list(num, nAttacks),
    attacks: list(obj({ on: flag, offsetTicks: num, factor: num, target: index(nServices) }), nAttacks),
    capacityFactor: list(num, nServices),
    injects: list(obj({ fired: int(0), lastTick: tick, armed: flag }), scenario.injects.length),
    prompts: many(prompt),
    // The engine never keeps more than its limit (older items are summarised in feedDropped and logDropped).
    feed: z
      .array(obj({ tick: num, channel: z.enum(FEED_CHANNELS), from: text, text, why: text }))
      .check(z.maxLength(FEED_LIMIT)),
    feedDropped: dropped(FEED_CHANNELS),
    outcome: z.nullable(obj({ outcome: z.enum(['success', 'partial', 'failure', 'timeout']), text })),
    people: obj({
      trust: list(num, nStakeholders),
      trustLow: list(num, nStakeholders),
      media: num,
      lastStatementTick: tick,
      incidentTick: tick,
      revealed: flag,
      dataTaken: z.optional(flag),
      statements: many(
        obj({
          tick: num,
          channel: index(people.channels.length),
          languages: z
            .array(z.enum(languageIds(scenario) as [string, ...string[]]))
            .check(z.maxLength(languageIds(scenario).length)),
          blocks: z.array(block).check(z.maxLength(64)),
          landsTick: num,
          landed: flag,
        }),
      ),
      claims: many(
        obj({
          tick: num,
          kind: z.enum(['cause', 'data-safe', 'eta', 'denial']),
          value: text,
          deadlineTick: num,
          reach: num,
          status: z.enum(['open', 'kept', 'broken']),
        }),
      ),
      rumours: list(
        obj({ born: flag, bornTick: tick, belief: perSegment, peak: num }),
        people.rumours.length,
      ),
      workarounds: list(
        obj({ enabled: flag, announcedTick: tick, awareness: perSegment, uptake: perSegment }),
        people.workarounds.length,
      ),
      trustEvents: many(
        obj({
          tick: num,
          who: int(-nSegments, nStakeholders - 1),
          delta: num,
          why: text,
        }),
      ),
      drivers: obj(Object.fromEntries(TRUST_DRIVERS.map((d) => [d, num]))),
      goodwillUntilTick: tick,
      scheduled: many(obj({ tick: num, kind: z.literal('partner-rebuttal'), ref: index(nStakeholders) })),
    }),
    mitigations: many(mitigation),
    nextUid: int(1),
    budgetKES: num,
    metrics: obj({
      succeeded: num,
      failed: num,
      valueMovedKES: num,
      valueLostKES: num,
      valuePendingKES: num,
      stranded: num,
      strandedPeak: num,
      churned: num,
      budgetSpentKES: num,
      criticalAvailabilitySum: num,
      ticks: num,
      score: num,
    }),
    log: z
      .array(obj({ tick: num, kind: z.enum(LOG_KINDS), text, service: index(nServices, -1) }))
      .check(z.maxLength(LOG_LIMIT)),
    logDropped: dropped(LOG_KINDS),
  });
}

const COUNTED: {
  label: (typeof FIT_PARTS)[number];
  inState: (s: Record<string, unknown>) => unknown;
  inScenario: (x: Scenario) => number;
}[] = [
  { label: 'services', inState: (s) => s.services, inScenario: (x) => x.services.length },
  { label: 'customer segments', inState: (s) => s.segments, inScenario: (x) => x.segments.length },
  { label: 'attacks', inState: (s) => s.attacks, inScenario: (x) => x.attacks.length },
  { label: 'injects', inState: (s) => s.injects, inScenario: (x) => x.injects.length },
  {
    label: 'stakeholders',
    inState: (s) => (s.people as { trust?: unknown } | undefined)?.trust,
    inScenario: (x) => x.people.stakeholders.length,
  },
  {
    label: 'rumours',
    inState: (s) => (s.people as { rumours?: unknown } | undefined)?.rumours,
    inScenario: (x) => x.people.rumours.length,
  },
  {
    label: 'workarounds',
    inState: (s) => (s.people as { workarounds?: unknown } | undefined)?.workarounds,
    inScenario: (x) => x.people.workarounds.length,
  },
];

/** The first count that differs between the saved state and the scenario, as refusal values. */
function countDifference(
  snapshot: Record<string, unknown>,
  scenario: Scenario,
): { saved: number; part: string; expected: number } | undefined {
  for (const c of COUNTED) {
    const saved = c.inState(snapshot);
    const expected = c.inScenario(scenario);
    if (Array.isArray(saved) && saved.length !== expected)
      return { saved: saved.length, part: c.label, expected };
  }
  return undefined;
}

/**
 * Checks a loaded save (loadSave: its checksums hold) against the scenario it would resume with. Never throws.
 */
export function checkSaveFits(save: Save, scenario: Scenario): FitResult {
  const title = scenario.meta.title;
  if (save.scenarioId !== scenario.id)
    return { ok: false, ...refuse('fitOtherScenario', { saved: save.scenarioId, title }) };
  const snapshot = save.snapshot;
  const counts = countDifference(snapshot, scenario);
  if (save.scenarioFingerprint !== '' && save.scenarioFingerprint !== scenarioFingerprint(scenario))
    return {
      ok: false,
      ...(counts ? refuse('fitOtherVersion', { title, ...counts }) : refuse('fitOtherIds', { title })),
    };
  if (counts) return { ok: false, ...refuse('fitCounts', { title, ...counts }) };
  if (snapshot.seed !== save.seed) return { ok: false, ...refuse('fitOtherSeed') };
  const checked = stateSchema(scenario).safeParse(snapshot);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.map(String).join('.');
    return {
      ok: false,
      ...(where
        ? refuse('fitState', { title, where, issue: issue.message })
        : refuse('fitStateTop', { title, issue: issue.message })),
    };
  }
  // The schema cannot know every rule the engine relies on: try one step on a copy.
  try {
    const sim = restore(scenario, snapshot as unknown as SimState);
    if (!sim.state.ended) step(sim);
  } catch (error) {
    return { ok: false, ...refuse('fitCannotContinue', { title, error: String(error).slice(0, 160) }) };
  }
  return { ok: true };
}
