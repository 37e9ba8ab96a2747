/**
 * Runs one fuzz case and says what went wrong, as findings (an empty list: the case passed). Synchronous and
 * self-contained so it runs the same in a worker thread (npm run fuzz) and in a unit test; a hang is caught
 * by the caller's time budget (pool.ts), not here.
 *
 * What each case must do:
 *   - scenario: compile, or give diagnostics that are located inside the file, have known codes and are at
 *     most 500 characters; a scenario exactly when there is no error; a drill of at most 72 h; then a full run
 *     with a random command log keeps every number in the state finite.
 *   - commands: a shipped scenario with a random (partly garbage) log: a full run, finite state.
 *   - save: a real save, tampered with; a changed character is refused, a forged or foreign save is refused or
 *     resumes without an exception or a non-finite number; an untampered save always loads and fits.
 *   - share: a real link (or run file), tampered with or hand-made; decoding never throws, an untampered link
 *     round-trips, and whatever is accepted runs.
 *   - sample cases also run twice (same hash) and save mid-run, restore, and finish (same hash as straight).
 */
import LZString from 'lz-string';
import { configure } from 'safe-stable-stringify';
import { parse, stringify } from 'yaml';
import {
  advance,
  createSim,
  hashState,
  restore,
  type LoggedCommand,
  type Scenario,
  type Sim,
  type SimState,
} from '../../engine';
import {
  checkSaveFits,
  decodeShare,
  encodeShare,
  ENGINE_VERSION,
  loadSave,
  loggedCommand,
  makeRecord,
  makeSave,
  saveToText,
  scenarioFingerprint,
  scenarioHash,
  sealSave,
  type Save,
} from '../../run';
import { compile, DIAGNOSTIC_CODES, type Diagnostic } from '../../scenario';
import { readRunFile } from '../../ui/saves/runFile';
import type { Base, FuzzCase } from './cases';
import { randomLog } from './commands';
import { hostileString, longText } from './hostile';
import { Rand } from './random';

export type FindingKind =
  | 'exception'
  | 'internal-error'
  | 'non-finite'
  | 'diagnostic-outside-file'
  | 'diagnostic-too-long'
  | 'unknown-code'
  | 'scenario-despite-error'
  | 'no-scenario-no-error'
  | 'drill-too-long'
  | 'nondeterministic'
  | 'restore-mismatch'
  | 'valid-save-refused'
  | 'tampered-save-accepted'
  | 'share-roundtrip'
  | 'hang';

export interface Finding {
  kind: FindingKind;
  /** Which stage: compile, run, resume, decode, ... */
  where: string;
  message: string;
}

export interface CaseResult {
  findings: Finding[];
  /** Scenario cases: whether it compiled, and how many diagnostics it gave. */
  compiled?: boolean;
  diagnostics?: number;
  determinismChecks: number;
  restoreChecks: number;
  /** Files that reproduce the case (only when there are findings). */
  artifacts?: Record<string, string>;
}

/** The bar: no diagnostic longer than this. */
export const MAX_DIAGNOSTIC_CHARS = 500;
export const MAX_DRILL_TICKS = 72 * 3600;
/** The state is checked for non-finite numbers every this many ticks (and at the end). */
const CHECK_EVERY_TICKS = 600;

const stable = configure({ deterministic: true, bigint: false });

/** Compiled shipped scenarios, per thread (compiling is most of a commands case's cost otherwise). */
export class Env {
  private readonly compiled = new Map<string, Scenario>();
  constructor(readonly bases: readonly Base[]) {}

  base(name: string): Base {
    const b = this.bases.find((x) => x.name === name);
    if (!b) throw new Error(`no base scenario ${name}`);
    return b;
  }

  scenario(name: string): Scenario {
    let s = this.compiled.get(name);
    if (!s) {
      s = compile(this.base(name).text, name).scenario;
      if (!s) throw new Error(`the shipped scenario ${name} does not compile`);
      this.compiled.set(name, s);
    }
    return s;
  }
}

const clip = (text: string, n = 300): string => (text.length > n ? `${text.slice(0, n)}…` : text);

