/**
 * From a schema-valid document to the engine's resolved Scenario: every id becomes an index, every duration
 * a number of ticks, defaults are filled in, and everything the schema cannot see is checked here —
 * unknown and duplicate ids, dependency cycles, injects that can never fire, expressions.
 * All problems are reported (capped), and nothing is returned if any of them is an error.
 */
import { BUILTIN_MITIGATIONS } from '../engine/catalogue';
import { paramNames } from '../engine/mitigationParams';
import { BUILTIN_CHANNELS, DEFAULT_STAKEHOLDERS, DEFAULT_TEMPLATES } from '../engine/channels';
import type {
  AttackDef,
  ChannelDef,
  PeopleDef,
  StatementBlock,
  RumourDef,
  StakeholderDef,
  WorkaroundDef,
  DependencyDef,
  Effect,
  InjectDef,
  MitigationDef,
  MitigationKind,
  Scenario,
  SegmentDef,
  ServiceDef,
  ServiceKind,
  StepUntil,
  TutorialStep,
} from '../engine/types';
import { SERVICE_KINDS } from '../engine/types';
import { DEFAULT_LANGUAGES } from '../engine/languages';
import { PRESET_ROLLBACK, presetNeedsRollback } from './presets';
import { compileExpression } from './expr';
import { DiagnosticList } from './diagnosticList';
import type { DiagnosticCode } from './diagnostics';
import { formatPath, type Locator, type PathSegment } from './locate';
import { scenarioExprSchema } from './exprEnv';
import { buildPlayRules } from './playRules';
import type { EffectDocument, ScenarioDocument, SimpleEffectDocument } from './schema';
import { didYouMean } from './suggest';
import { topologicalOrder } from './graph';
import { parseDuration } from './duration';

export const DEFAULT_DEMAND_CURVE = [
  0.08, 0.05, 0.04, 0.04, 0.06, 0.15, 0.4, 0.75, 0.95, 1, 0.95, 0.9, 0.95, 0.9, 0.85, 0.85, 0.9, 1, 0.95, 0.8,
  0.6, 0.4, 0.25, 0.12,
];
export const DEFAULT_REGIONS = ['domestic', 'foreign'];

/** Infrastructure carries attack traffic onward; application dependencies do not (a flood does not pay bills). */
const INFRASTRUCTURE: readonly ServiceKind[] = ['network', 'edge'];

interface Ctx {
  locate: Locator;
  diags: DiagnosticList;
  doc: ScenarioDocument;
  /** The scenario's language ids, first the one texts fall back to. */
  languages: string[];
  /** Texts written in several languages, keyed by the version the engine uses (Scenario.texts). */
  texts: Record<string, Record<string, string>>;
}

/** A text given as a map by language: the version the engine uses (the first of the scenario's languages given). */
function primaryText(languages: readonly string[], value: string | Record<string, string>): string {
  if (typeof value === 'string') return value;
  const first = languages.find((l) => Object.hasOwn(value, l)) ?? Object.keys(value)[0]!;
  return value[first]!;
}

/**
 * A player-facing text as the engine will carry it. A map by language is checked (each key a language of the
 * scenario) and every version is filed under the engine's version, for the interface to pick at display.
 */
function textOf(ctx: Ctx, value: string | Record<string, string>, path: PathSegment[]): string {
  if (typeof value === 'string') return value;
  const language = resolver(ctx, ctx.languages, 'SCN073', 'language');
  for (const key of Object.keys(value)) language(key, [...path, key], ctx.locate.key(path, key));
  const primary = primaryText(ctx.languages, value);
  // The same text written twice keeps the versions given first (a later copy only adds languages).
  ctx.texts[primary] = { ...value, ...ctx.texts[primary] };
  return primary;
}

function at(ctx: Ctx, path: PathSegment[]): { line: number; column: number; path: string } {
  return { ...ctx.locate.at(path), path: formatPath(path) };
}

function err(ctx: Ctx, code: DiagnosticCode, path: PathSegment[], message: string): void {
  ctx.diags.add({ code, ...at(ctx, path), message });
}

function ticks(value: number | string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return Math.round(parseDuration(value));
}

/** Checks ids are unique; reports each duplicate at both places. */
function uniqueIds(
  ctx: Ctx,
  items: readonly { id: string }[],
  section: string,
  also: readonly string[] = [],
  prefix: PathSegment[] = [],
  noun = section.replace(/s$/, ''),
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const prev = first.get(item.id);
    if (prev === undefined) {
      first.set(item.id, i);
      if (also.includes(item.id))
        err(
          ctx,
          'SCN020',
          [...prefix, section, i, 'id'],
          `id '${item.id}' is already used by a built-in ${noun}; choose another`,
        );
      return;
    }
    const firstPos = ctx.locate.at([...prefix, section, prev, 'id']);
    ctx.diags.add({
      code: 'SCN020',
      ...at(ctx, [...prefix, section, i, 'id']),
      message: `duplicate ${noun} id '${item.id}' (first defined at line ${firstPos.line})`,
      related: { ...firstPos, message: 'first definition' },
    });
  });
}

function resolver(ctx: Ctx, ids: readonly string[], code: DiagnosticCode, kind: string) {
  return (id: string, path: PathSegment[], pos?: { line: number; column: number }): number => {
    const i = ids.indexOf(id);
    if (i >= 0) return i;
    const hint = didYouMean(id, ids);
    const where = pos ? { ...pos, path: formatPath(path) } : at(ctx, path);
    ctx.diags.add({
      code,
      ...where,
      message: `unknown ${kind} '${id}'${hint ? ` — did you mean '${hint}'?` : ids.length > 0 ? ` (known: ${ids.slice(0, 12).join(', ')})` : ''}`,
    });
    return -1;
  };
}

/**
 * A service's kind as the engine knows it: a built-in kind as written, a scenario's own kind as the built-in kind
 * it is `like` (so mitigation targets and the map need nothing new). An unknown kind is reported where it is written.
 */
