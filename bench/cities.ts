/**
 * Synthetic cities for the engine benchmarks, written as scenario YAML text and compiled through the real
 * loader, so the benchmark runs exactly what an author's file would become.
 *
 * Shape: a layered DAG.
 * - infrastructure (~10 %): half `network` roots, half `edge` services that each ride on one network;
 * - cores (~30 %): each on one network, every other one also on an earlier core;
 * - apps (~60 %): each on one edge, two out of three also on a core.
 * That gives 0.05 + 0.3 × 1.5 + 0.6 × 5⁄3 ≈ 1.5 dependencies per service. Targets are spread with a
 * multiplicative stride rather than chosen at random, so the city is the same on every run.
 * A few segments put demand on apps spread across the app layer; two attacks hit the first two apps
 * (the "front" services); a timed inject and a repeating condition inject keep the inject system busy.
 */
import { isMap, LineCounter, parseDocument } from 'yaml';
import type { Scenario } from '../src/engine';
import { compile } from '../src/scenario';
import { buildScenario } from '../src/scenario/build';
import { DiagnosticList, type Diagnostic } from '../src/scenario/diagnostics';
import { MAX_SOURCE_BYTES, yamlLocator, type ParsedSource } from '../src/scenario/document';
import { validateSchema } from '../src/scenario/validate';

export interface CityShape {
  services: number;
  infra: number;
  cores: number;
  apps: number;
  dependencies: number;
  segments: number;
  needs: number;
}

/** How the services split into layers (at least two of each infrastructure and core, so every layer exists). */
export function cityShape(services: number): Omit<CityShape, 'dependencies' | 'segments' | 'needs'> {
  const infra = Math.max(2, Math.round(services * 0.1));
  const cores = Math.max(2, Math.round(services * 0.3));
  const apps = services - infra - cores;
  if (apps < 2) throw new Error(`a synthetic city needs at least 6 services (got ${services})`);
  return { services, infra, cores, apps };
}

/** A stride coprime with most sizes, so consecutive services pick well-spread targets. */
const pick = (i: number, salt: number, count: number): number => (i * 7919 + salt * 104729) % count;

/** Long enough for the longest timed repetition (the 10-service city runs 200,000 ticks). */
export const CITY_DURATION = '72h';