function describeError(e: unknown): string {
  if (!(e instanceof Error)) return clip(String(e));
  const frame =
    e.stack
      ?.split('\n')
      .find((l) => l.trim().startsWith('at '))
      ?.trim() ?? '';
  return clip(`${e.name}: ${e.message} ${frame}`);
}

/** The path of the first number that is NaN or ±Infinity, or undefined. */
export function firstNonFinite(value: unknown, path = '$'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = firstNonFinite(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = firstNonFinite(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

class Case {
  readonly findings: Finding[] = [];
  readonly artifacts: Record<string, string> = {};
  determinismChecks = 0;
  restoreChecks = 0;

  /** `maxTicks`: where a drill's run stops (CheckOptions); the whole drill unless set. */
  constructor(readonly maxTicks = Infinity) {}

  add(kind: FindingKind, where: string, message: string): void {
    this.findings.push({ kind, where, message: clip(message) });
  }

  /** Runs `fn`; an exception becomes a finding and `undefined`. */
  guard<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.add('exception', where, describeError(e));
      return undefined;
    }
  }

  /**
   * Advances `sim` to `until` with `log`, checking the state for non-finite numbers as it goes. Returns the log
   * cursor, or undefined after an exception or a non-finite number (one finding per run is enough).
   */
  advanceChecked(sim: Sim, log: readonly LoggedCommand[], cursor: number, until: number, where: string) {
    let c = cursor;
    const end = Math.min(until, sim.scenario.durationTicks);
    while (sim.state.tick < end && !sim.state.ended) {
      const next = Math.min(end, sim.state.tick + CHECK_EVERY_TICKS);
      const before = sim.state.tick;
      const moved = this.guard(where, () => advance(sim, log, c, { untilTick: next }));
      if (moved === undefined) return undefined;
      c = moved;
      const bad = firstNonFinite(sim.state);
      if (bad) {
        this.add('non-finite', where, `at tick ${sim.state.tick}: ${bad}`);
        return undefined;
      }
      if (sim.state.tick === before) break;
    }
    return c;
  }

  /** A full run; on a sample, also a second run (same hash) and a save/restore in the middle (same hash). */
  runDrill(scenario: Scenario, seed: string, log: readonly LoggedCommand[], sample: boolean, r: Rand): void {
    const end = Math.min(scenario.durationTicks, this.maxTicks);
    const sim = this.guard('start', () => createSim(scenario, seed));
    if (!sim || this.advanceChecked(sim, log, 0, end, 'run') === undefined) return;
    if (!sample) return;
    const hash = hashState(sim.state);
    const again = createSim(scenario, seed);
    if (this.advanceChecked(again, log, 0, end, 'second run') === undefined) return;
    this.determinismChecks++;
    if (hashState(again.state) !== hash)
      this.add(
        'nondeterministic',
        'second run',
        `same scenario, seed and log gave ${hashState(again.state)}, then ${hash}`,
      );
    const at = r.int(Math.max(1, sim.state.tick));
    this.saveAndRestore(scenario, seed, log, at, end, hash);
  }

  private saveAndRestore(
    scenario: Scenario,
    seed: string,
    log: readonly LoggedCommand[],
    at: number,
    end: number,
    hash: string,
  ) {
    const first = createSim(scenario, seed);
    const cursor = this.advanceChecked(first, log, 0, at, 'run to the save');
    if (cursor === undefined) return;
    const text = this.guard('save', () => saveToText(saveOf(scenario, first, log.slice(0, cursor))));
    if (text === undefined) return;
    const loaded = this.guard('load', () => loadSave(text));
    if (!loaded) return;
    if (!loaded.ok)
      return this.add('valid-save-refused', 'load', `a save made at tick ${at}: ${loaded.error}`);
    const fits = this.guard('fit', () => checkSaveFits(loaded.save, scenario));
    if (fits && !fits.ok)
      return this.add('valid-save-refused', 'fit', `a save made at tick ${at}: ${fits.error}`);
    const resumed = this.guard('resume', () =>
      restore(scenario, loaded.save.snapshot as unknown as SimState),
    );
    if (!resumed || this.advanceChecked(resumed, log, cursor, end, 'resumed run') === undefined) return;
    this.restoreChecks++;
    if (hashState(resumed.state) !== hash)
      this.add(
        'restore-mismatch',
        'resumed run',
        `saved at tick ${at}: ${hashState(resumed.state)} vs ${hash}`,
      );
  }

  checkDiagnostics(text: string, diagnostics: readonly Diagnostic[]): void {
    const lines = text.split('\n');
    const inside = (p: { line: number; column: number }) =>
      Number.isInteger(p.line) &&
      Number.isInteger(p.column) &&
      p.line >= 1 &&
      p.line <= lines.length &&
      p.column >= 1 &&
      p.column <= lines[p.line - 1]!.length + 1;
    for (const d of diagnostics) {
      const label = `${d.code} at ${d.line}:${d.column}`;
      if (!(d.code in DIAGNOSTIC_CODES)) this.add('unknown-code', 'compile', label);
      if (d.message.includes('internal error'))
        this.add('internal-error', 'compile', `${label}: ${d.message}`);
      if (!inside(d) || (d.related && !inside(d.related)))
        this.add('diagnostic-outside-file', 'compile', `${label} (related ${JSON.stringify(d.related)})`);
      const length = d.message.length + (d.related?.message.length ?? 0);
      if (length > MAX_DIAGNOSTIC_CHARS)
        this.add('diagnostic-too-long', 'compile', `${label}: ${length} characters: ${d.message}`);
    }
  }
}

/**
 * The entries the game could have logged: a save, a link or a run file holds only commands that pass the
 * untrusted-input schema (the random logs also carry garbage for the engine to turn down).
 */
const loggable = (log: readonly LoggedCommand[]): LoggedCommand[] =>
  log.filter((e) => loggedCommand.safeParse(e).success);

function saveOf(scenario: Scenario, sim: Sim, log: readonly LoggedCommand[], name = 'fuzz'): Save {
  const commands = loggable(log);
  return makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    scenarioFingerprint: scenarioFingerprint(scenario),
    seed: sim.state.seed,
    commands,
    state: sim.state,
    name,
    savedAt: '',
  });
}