function serviceKindResolver(ctx: Ctx): (kind: string, service: number) => ServiceKind {
  const own = new Map((ctx.doc.kinds ?? []).map((k) => [k.id, k.like as ServiceKind]));
  const known = [...SERVICE_KINDS, ...own.keys()];
  return (kind, service) => {
    if (SERVICE_KINDS.includes(kind as ServiceKind)) return kind as ServiceKind;
    const like = own.get(kind);
    if (like) return like;
    const hint = didYouMean(kind, known);
    err(
      ctx,
      'SCN014',
      ['services', service, 'kind'],
      `unknown service kind '${kind}'${hint ? ` — did you mean '${hint}'?` : ''}; use a built-in kind or declare it under \`kinds\` (e.g. \`{ id: ${kind}, name: ..., like: counter }\`)`,
    );
    return 'portal';
  };
}

function kindNameOf(doc: ScenarioDocument, kind: string): string {
  return doc.kinds?.find((k) => k.id === kind)?.name ?? kind;
}

export function buildScenario(
  locate: Locator,
  doc: ScenarioDocument,
  diags: DiagnosticList,
): Scenario | undefined {
  const languageDefs = doc.languages ?? DEFAULT_LANGUAGES;
  const ctx: Ctx = { locate, diags, doc, languages: languageDefs.map((l) => l.id), texts: {} };
  uniqueIds(ctx, doc.languages ?? [], 'languages');
  const durationTicks = ticks(doc.clock.duration, 3600);
  if (durationTicks < 60)
    err(ctx, 'SCN013', ['clock', 'duration'], 'the drill must last at least one minute');
  const regions = doc.regions ?? DEFAULT_REGIONS;

  uniqueIds(ctx, doc.services, 'services');
  uniqueIds(ctx, doc.attacks, 'attacks');
  uniqueIds(ctx, doc.segments, 'segments');
  uniqueIds(ctx, doc.injects, 'injects');
  uniqueIds(ctx, doc.mitigations?.add ?? [], 'add', [], ['mitigations']);
  uniqueIds(ctx, doc.kinds ?? [], 'kinds', SERVICE_KINDS);
  const kindOf = serviceKindResolver(ctx);
  const serviceIds = doc.services.map((s) => s.id);
  const service = resolver(ctx, serviceIds, 'SCN021', 'service');
  const region = resolver(ctx, regions, 'SCN025', 'region');

  const services: ServiceDef[] = doc.services.map((s, i) => ({
    id: s.id,
    name: s.name,
    kind: kindOf(s.kind, i),
    ...(SERVICE_KINDS.includes(s.kind as ServiceKind) ? {} : { kindName: kindNameOf(doc, s.kind) }),
    capacity: s.capacity,
    baseLatencyMs: s.latency ?? 80,
    timeoutMs: ticks(s.timeout, 10) * 1000,
    restartTicks: ticks(s.restart, 300),
    warmupTicks: ticks(s.warmup, 300),
    crashUtilisation: s.crashAt ?? Number.MAX_VALUE,
    crashAfterTicks: Math.max(1, ticks(s.crashAfter, 60)),
    clientRetry: s.clientRetry ?? 0.3,
    critical: s.critical ?? false,
    sheddable: s.sheddable ?? !(s.critical ?? false),
    hasBackup: s.backup ?? false,
    x: s.map.x,
    y: s.map.y,
    description: s.description ?? '',
    // Only when written, so a scenario without districts compiles to exactly what it did before.
    ...(s.district === undefined ? {} : { district: s.district }),
  }));
  if (!services.some((s) => s.critical))
    err(
      ctx,
      'SCN060',
      ['services'],
      'no service is marked `critical: true`; the availability score will treat the city as always up',
    );

  const dependencies = buildDependencies(ctx, service, services);
  const order = topologicalOrder(services.length, dependencies, (cycle) => {
    const names = cycle.map((e) => services[dependencies[e]!.from]!.id);
    const first = dependencies[cycle[0]!]!;
    const path = ['dependencies', dependencies.indexOf(first)];
    err(
      ctx,
      'SCN030',
      path,
      `dependency cycle: ${[...names, names[0]].join(' → ')}; load flows one way, so break the cycle`,
    );
  });

  const channels = buildChannels(ctx);
  const segments = buildSegments(ctx, service, region, regions, channels);
  const attacks = buildAttacks(ctx, service, region, regions, durationTicks);
  const mitigations = buildMitigations(ctx);
  // An attack preset that names no cure is ended by a rollback: a scenario without one gets the standard one.
  if (presetNeedsRollback(doc) && !mitigations.some((m) => m.id === PRESET_ROLLBACK.id))
    mitigations.push(structuredClone(PRESET_ROLLBACK));
  const people = buildPeople(ctx, service, channels, segments, durationTicks);
  const injects = buildInjects(ctx, { service, durationTicks, mitigations, services, people });
  const ruleSchema = scenarioExprSchema({
    services: doc.services.map((s) => s.id),
    attacks: doc.attacks.map((a) => a.id),
    segments: doc.segments.map((g) => g.id),
    injects: doc.injects.map((j) => j.id),
    mitigations: mitigations.map((m) => m.id),
    stakeholders: people.stakeholders.map((k) => k.id),
    rumours: people.rumours.map((r) => r.id),
    workarounds: people.workarounds.map((w) => w.id),
  });
  const expertRules = buildPlayRules(
    ctx.locate,
    diags,
    doc.balance?.expert ?? [],
    ['balance', 'expert'],
    ruleSchema,
  );
  const panicRules = buildPlayRules(
    ctx.locate,
    diags,
    doc.balance?.panic ?? [],
    ['balance', 'panic'],
    ruleSchema,
  );

  if (diags.hasErrors) return undefined;
  const depsOf: number[][] = services.map(() => []);
  dependencies.forEach((d, e) => depsOf[d.from]!.push(e));
  const startHour = Number(doc.clock.start.slice(11, 13)) + Number(doc.clock.start.slice(14, 16)) / 60;
  const weights = doc.scoring?.weights ?? {};
  return {
    format: 1,
    id: doc.id,
    meta: {
      title: doc.meta.title,
      summary: doc.meta.summary,
      objectives: doc.meta.objectives,
      audience: doc.meta.audience,
      difficulty: doc.meta.difficulty,
      author: doc.meta.author,
      inspiredBy: doc.meta.inspiredBy,
    },
    startLabel: doc.clock.start,
    durationTicks,
    budgetKES: doc.budget,
    regions,
    services,
    dependencies,
    segments,
    attacks,
    mitigations,
    demandCurve: doc.demandCurve ?? DEFAULT_DEMAND_CURVE,
    startHour,
    injects,
    people,
    scoring: {
      availability: weights.availability ?? 0.25,
      valueMoved: weights.valueMoved ?? 0.15,
      customers: weights.customers ?? 0.15,
      budget: weights.budget ?? 0.05,
      trust: weights.trust ?? 0.2,
      rumours: weights.rumours ?? 0.1,
      honesty: weights.honesty ?? 0.1,
    },
    variation: {
      // The default shift scales with the drill: ±20 minutes of a four-hour drill, ±45 s of a nine-minute one.
      startTicks: ticks(doc.variation?.start, Math.min(20 * 60, Math.round(durationTicks / 12))),
      intensity: doc.variation?.intensity ?? 0.4,
      faults: doc.variation?.faults ?? 2,
      vectorChange: doc.variation?.vectorChange ?? 0.25,
    },
    balance: {
      expert: expertRules,
      panic: panicRules,
      passMark: doc.balance?.passMark ?? 50,
      expertBand: doc.balance?.expertBand ?? [55, 95],
    },
    // Only a scenario that names a currency carries one: the others compile (and hash) exactly as before.
    ...(doc.currency
      ? {
          currency: {
            code: doc.currency.code,
            symbol: doc.currency.symbol ?? doc.currency.code,
            after: doc.currency.after ?? false,
          },
        }
      : {}),
    debriefQuestions: doc.debrief?.questions ?? [],
    // Only a scenario that declares languages, or writes texts in several, carries these: the others compile
    // exactly as before.
    ...(doc.languages ? { languages: doc.languages.map((l) => ({ id: l.id, name: l.name })) } : {}),
    ...(Object.keys(ctx.texts).length > 0 ? { texts: ctx.texts } : {}),
    order,
    depsOf,
  };
}