export function cityYaml(services: number): { text: string; shape: CityShape } {
  const { infra, cores, apps } = cityShape(services);
  const networks = Math.ceil(infra / 2);
  const edges = infra - networks;
  const out: string[] = [];
  const svc = (id: string, kind: string, capacity: number, extra = ''): void => {
    out.push(
      `  - { id: ${id}, name: ${id}, kind: ${kind}, capacity: ${capacity}${extra}, map: { x: 0, y: 0 } }`,
    );
  };
  out.push(
    'format: 1',
    `id: synthetic-${services}`,
    'meta:',
    `  title: Synthetic city of ${services} services`,
  );
  out.push(
    '  summary: A generated layered city for the engine benchmarks.',
    '  objectives: [Measure the engine.]',
  );
  out.push('  audience: Engine developers.', '  difficulty: intro', '  author: bench/cities.ts');
  out.push(
    `clock: { start: '2023-07-27T07:00', duration: ${CITY_DURATION} }`,
    'budget: 1000000',
    'services:',
  );
  for (let i = 0; i < networks; i++) svc(`n${i}`, 'network', 60000, ', critical: true');
  for (let i = 0; i < edges; i++) svc(`e${i}`, 'edge', 30000, ', critical: true');
  for (let i = 0; i < cores; i++) svc(`c${i}`, 'mobile-money-core', 5000, ', crashAt: 2.5, crashAfter: 120s');
  for (let i = 0; i < apps; i++) {
    // The two attacked front services crash and restart under the flood, so the life cycle runs too.
    svc(
      `a${i}`,
      i === 0 ? 'portal' : 'app-gateway',
      1000,
      i < 2 ? ', crashAt: 1.8, crashAfter: 90s, restart: 5m, warmup: 5m' : '',
    );
  }

  const deps: string[] = [];
  const dep = (from: string, to: string, kind: 'hard' | 'soft'): void => {
    deps.push(
      kind === 'hard'
        ? `  - { from: ${from}, to: ${to}, kind: hard }`
        : `  - { from: ${from}, to: ${to}, kind: soft, weight: 0.5, share: 0.5 }`,
    );
  };
  for (let i = 0; i < edges; i++) dep(`e${i}`, `n${pick(i, 1, networks)}`, 'hard');
  for (let i = 0; i < cores; i++) {
    dep(`c${i}`, `n${pick(i, 2, networks)}`, 'hard');
    if (i % 2 === 1) dep(`c${i}`, `c${pick(i, 3, i)}`, 'soft'); // an earlier core: the graph stays acyclic
  }
  for (let i = 0; i < apps; i++) {
    dep(`a${i}`, `e${pick(i, 4, edges)}`, 'hard');
    if (i % 3 !== 0) dep(`a${i}`, `c${pick(i, 5, cores)}`, i % 2 === 0 ? 'hard' : 'soft');
  }
  out.push('dependencies:', ...deps);

  // The schema allows 12 needs per segment; up to 8 segments put demand on up to 96 apps, evenly spread.
  const segments = Math.min(8, Math.ceil(apps / 12));
  const perSegment = Math.min(12, Math.ceil(apps / segments));
  const needCount = Math.min(apps, segments * perSegment);
  out.push('segments:');
  let need = 0;
  for (let g = 0; g < segments; g++) {
    out.push(
      `  - { id: g${g}, name: g${g}, size: 1000000, patience: 20m, retryEvery: 60s, churn: 0.02, needs: [`,
    );
    const lines: string[] = [];
    for (let k = 0; k < perSegment && need < needCount; k++, need++) {
      // ~500 requests per second per need at the demand curve's peak: about half an app's capacity.
      lines.push(`      { service: a${Math.floor((need * apps) / needCount)}, perHour: 1.8, value: 1000 }`);
    }
    out.push(`${lines.join(',\n')} ] }`);
  }

  out.push('attacks:');
  out.push(
    `  - { id: flood, vector: layer7, target: a0, jitter: 0.1, intensity: [{ at: 0s, rps: 0 }, { at: 2m, rps: 3000 }, { at: ${CITY_DURATION}, rps: 3000 }] }`,
  );
  out.push(
    `  - { id: volume, vector: volumetric, target: a1, intensity: [{ at: 0s, rps: 0 }, { at: 5m, rps: 2000 }, { at: ${CITY_DURATION}, rps: 2000 }] }`,
  );
  out.push('injects:');
  out.push(
    "  - { id: news, trigger: { at: 10m }, effects: [{ type: feed, channel: headline, from: News, text: 'Front service under attack.' }] }",
  );
  out.push('  - id: front-down');
  out.push('    trigger: { when: \'service("a0").availability < 0.5 and minutes > 1\' }');
  out.push('    repeat: { times: 100, cooldown: 10m }');
  out.push(
    "    effects: [{ type: feed, channel: social, from: '@user', text: 'The portal is down again.' }]",
  );

  const text = `${out.join('\n')}\n`;
  return {
    text,
    shape: { services, infra, cores, apps, dependencies: deps.length, segments, needs: needCount },
  };
}

export interface CompiledCity {
  scenario: Scenario;
  shape: CityShape;
  textChars: number;
  /** True when the text is over the loader's size limit and went through `compileOversize` instead. */
  oversize: boolean;
}

/**
 * The loader's stages without its 1 MB file-size guard (a guard against hostile files, not big cities): the
 * same parse options, schema and build as `compile`. Used only when the text is over the limit; typed against
 * ParsedSource so that a change in the loader's stages breaks the type check here.
 */
export function compileOversize(
  text: string,
  fileName: string,
): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  const diags = new DiagnosticList(fileName);
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    logLevel: 'error',
  });
  if (doc.errors.length > 0 || !isMap(doc.contents))
    throw new Error(`synthetic city does not parse: ${doc.errors[0]?.message ?? 'not a mapping'}`);
  const source: ParsedSource = { doc, lines, value: doc.toJS() as unknown, text };
  const valid = validateSchema(source, diags);
  const scenario = valid ? buildScenario(yamlLocator(source), valid, diags) : undefined;
  if (diags.hasErrors || !scenario) return { diagnostics: diags.items };
  // Whether `compile` freezes its result has changed before, and frozen objects read far slower in V8: ask it.
  if (compileFreezes()) deepFreeze(scenario);
  return { scenario, diagnostics: diags.items };
}

let freezes: boolean | undefined;
function compileFreezes(): boolean {
  freezes ??= Object.isFrozen(compile(cityYaml(10).text, 'probe.yaml').scenario);
  return freezes;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

export function compileCity(services: number): CompiledCity {
  const { text, shape } = cityYaml(services);
  const oversize = text.length > MAX_SOURCE_BYTES;
  const result = oversize
    ? compileOversize(text, `synthetic-${services}.yaml`)
    : compile(text, `synthetic-${services}.yaml`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.scenario || errors.length > 0) {
    const first = errors.slice(0, 5).map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
    throw new Error(`synthetic city of ${services} services does not compile:\n${first.join('\n')}`);
  }
  return { scenario: result.scenario, shape, textChars: text.length, oversize };
}