// --- the four kinds ---------------------------------------------------------------------------------------

function scenarioCase(k: Case, c: FuzzCase & { kind: 'scenario' }): CaseResult {
  k.artifacts['scenario.yaml'] = c.text;
  const result = k.guard('compile', () => compile(c.text, 'mutant.yaml'));
  if (!result) return done(k);
  k.checkDiagnostics(c.text, result.diagnostics);
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  if (hasError && result.scenario) k.add('scenario-despite-error', 'compile', 'errors, and still a scenario');
  if (!hasError && !result.scenario) k.add('no-scenario-no-error', 'compile', 'no error, and no scenario');
  const scenario = result.scenario;
  if (scenario) {
    const bad = firstNonFinite(scenario, 'scenario');
    if (bad) k.add('non-finite', 'compile', bad);
    if (scenario.durationTicks > MAX_DRILL_TICKS)
      k.add(
        'drill-too-long',
        'compile',
        `the drill lasts ${scenario.durationTicks} ticks (72 h is ${MAX_DRILL_TICKS})`,
      );
    else {
      const log = c.log ?? randomLog(scenario, new Rand(c.logSeed));
      k.artifacts['commands.json'] = JSON.stringify(log, null, 1);
      k.runDrill(scenario, c.runSeed, log, c.sample, new Rand(c.logSeed + 'x'));
    }
  }
  return { ...done(k), compiled: scenario !== undefined, diagnostics: result.diagnostics.length };
}

function commandsCase(k: Case, env: Env, c: FuzzCase & { kind: 'commands' }): CaseResult {
  const scenario = env.scenario(c.base);
  const log = c.log ?? randomLog(scenario, new Rand(c.logSeed), 200);
  k.artifacts['commands.json'] = JSON.stringify(log, null, 1);
  k.runDrill(scenario, c.runSeed, log, c.sample, new Rand(c.logSeed + 'x'));
  return done(k);
}