function buildDependencies(
  ctx: Ctx,
  service: ReturnType<typeof resolver>,
  services: ServiceDef[],
): DependencyDef[] {
  const seen = new Map<string, number>();
  const out: DependencyDef[] = [];
  ctx.doc.dependencies.forEach((d, i) => {
    const from = service(d.from, ['dependencies', i, 'from']);
    const to = service(d.to, ['dependencies', i, 'to']);
    if (from < 0 || to < 0) return;
    if (from === to) {
      err(ctx, 'SCN031', ['dependencies', i], `'${d.from}' cannot depend on itself`);
      return;
    }
    const key = `${from}>${to}`;
    if (seen.has(key)) {
      err(
        ctx,
        'SCN032',
        ['dependencies', i],
        `'${d.from}' → '${d.to}' is already declared (dependency ${seen.get(key)! + 1})`,
      );
      return;
    }
    seen.set(key, i);
    const hard = d.kind === 'hard';
    const share = d.share ?? 1;
    out.push({
      from,
      to,
      hard,
      weight: d.weight ?? (hard ? 1 : 0.3),
      share,
      attackShare: d.attackShare ?? (INFRASTRUCTURE.includes(services[to]!.kind) ? share : 0),
      carriesArrivals: INFRASTRUCTURE.includes(services[to]!.kind),
    });
  });
  return out;
}

function shares(
  ctx: Ctx,
  map: Record<string, number> | undefined,
  path: PathSegment[],
  region: ReturnType<typeof resolver>,
  regions: readonly string[],
  fallback: number[],
): number[] {
  if (!map) return fallback;
  const out = regions.map(() => 0);
  let total = 0;
  for (const [key, value] of Object.entries(map)) {
    // An unknown region is reported at its key (the misspelt word), not at its share.
    const r = region(key, [...path, key], ctx.locate.key(path, key));
    if (r >= 0) out[r] = value;
    total += value;
  }
  if (total > 1 + 1e-9)
    err(ctx, 'SCN049', path, `the shares add up to ${total.toFixed(2)}; they must add up to at most 1`);
  return out;
}

function buildSegments(
  ctx: Ctx,
  service: ReturnType<typeof resolver>,
  region: ReturnType<typeof resolver>,
  regions: readonly string[],
  channels: ChannelDef[],
): SegmentDef[] {
  // Default: almost everyone at home, a few percent abroad (diaspora, roaming) when the default regions are used.
  const fallback = regions.map((r, i) =>
    regions === DEFAULT_REGIONS ? (r === 'domestic' ? 0.97 : 0.03) : i === 0 ? 1 : 0,
  );
  const channelIds = channels.map((c) => c.id);
  const language = resolver(ctx, ctx.languages, 'SCN073', 'language');
  return ctx.doc.segments.map((g, gi) => ({
    id: g.id,
    name: g.name,
    size: g.size,
    trust: g.trust ?? 60,
    reach: channels.map((c) => g.reach?.[c.id] ?? c.reach),
    languages: languageShares(ctx, g.languages, ['segments', gi, 'languages'], language),
    callsPerHour: g.callsPerHour ?? 0.05,
    ...checkReachKeys(ctx, g.reach, channelIds, ['segments', gi, 'reach']),
    needs: g.needs.map((n, k) => ({
      service: service(n.service, ['segments', gi, 'needs', k, 'service']),
      perHour: n.perHour,
      valueKES: n.value,
    })),
    patienceTicks: Math.max(10, ticks(g.patience, 1200)),
    retryEveryTicks: Math.max(5, ticks(g.retryEvery, 60)),
    regionShare: shares(ctx, g.regions, ['segments', gi, 'regions'], region, regions, fallback),
    churnShare: g.churn ?? 0.05,
  }));
}

/** The historical defaults (English 0.7, Kiswahili 0.9); a language of the scenario's own: everyone. */
const DEFAULT_LANGUAGE_SHARE: Record<string, number> = { en: 0.7, sw: 0.9 };

function languageShares(
  ctx: Ctx,
  map: Record<string, number> | undefined,
  path: PathSegment[],
  language: ReturnType<typeof resolver>,
): number[] {
  // An unknown language is reported at its key (the misspelt word), as an unknown region is.
  for (const key of Object.keys(map ?? {})) language(key, [...path, key], ctx.locate.key(path, key));
  return ctx.languages.map((l) => map?.[l] ?? DEFAULT_LANGUAGE_SHARE[l] ?? 1);
}

function buildAttacks(
  ctx: Ctx,
  service: ReturnType<typeof resolver>,
  region: ReturnType<typeof resolver>,
  regions: readonly string[],
  durationTicks: number,
): AttackDef[] {
  const fallback = regions.map((_, i) => (i === regions.length - 1 ? 1 : 0));
  return ctx.doc.attacks.map((a, ai) => {
    const keyframes = a.intensity.map((k) => ({ tick: ticks(k.at, 0), rps: k.rps }));
    const unordered = keyframes.findIndex((k, i) => i > 0 && k.tick < keyframes[i - 1]!.tick);
    if (unordered >= 0)
      err(
        ctx,
        'SCN047',
        ['attacks', ai, 'intensity', unordered, 'at'],
        'this point is earlier than the one before it; list intensity points in time order',
      );
    const late = keyframes.findIndex((k) => k.tick > durationTicks);
    if (late >= 0)
      err(
        ctx,
        'SCN047',
        ['attacks', ai, 'intensity', late, 'at'],
        'this point is after the end of the drill and will never be reached',
      );
    return {
      id: a.id,
      vector: a.vector as AttackDef['vector'],
      target: service(a.target, ['attacks', ai, 'target']),
      keyframes: [...keyframes].sort((x, y) => x.tick - y.tick),
      regionShare: shares(ctx, a.sources, ['attacks', ai, 'sources'], region, regions, fallback),
      jitter: a.jitter ?? 0.1,
      startsOff: a.startsOff ?? false,
    };
  });
}

function buildMitigations(ctx: Ctx): MitigationDef[] {
  const spec = ctx.doc.mitigations;
  const builtinIds = BUILTIN_MITIGATIONS.map((m) => m.id);
  const mitigation = resolver(ctx, builtinIds, 'SCN024', 'built-in mitigation');
  const chosen: MitigationDef[] = [];
  const use = spec?.use ?? builtinIds;
  use.forEach((id, i) => {
    if (mitigation(id, ['mitigations', 'use', i]) >= 0)
      chosen.push(structuredClone(BUILTIN_MITIGATIONS.find((m) => m.id === id)!));
  });
  for (const [id, tune] of Object.entries(spec?.tune ?? {})) {
    const target = chosen.find((m) => m.id === id);
    if (!target) {
      const pos = ctx.locate.key(['mitigations', 'tune'], id);
      const hint = didYouMean(
        id,
        chosen.map((m) => m.id),
      );
      ctx.diags.add({
        code: 'SCN024',
        ...pos,
        path: formatPath(['mitigations', 'tune', id]),
        message: `cannot tune '${id}': it is not on offer in this scenario${hint ? ` — did you mean '${hint}'?` : ''}`,
      });
      continue;
    }
    if (tune.name) target.name = tune.name;
    if (tune.description) target.description = tune.description;
    if (tune.sideEffect) target.sideEffect = tune.sideEffect;
    if (tune.delay !== undefined) target.delayTicks = ticks(tune.delay, target.delayTicks);
    if (tune.duration !== undefined) target.durationTicks = ticks(tune.duration, target.durationTicks);
    if (tune.cost !== undefined) target.costKES = tune.cost;
    if (tune.costPerHour !== undefined) target.costPerHourKES = tune.costPerHour;
    if (tune.params) {
      checkParams(ctx, target.kind, tune.params, ['mitigations', 'tune', id, 'params']);
      Object.assign(target.params, tune.params);
    }
  }
  const added = spec?.add ?? [];
  added.forEach((a, i) => {
    if (builtinIds.includes(a.id) && use.includes(a.id)) {
      err(
        ctx,
        'SCN020',
        ['mitigations', 'add', i, 'id'],
        `id '${a.id}' is already a mitigation on offer; use \`tune\` to change it, or pick another id`,
      );
      return;
    }
    const kind = a.kind as MitigationKind;
    const base = BUILTIN_MITIGATIONS.find((m) => m.kind === kind)!;
    if (a.params) checkParams(ctx, kind, a.params, ['mitigations', 'add', i, 'params']);
    chosen.push({
      id: a.id,
      kind,
      name: a.name,
      description: a.description,
      sideEffect: a.sideEffect,
      delayTicks: ticks(a.delay, 0),
      durationTicks: ticks(a.duration, 0),
      costKES: a.cost,
      costPerHourKES: a.costPerHour ?? 0,
      params: { ...base.params, ...(a.params ?? {}) },
      targetKinds: (a.targets as ServiceKind[] | undefined) ?? base.targetKinds,
      instant: base.instant,
    });
  });
  return chosen;
}

function checkParams(
  ctx: Ctx,
  kind: MitigationKind,
  params: Record<string, number>,
  path: PathSegment[],
): void {
  const known = paramNames(kind);
  for (const key of Object.keys(params)) {
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    const pos = ctx.locate.key(path, key);
    ctx.diags.add({
      code: 'SCN050',
      ...pos,
      path: formatPath([...path, key]),
      message: `'${kind}' does not read a parameter '${key}'${hint ? ` — did you mean '${hint}'?` : known.length ? ` (it reads: ${known.join(', ')})` : ' (it has no parameters)'}`,
    });
  }
}

interface InjectEnv {
  service: ReturnType<typeof resolver>;
  durationTicks: number;
  mitigations: MitigationDef[];
  services: ServiceDef[];
  people: PeopleDef;
}