function flip(text: string, r: Rand, from = 0): string {
  let out = text;
  for (let n = r.between(1, 4); n > 0; n--) {
    const i = from + r.int(Math.max(1, out.length - from));
    out = out.slice(0, i) + r.pick([...'0123456789abcdefxyz":,{}[]-. \\']) + out.slice(i + 1);
  }
  return out;
}

/** Another version of the scenario with the same id: an item of one of its lists dropped or copied. */
function otherVersion(base: Base, r: Rand): Scenario | undefined {
  for (let attempt = 0; attempt < 6; attempt++) {
    const doc = parse(base.text) as Record<string, unknown>;
    const lists = ['services', 'injects', 'segments', 'attacks', 'dependencies', 'workarounds'].filter((l) =>
      Array.isArray(doc[l]),
    );
    if (lists.length === 0) return undefined;
    const list = doc[r.pick(lists)] as Record<string, unknown>[];
    if (r.chance(0.5) && list.length > 1) list.splice(r.int(list.length), 1);
    else {
      const copy = structuredClone(list[r.int(list.length)]!);
      if (typeof copy.id === 'string') copy.id = `${copy.id}-b`;
      list.push(copy);
    }
    const scenario = compile(stringify(doc), base.name).scenario;
    if (scenario) return scenario;
  }
  return undefined;
}

/** Edits a forger might make inside a save, with both checksums recomputed afterwards. */
function forge(doc: Record<string, unknown>, r: Rand): void {
  const snapshot = doc.snapshot as Record<string, unknown>;
  const lists = Object.entries(snapshot).filter(([, v]) => Array.isArray(v) && v.length > 0);
  switch (r.int(6)) {
    case 0: {
      if (lists.length === 0) break;
      const [key, list] = r.pick(lists);
      snapshot[key] = (list as unknown[]).slice(0, -1);
      break;
    }
    case 1:
      snapshot.rng = r.pick([null, {}, { c: 1e9, s0: 2, s1: -1, s2: 0.5 }]);
      break;
    case 2:
      snapshot.tick = r.pick([-5, 1e12, 0.5, 'x']);
      break;
    case 3: {
      // A number deep inside set to something the engine never writes.
      const numbers: [Record<string, unknown>, string][] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (typeof v === 'object' && v !== null)
          for (const [k, x] of Object.entries(v)) {
            if (typeof x === 'number') numbers.push([v as Record<string, unknown>, k]);
            else walk(x);
          }
      };
      walk(snapshot);
      if (numbers.length === 0) break;
      const [obj, key] = r.pick(numbers);
      obj[key] = r.pick([-1, 1e308, -1e308, 5e-324, 99999, 0.5, null, 'x']);
      break;
    }
    case 4:
      doc.commands = [{ tick: 0, cmd: { type: 'mitigate', mitigation: hostileString(r), target: 'x' } }];
      break;
    default:
      doc.name = hostileString(r).slice(0, 120);
  }
  doc.hash = hashState(snapshot as unknown as SimState);
}