function buildChannels(ctx: Ctx): ChannelDef[] {
  const ids = BUILTIN_CHANNELS.map((c) => c.id);
  const channel = resolver(ctx, ids, 'SCN029', 'channel');
  const use = ctx.doc.people?.channels;
  const out: ChannelDef[] = [];
  if (!use) out.push(...BUILTIN_CHANNELS.map((c) => structuredClone(c)));
  else
    use.forEach((id, i) => {
      if (channel(id, ['people', 'channels', i]) >= 0)
        out.push(structuredClone(BUILTIN_CHANNELS.find((c) => c.id === id)!));
    });
  // The scenario's own channels: a copy of the built-in one each is like, with the numbers the author gave.
  const added = ctx.doc.people?.addChannels ?? [];
  uniqueIds(ctx, added, 'addChannels', ids, ['people'], 'channel');
  added.forEach((a, i) => {
    const like = channel(a.like, ['people', 'addChannels', i, 'like']);
    if (like < 0) return;
    const base = BUILTIN_CHANNELS[like]!;
    out.push({
      id: a.id,
      name: a.name,
      reach: a.reach ?? base.reach,
      credibility: a.credibility ?? base.credibility,
      delayTicks: ticks(a.delay, base.delayTicks),
      costKES: a.cost ?? base.costKES,
      addresses: a.addresses ?? [...base.addresses],
    });
  });
  for (const [id, tune] of Object.entries(ctx.doc.people?.tuneChannels ?? {})) {
    const target = out.find((c) => c.id === id);
    if (!target) {
      const hint = didYouMean(
        id,
        out.map((c) => c.id),
      );
      const pos = ctx.locate.key(['people', 'tuneChannels'], id);
      ctx.diags.add({
        code: 'SCN029',
        ...pos,
        path: formatPath(['people', 'tuneChannels', id]),
        message: `cannot tune '${id}': it is not a channel on offer in this scenario${hint ? ` — did you mean '${hint}'?` : ''}`,
      });
      continue;
    }
    if (tune.name !== undefined) target.name = tune.name;
    if (tune.reach !== undefined) target.reach = tune.reach;
    if (tune.credibility !== undefined) target.credibility = tune.credibility;
    if (tune.delay !== undefined) target.delayTicks = ticks(tune.delay, target.delayTicks);
    if (tune.cost !== undefined) target.costKES = tune.cost;
  }
  return out;
}

/** Reach keys must be channels on offer; returns nothing (spread into the segment for brevity). */
function checkReachKeys(
  ctx: Ctx,
  reach: Record<string, number> | undefined,
  channelIds: readonly string[],
  path: PathSegment[],
): object {
  if (!reach) return {};
  for (const key of Object.keys(reach)) {
    if (channelIds.includes(key)) continue;
    const hint = didYouMean(key, channelIds);
    const pos = ctx.locate.key(path, key);
    ctx.diags.add({
      code: 'SCN029',
      ...pos,
      path: formatPath([...path, key]),
      message: `unknown channel '${key}'${hint ? ` — did you mean '${hint}'?` : ` (channels: ${channelIds.join(', ')})`}`,
    });
  }
  return {};
}

function buildPeople(
  ctx: Ctx,
  service: ReturnType<typeof resolver>,
  channels: ChannelDef[],
  segments: SegmentDef[],
  durationTicks: number,
): PeopleDef {
  const doc = ctx.doc;
  const spec = doc.people;
  const stakeholders: StakeholderDef[] = spec?.stakeholders
    ? spec.stakeholders.map((k) => ({ id: k.id, name: k.name, kind: k.kind, trust: k.trust ?? 60 }))
    : DEFAULT_STAKEHOLDERS.map((k) => ({ ...k }));
  if (spec?.stakeholders) {
    uniqueIds(ctx, spec.stakeholders, 'stakeholders', [], ['people']);
    if (stakeholders[0]?.kind !== 'public')
      err(ctx, 'SCN064', ['people', 'stakeholders', 0], 'the first stakeholder must be of kind `public`');
  }
  uniqueIds(ctx, doc.rumours, 'rumours');
  uniqueIds(ctx, doc.workarounds, 'workarounds');
  const segmentIds = segments.map((g) => g.id);
  const segment = resolver(ctx, segmentIds, 'SCN026', 'segment');
  const channel = resolver(
    ctx,
    channels.map((c) => c.id),
    'SCN029',
    'channel',
  );
  const rumours: RumourDef[] = doc.rumours.map((r, ri) => ({
    id: r.id,
    text: r.text,
    auto: r.auto ?? false,
    silenceTicks: ticks(r.silence, 3600),
    spread: r.spread ?? 0.06,
    decay: r.decay ?? 0.03,
    isTrue: r.true ?? false,
    hits: (r.hits ?? []).map((h, hi) => ({
      service: service(h.service, ['rumours', ri, 'hits', hi, 'service']),
      factor: h.factor,
    })),
    trustHit: r.trustHit ?? 0.4,
  }));
  // Announced from the workarounds panel on this channel unless the workaround names one: SMS if on offer.
  const smsIndex =
    channels.findIndex((c) => c.id === 'sms') >= 0 ? channels.findIndex((c) => c.id === 'sms') : 0;
  const noChannel = (wi: number): number => {
    if (channels.length > 0) return smsIndex;
    err(
      ctx,
      'SCN029',
      ['workarounds', wi],
      'no channel is on offer to announce this workaround; list one under `people.channels`',
    );
    return -1;
  };
  const workarounds: WorkaroundDef[] = doc.workarounds.map((w, wi) => {
    const path: PathSegment[] = ['workarounds', wi];
    const from = service(w.from, [...path, 'from']);
    const to = service(w.to, [...path, 'to']);
    if (from >= 0 && from === to)
      err(ctx, 'SCN062', [...path, 'to'], `'${w.id}' moves demand from '${w.from}' to itself`);
    const segs = (w.segments ?? []).map((id, i) => segment(id, [...path, 'segments', i]));
    const users = segments.some(
      (g, gi) => (segs.length === 0 || segs.includes(gi)) && g.needs.some((n) => n.service === from),
    );
    // An unknown segment or need service is already an error; "nobody uses it" would then be a false alarm.
    const unresolved = segs.includes(-1) || segments.some((g) => g.needs.some((n) => n.service < 0));
    if (from >= 0 && !users && !unresolved)
      err(
        ctx,
        'SCN063',
        [...path, 'from'],
        `no customer segment${segs.length ? ' listed here' : ''} uses '${w.from}', so nobody can switch away from it`,
      );
    return {
      id: w.id,
      name: w.name,
      description: w.description,
      from,
      to,
      segments: segs,
      maxShare: w.maxShare,
      rampTicks: Math.max(1, ticks(w.ramp, 900)),
      costKES: w.cost ?? 0,
      costPerHourKES: w.costPerHour ?? 0,
      channel: w.channel !== undefined ? channel(w.channel, [...path, 'channel']) : noChannel(wi),
    };
  });
  const truth = spec?.truth;
  const revealTick = truth?.revealAt !== undefined ? ticks(truth.revealAt, -1) : -1;
  if (revealTick >= durationTicks)
    err(
      ctx,
      'SCN040',
      ['people', 'truth', 'revealAt'],
      'the truth would come out after the drill ends; move `revealAt` earlier or remove it',
    );
  return {
    stakeholders,
    channels,
    rumours,
    workarounds,
    truth: {
      cause: truth?.cause ?? 'cyber-attack',
      dataSafe: truth?.dataSafe ?? true,
      revealTick,
      revealText: truth?.reveal ?? '',
      dataClaim: truth?.dataClaim ?? 'no customer data was affected',
    },
    silenceGraceTicks: ticks(spec?.silenceGrace, 900),
    callCentre: spec?.callCentre !== undefined ? service(spec.callCentre, ['people', 'callCentre']) : -1,
    templates: {
      angry: spec?.templates?.angry ?? DEFAULT_TEMPLATES.angry,
      worried: spec?.templates?.worried ?? DEFAULT_TEMPLATES.worried,
      calm: spec?.templates?.calm ?? DEFAULT_TEMPLATES.calm,
    },
  };
}

function buildInjects(ctx: Ctx, env: InjectEnv): InjectDef[] {
  const docs = ctx.doc.injects;
  const injectIds = docs.map((d) => d.id);
  const attackIds = ctx.doc.attacks.map((a) => a.id);
  const mitigationIds = env.mitigations.map((m) => m.id);
  const inject = resolver(ctx, injectIds, 'SCN023', 'inject');
  const attack = resolver(ctx, attackIds, 'SCN022', 'attack');
  const mitigation = resolver(ctx, mitigationIds, 'SCN024', 'mitigation');
  const rumour = resolver(
    ctx,
    env.people.rumours.map((r) => r.id),
    'SCN027',
    'rumour',
  );
  const stakeholder = resolver(
    ctx,
    env.people.stakeholders.map((k) => k.id),
    'SCN028',
    'stakeholder',
  );
  const exprSchema = scenarioExprSchema({
    durationTicks: env.durationTicks,
    services: ctx.doc.services.map((s) => s.id),
    attacks: attackIds,
    segments: ctx.doc.segments.map((g) => g.id),
    injects: injectIds,
    mitigations: mitigationIds,
    stakeholders: env.people.stakeholders.map((k) => k.id),
    rumours: env.people.rumours.map((r) => r.id),
    workarounds: env.people.workarounds.map((w) => w.id),
  });
  const referenced = new Set<number>();

  /** A boolean expression (a trigger's or a step's `when`), its errors located inside the string. */
  const compileWhen = (source: string, whenPath: PathSegment[]): InjectDef['condition'] => {
    const { compiled, errors } = compileExpression(source, exprSchema, 'boolean');
    for (const e of errors) {
      const pos = ctx.locate.inScalar(whenPath, e.start);
      const code =
        e.code === 'EXP023'
          ? 'SCN052'
          : e.code === 'EXP033'
            ? 'SCN053'
            : e.code === 'EXP036'
              ? 'SCN040'
              : 'SCN041';
      ctx.diags.add({
        code,
        severity: 'error',
        ...pos,
        path: formatPath(whenPath),
        message: `${e.message} [${e.code}]`,
      });
    }
    if (!compiled) return null;
    const evaluate = compiled.evaluate;
    return (sim) => evaluate(sim) === true;
  };

  const language = resolver(ctx, ctx.languages, 'SCN073', 'language');
  const components = [...new Set(ctx.doc.services.flatMap((s) => s.uses ?? []))];
  /** The mitigations that end a preset's failure: those named, else the rollback. */
  const presetCure = (endedBy: string[] | undefined, path: PathSegment[]): number[] =>
    (endedBy ?? [PRESET_ROLLBACK.id])
      .map((m, mi) =>
        endedBy ? mitigation(m, [...path, 'endedBy', mi]) : mitigationIds.indexOf(PRESET_ROLLBACK.id),
      )
      .filter((m) => m >= 0);

  const effect = (
    e: SimpleEffectDocument | EffectDocument,
    path: PathSegment[],
  ): Effect | Effect[] | undefined => {
    switch (e.type) {
      case 'feed':
        return {
          type: 'feed',
          channel: e.channel,
          from: e.from,
          text: textOf(ctx, e.text, [...path, 'text']),
        };
      case 'insider-change':
        // A bad change is not a crash: restart and failover (the standby has the same configuration) do not end it.
        return {
          type: 'fail',
          service: env.service(e.service, [...path, 'service']),
          forTicks: 0,
          endedBy: presetCure(e.endedBy, path),
          standbyHit: 0,
        };
      case 'supply-chain-update': {
        const hit = ctx.doc.services.flatMap((s, si) => ((s.uses ?? []).includes(e.component) ? [si] : []));
        if (hit.length === 0) {
          const hint = didYouMean(e.component, components);
          err(
            ctx,
            'SCN074',
            [...path, 'component'],
            `no service \`uses\` '${e.component}'${hint ? ` — did you mean '${hint}'?` : components.length > 0 ? ` (used: ${components.slice(0, 12).join(', ')})` : '; list it in the `uses` of the services built on it'}`,
          );
        }
        const cure = presetCure(e.endedBy, path);
        return hit.map((service) => ({
          type: 'fail',
          service,
          forTicks: 0,
          endedBy: [...cure],
          standbyHit: 0,
        }));
      }
      case 'attack': {
        const a = attack(e.attack, [...path, 'attack']);
        if (e.action === 'escalate' && e.factor === undefined)
          err(ctx, 'SCN048', path, '`escalate` needs a `factor` (e.g. 2 doubles the intensity)');
        if (e.action === 'shift' && e.target === undefined)
          err(ctx, 'SCN048', path, '`shift` needs a `target` service');
        const target = e.target !== undefined ? env.service(e.target, [...path, 'target']) : a >= 0 ? -2 : -1;
        return { type: 'attack', attack: a, action: e.action, factor: e.factor ?? 1, target };
      }
      case 'capacity':
        return { type: 'capacity', service: env.service(e.service, [...path, 'service']), factor: e.factor };
      case 'fail':
        return {
          type: 'fail',
          service: env.service(e.service, [...path, 'service']),
          forTicks: ticks(e.for, 0),
          endedBy:
            e.endedBy === undefined
              ? null
              : e.endedBy.map((m, mi) => mitigation(m, [...path, 'endedBy', mi])).filter((m) => m >= 0),
          standbyHit: e.standbyHit ?? 0,
        };
      case 'restore':
        return { type: 'restore', service: env.service(e.service, [...path, 'service']) };
      case 'budget':
        return { type: 'budget', amount: e.amount };
      case 'end':
        return { type: 'end', outcome: e.outcome, text: textOf(ctx, e.text, [...path, 'text']) };
      case 'fire': {
        const i = inject(e.inject, [...path, 'inject']);
        if (i >= 0) referenced.add(i);
        return { type: 'fire', inject: i };
      }
      case 'rumour':
        return { type: 'rumour', rumour: rumour(e.rumour, [...path, 'rumour']), belief: e.belief ?? 0.05 };
      case 'trust':
        return {
          type: 'trust',
          stakeholder: stakeholder(e.stakeholder, [...path, 'stakeholder']),
          delta: e.delta,
        };
      case 'reveal':
        return { type: 'reveal' };
      case 'data-taken':
        return { type: 'data-taken' };
      case 'statement': {
        const ch = env.people.channels.findIndex((c) => c.id === e.channel);
        if (ch < 0)
          resolver(
            ctx,
            env.people.channels.map((c) => c.id),
            'SCN029',
            'channel',
          )(e.channel, [...path, 'channel']);
        const blocks = e.blocks.map((b, bi): StatementBlock => {
          const bp = [...path, 'blocks', bi];
          if (b.kind === 'workaround')
            resolver(
              ctx,
              env.people.workarounds.map((w) => w.id),
              'SCN065',
              'workaround',
            )(b.workaround, [...bp, 'workaround']);
          if (b.kind === 'rebuttal') {
            rumour(b.rumour, [...bp, 'rumour']);
            return { kind: 'rebuttal', rumour: b.rumour, evidence: b.evidence ?? 'none' };
          }
          if (
            b.kind === 'blame' &&
            !env.people.stakeholders.some((k) => k.id === b.partner && k.kind === 'partner')
          ) {
            err(ctx, 'SCN028', [...bp, 'partner'], `'${b.partner}' is not a stakeholder of kind partner`);
          }
          return b as StatementBlock;
        });
        e.languages?.forEach((l, li) => language(l, [...path, 'languages', li]));
        const languages = (e.languages ?? ctx.languages).filter((l) => ctx.languages.includes(l));
        return { type: 'statement', channel: ch, languages, blocks };
      }
      case 'prompt': {
        const defaults = e.options.filter((o) => o.default).length;
        if (defaults > 1)
          err(
            ctx,
            'SCN046',
            [...path, 'options'],
            `${defaults} options are marked default; mark at most one`,
          );
        return {
          type: 'prompt',
          from: e.from,
          text: textOf(ctx, e.text, [...path, 'text']),
          pause: e.pause ?? true,
          timeoutTicks: ticks(e.timeout, 0),
          options: e.options.map((o, k) => {
            if (o.effects.length === 0)
              err(
                ctx,
                'SCN045',
                [...path, 'options', k],
                `option '${o.id}' does nothing; give it at least one effect`,
              );
            return {
              id: o.id,
              label: textOf(ctx, o.label, [...path, 'options', k, 'label']),
              isDefault: o.default ?? false,
              effects: o.effects.flatMap((x, j) => effect(x, [...path, 'options', k, 'effects', j]) ?? []),
            };
          }),
        };
      }
    }
  };

  const out = docs.map((d, i): InjectDef => {
    const path: PathSegment[] = ['injects', i];
    const t = d.trigger;
    const kinds = (['at', 'when', 'after', 'chance'] as const).filter((k) => t[k] !== undefined);
    if (kinds.length !== 1 && !(kinds.length === 0 && d.followUpOnly)) {
      err(
        ctx,
        'SCN042',
        [...path, 'trigger'],
        kinds.length === 0
          ? 'the trigger is empty: give one of `at`, `when`, `after` or `chance` (or mark the inject `followUpOnly: true`)'
          : `the trigger has ${kinds.join(' and ')}; give exactly one`,
      );
    }
    if (t.chance !== undefined && t.every === undefined)
      err(
        ctx,
        'SCN043',
        [...path, 'trigger', 'chance'],
        '`chance` also needs `every` (how often to roll), e.g. `every: 5m`',
      );
    const atTick = t.at !== undefined ? ticks(t.at, 0) : -1;
    if (atTick >= env.durationTicks)
      err(
        ctx,
        'SCN040',
        [...path, 'trigger', 'at'],
        `fires at ${formatTicks(atTick)} but the drill ends at ${formatTicks(env.durationTicks)}`,
      );
    const notBefore = ticks(t.notBefore, 0);
    if (notBefore >= env.durationTicks)
      err(
        ctx,
        'SCN040',
        [...path, 'trigger', 'notBefore'],
        `cannot fire before ${formatTicks(notBefore)}, after the end of the drill (${formatTicks(env.durationTicks)})`,
      );
    const condition = t.when !== undefined ? compileWhen(t.when, [...path, 'trigger', 'when']) : null;
    let afterMitigation = -1;
    let afterTarget = -1;
    if (t.after) {
      afterMitigation = mitigation(t.after.mitigation, [...path, 'trigger', 'after', 'mitigation']);
      if (t.after.target !== undefined)
        afterTarget = env.service(t.after.target, [...path, 'trigger', 'after', 'target']);
      const def = env.mitigations[afterMitigation];
      const kind = afterTarget >= 0 ? env.services[afterTarget]!.kind : undefined;
      if (def && kind && def.targetKinds.length > 0 && !def.targetKinds.includes(kind)) {
        err(
          ctx,
          'SCN061',
          [...path, 'trigger', 'after', 'target'],
          `'${def.id}' can only target ${def.targetKinds.join(', ')}, so an order on '${t.after.target}' (${kind}) is always refused and this inject never fires`,
        );
      }
    }
    const everyTicks = Math.max(1, ticks(t.every, 60));
    const def: InjectDef = {
      id: d.id,
      atTick,
      condition,
      conditionSource: t.when ?? '',
      afterMitigation,
      afterTarget,
      chance: t.chance ?? -1,
      everyTicks,
      notBeforeTick: notBefore,
      times: d.repeat?.times ?? 1,
      cooldownTicks: ticks(d.repeat?.cooldown, 0),
      followUpOnly: d.followUpOnly ?? false,
      effects: d.effects.flatMap((e, j) => effect(e, [...path, 'effects', j]) ?? []),
    };
    if (d.step) {
      const step = buildStep(ctx, d, path, { ...env, mitigation, compileWhen });
      if (step) def.step = step;
    }
    return def;
  });

  // An attack `shift` keeps its target; other attack effects carry the attack's own target (-2 above).
  for (const def of out) fixAttackTargets(def.effects, ctx);
  docs.forEach((d, i) => {
    if (d.followUpOnly && !referenced.has(i))
      err(
        ctx,
        'SCN044',
        ['injects', i, 'followUpOnly'],
        `inject '${d.id}' only fires as a follow-up, but nothing fires it`,
      );
  });
  checkFireCycles(ctx, out);
  return out;
}