function saveCase(k: Case, env: Env, c: FuzzCase & { kind: 'save' }): CaseResult {
  const scenario = env.scenario(c.base);
  const r = new Rand(c.tamperSeed);
  const log = randomLog(scenario, new Rand(c.logSeed));
  const sim = createSim(scenario, c.runSeed);
  const cursor = k.advanceChecked(
    sim,
    log,
    0,
    r.int(Math.min(scenario.durationTicks, 1800) + 1),
    'run to the save',
  );
  if (cursor === undefined) return done(k);
  const save = saveOf(
    scenario,
    sim,
    log.slice(0, cursor),
    r.chance(0.3) ? hostileString(r).slice(0, 120) : 'fuzz',
  );
  const text = saveToText(save);
  const original = loadSave(text);
  if (!original.ok) k.add('valid-save-refused', 'load', original.error);
  else {
    const fits = checkSaveFits(original.save, scenario);
    if (!fits.ok) k.add('valid-save-refused', 'fit', fits.error);
  }
  let tampered = text;
  let resumeWith: Scenario | undefined = scenario;
  let mustRefuse = false;
  if (c.tamper === 'flip') {
    tampered = flip(text, r);
    let same = false;
    try {
      same = stable(JSON.parse(tampered)) === stable(JSON.parse(text));
    } catch {
      same = false;
    }
    mustRefuse = !same;
  } else if (c.tamper === 'forge') {
    const doc = JSON.parse(text) as Record<string, unknown>;
    forge(doc, r);
    tampered = JSON.stringify(sealSave(doc as unknown as Save));
  } else if (c.tamper === 'otherVersion') {
    resumeWith = otherVersion(env.base(c.base), r);
    if (resumeWith)
      k.artifacts['other-version.json'] = JSON.stringify({ services: resumeWith.services.map((s) => s.id) });
  } else if (c.tamper === 'truncate') {
    tampered = text.slice(0, r.int(text.length));
    mustRefuse = true;
  } else if (c.tamper === 'nest') {
    const n = r.pick([100, 10_000, 200_000]);
    tampered = `{"saveVersion":3,"commands":${'['.repeat(n)}${']'.repeat(n)}}`;
    mustRefuse = true;
  } else if (c.tamper === 'huge') {
    tampered = text.replace('"name":"', `"name":"${longText(r, 2_100_000)}`);
    mustRefuse = true;
  } else {
    // An older format: v1 had no name, savedAt, score; v2 no roles, fingerprint, checksum.
    const doc = JSON.parse(text) as Record<string, unknown>;
    const version = r.pick([1, 2]);
    doc.saveVersion = version;
    for (const f of [
      'roles',
      'scenarioFingerprint',
      'checksum',
      ...(version === 1 ? ['name', 'savedAt', 'score'] : []),
    ])
      delete doc[f];
    tampered = JSON.stringify(doc);
  }
  k.artifacts['save.json'] = tampered;
  const loaded = k.guard('load', () => loadSave(tampered));
  if (!loaded || !loaded.ok || !resumeWith) return done(k);
  if (mustRefuse) k.add('tampered-save-accepted', 'load', `a ${c.tamper}ed save was accepted`);
  const target = resumeWith;
  const fits = k.guard('fit', () => checkSaveFits(loaded.save, target));
  if (c.tamper === 'oldVersion' && fits && !fits.ok) k.add('valid-save-refused', 'fit', fits.error);
  if (!fits?.ok) return done(k);
  // Accepted: it must resume like the game would, without an exception or a non-finite number.
  const resumed = k.guard('resume', () => restore(target, loaded.save.snapshot as unknown as SimState));
  if (resumed) k.advanceChecked(resumed, [], 0, resumed.state.tick + 300, 'resumed run');
  return done(k);
}

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

function hostilePayload(r: Rand, scenario: Scenario): string {
  const cmd = {
    type: 'mitigate',
    mitigation: scenario.mitigations[0]?.id ?? 'x',
    target: scenario.services[0]!.id,
  };
  const n = r.pick([20, 1000, 10_000]);
  switch (r.int(8)) {
    case 0:
      return `{"v":1,"s":"${scenario.id}","seed":"1","c":[[0,${'['.repeat(n)}${']'.repeat(n)}]]}`;
    case 1:
      return JSON.stringify({
        v: 1,
        s: scenario.id,
        seed: '1',
        c: Array.from({ length: n }, (_, i) => [i, cmd]),
      });
    case 2:
      return JSON.stringify({
        v: 1,
        s: scenario.id,
        seed: '1',
        c: [[r.pick([-1, 1e308, 0.5, '5', null]), cmd]],
      });
    case 3:
      return JSON.stringify({
        v: 1,
        s: scenario.id,
        seed: '1',
        c: [[0, { ...cmd, target: longText(r, 100_000) }]],
      });
    case 4:
      return JSON.stringify({ v: 1, s: hostileString(r), seed: hostileString(r), c: [] });
    case 5:
      return JSON.stringify({
        v: 1,
        s: scenario.id,
        seed: '1',
        c: [[0, { type: 'lift', uid: 1e308, __proto__: 1 }]],
      });
    case 6:
      return `{"v":1,"s":"${scenario.id}","seed":"1","c":[],"h":"${'x'.repeat(n * 100)}"}`;
    default:
      return JSON.stringify([1, 2, 3]);
  }
}

function shareCase(k: Case, env: Env, c: FuzzCase & { kind: 'share' }): CaseResult {
  const scenario = env.scenario(c.base);
  const r = new Rand(c.tamperSeed);
  const log = randomLog(scenario, new Rand(c.logSeed), 60);
  const until = Math.min(scenario.durationTicks, 1800);
  if (c.tamper === 'runFile') {
    const sim = createSim(scenario, c.runSeed);
    k.advanceChecked(sim, log, 0, until, 'run');
    const record = JSON.stringify({
      kind: 'cascade-run-export',
      exportVersion: 1,
      record: makeRecord(sim, loggable(log), []),
    });
    const text = r.pick([
      () => record,
      () => flip(record, r),
      () => record.slice(0, r.int(record.length)),
      () => record.replace('"commands":[', `"commands":[${'['.repeat(50_000)}`),
      () => record.replace('"seed":"', `"seed":"${longText(r, 5000)}`),
    ])();
    k.artifacts['run.json'] = text;
    const read = k.guard('read run file', () => readRunFile(text));
    if (read?.ok) {
      const opened = k.guard('open', () => createSim(scenario, read.record.seed));
      if (opened) k.advanceChecked(opened, read.record.commands, 0, until, 'replay of the run file');
    }
    return done(k);
  }
  const shared = loggable(log);
  const fragment =
    encodeShare({ scenarioId: scenario.id, seed: c.runSeed, commands: shared, finalHash: 'abc' }) ?? '';
  let link = fragment;
  const body = 'run='.length;
  if (c.tamper === 'flip') link = flip(fragment, r, body);
  else if (c.tamper === 'truncate') link = fragment.slice(0, body + r.int(fragment.length - body));
  else if (c.tamper === 'append')
    link = fragment + Array.from({ length: r.between(1, 2000) }, () => r.pick([...URI_SAFE])).join('');
  else if (c.tamper === 'hostileJson')
    link = `run=${LZString.compressToEncodedURIComponent(hostilePayload(r, scenario))}`;
  else if (c.tamper === 'junk')
    link = `#run=${Array.from({ length: r.pick([1, 10, 1000, 40_000]) }, () => r.pick([...URI_SAFE, '%', ' ', '='])).join('')}`;
  k.artifacts['link.txt'] = link;
  const decoded = k.guard('decode', () => decodeShare(link));
  if (!decoded) return done(k);
  if (c.tamper === 'none' && fragment !== '') {
    if (!decoded.ok) k.add('share-roundtrip', 'decode', `an untampered link was refused: ${decoded.error}`);
    else if (stable(decoded.run.commands) !== stable(shared) || decoded.run.seed !== c.runSeed)
      k.add('share-roundtrip', 'decode', 'the decoded link differs from the run it was made from');
  }
  if (decoded.ok) {
    const sim = k.guard('open', () => createSim(scenario, decoded.run.seed));
    const sorted = [...decoded.run.commands].sort((a, b) => a.tick - b.tick);
    if (sim) k.advanceChecked(sim, sorted, 0, until, 'replay of the link');
  }
  return done(k);
}

function done(k: Case): CaseResult {
  return {
    findings: k.findings,
    determinismChecks: k.determinismChecks,
    restoreChecks: k.restoreChecks,
    ...(k.findings.length ? { artifacts: k.artifacts } : {}),
  };
}

export interface CheckOptions {
  /**
   * Stop a scenario or commands case's drill here (ticks) instead of at its end: the unit suite's sample runs
   * the first simulated hour of each drill (test/fuzz/sample.test.ts, docs/reliability.md).
   */
  maxTicks?: number;
}

export function checkCase(c: FuzzCase, env: Env, options: CheckOptions = {}): CaseResult {
  const k = new Case(options.maxTicks);
  switch (c.kind) {
    case 'scenario':
      return scenarioCase(k, c);
    case 'commands':
      return commandsCase(k, env, c);
    case 'save':
      return saveCase(k, env, c);
    default:
      return shareCase(k, env, c);
  }
}