/**
 * A tutorial step (`step:` on an inject): what it waits for, resolved like the rest of the file, and the words it
 * shows (its inject's first feed text). Only added when present, so other scenarios compile to the same data
 * (and keep their scenario hash).
 */
function buildStep(
  ctx: Ctx,
  d: ScenarioDocument['injects'][number],
  path: PathSegment[],
  env: InjectEnv & {
    mitigation: ReturnType<typeof resolver>;
    compileWhen: (source: string, whenPath: PathSegment[]) => InjectDef['condition'];
  },
): TutorialStep | undefined {
  const spec = d.step!;
  const stepPath = [...path, 'step'];
  const untilPath = [...stepPath, 'until'];
  const u = spec.until;
  const kinds = (['select', 'order', 'statement', 'announce', 'when'] as const).filter(
    (k) => u[k] !== undefined,
  );
  if (kinds.length !== 1) {
    err(
      ctx,
      'SCN070',
      untilPath,
      kinds.length === 0
        ? 'the step waits for nothing: give one of `select`, `order`, `statement`, `announce` or `when`'
        : `the step waits for ${kinds.join(' and ')}; give exactly one (make another step for the next thing)`,
    );
  }
  if (u.on !== undefined && u.order === undefined)
    err(
      ctx,
      'SCN070',
      [...untilPath, 'on'],
      '`on` names the target of an `order`; add `order: <mitigation>`',
    );
  const feed = d.effects.find((e) => e.type === 'feed');
  if (!feed)
    err(
      ctx,
      'SCN071',
      stepPath,
      `step '${d.id}' has no words: add a \`feed\` effect (channel ops) that says what to do and where`,
    );
  if (d.repeat)
    err(ctx, 'SCN072', [...path, 'repeat'], `step '${d.id}' repeats: a step is done once, remove \`repeat\``);
  if (kinds.length !== 1) return undefined;
  let until: StepUntil | undefined;
  if (u.select !== undefined) {
    const service = env.service(u.select, [...untilPath, 'select']);
    if (service >= 0) until = { kind: 'select', service };
  } else if (u.order !== undefined) {
    const mitigation = env.mitigation(u.order, [...untilPath, 'order']);
    const target = u.on !== undefined ? env.service(u.on, [...untilPath, 'on']) : -1;
    const def = env.mitigations[mitigation];
    const kind = target >= 0 ? env.services[target]!.kind : undefined;
    if (def && kind && def.targetKinds.length > 0 && !def.targetKinds.includes(kind))
      err(
        ctx,
        'SCN061',
        [...untilPath, 'on'],
        `'${def.id}' can only target ${def.targetKinds.join(', ')}, so an order on '${u.on}' (${kind}) is always refused and this step never ends`,
      );
    if (mitigation >= 0 && (u.on === undefined || target >= 0)) until = { kind: 'order', mitigation, target };
  } else if (u.statement !== undefined) {
    const channel = resolver(
      ctx,
      env.people.channels.map((c) => c.id),
      'SCN029',
      'channel',
    )(u.statement, [...untilPath, 'statement']);
    if (channel >= 0) until = { kind: 'statement', channel };
  } else if (u.announce !== undefined) {
    const workaround = resolver(
      ctx,
      env.people.workarounds.map((w) => w.id),
      'SCN065',
      'workaround',
    )(u.announce, [...untilPath, 'announce']);
    if (workaround >= 0) until = { kind: 'announce', workaround };
  } else if (u.when !== undefined) {
    const condition = env.compileWhen(u.when, [...untilPath, 'when']);
    if (condition) until = { kind: 'when', condition, source: u.when };
  }
  if (!until || !feed || feed.type !== 'feed') return undefined;
  return { text: primaryText(ctx.languages, feed.text), point: spec.point ?? null, until };
}

function fixAttackTargets(effects: Effect[], ctx: Ctx): void {
  for (const e of effects) {
    if (e.type === 'attack' && e.target === -2)
      e.target = ctx.doc.attacks[e.attack]
        ? ctx.doc.services.findIndex((s) => s.id === ctx.doc.attacks[e.attack]!.target)
        : -1;
    if (e.type === 'prompt') for (const o of e.options) fixAttackTargets(o.effects, ctx);
  }
}

/** `fire` chains that lead back to where they started would loop forever within one tick. */
function checkFireCycles(ctx: Ctx, injects: InjectDef[]): void {
  const direct = (def: InjectDef): number[] =>
    def.effects.flatMap((e) => (e.type === 'fire' && e.inject >= 0 ? [e.inject] : []));
  injects.forEach((def, start) => {
    const seen = new Set<number>();
    const stack = direct(def);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        const j = def.effects.findIndex((e) => e.type === 'fire');
        err(
          ctx,
          'SCN051',
          ['injects', start, 'effects', Math.max(0, j)],
          `inject '${def.id}' fires itself through a chain of \`fire\` effects`,
        );
        return;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...direct(injects[next]!));
    }
  });
}

function formatTicks(t: number): string {
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m`;
}
