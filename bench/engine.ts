/**
 * The engine suite (issue 2): runs the three engine benchmarks and turns their results into tables, target
 * checks and JSON. Timing and measurement live in cityBench.ts, defaultRun.ts and memory.ts.
 */
import { benchCity, type CityResult } from './cityBench';
import { benchDefaultRun, DEFAULT_SCENARIO, loadDefaultScenario, type DefaultRunResult } from './defaultRun';
import { benchMemory, type MemoryResult } from './memory';
import { checksum } from './sink';
import type { RunSuite, SuiteResult } from './suite';
import { fmt, type Table } from './table';

export const CITY_SIZES = [10, 100, 1_000, 10_000] as const;
export const TARGET_RATIO = 10;
export const TARGET_RUN_MS = 15;

function cityTable(cities: CityResult[]): Table {
  return {
    title: 'Engine vs plain typed-array loop: ns per service-update (medians of interleaved repetitions)',
    columns: [
      'services',
      'deps',
      'ticks/rep',
      'reps',
      'engine ns',
      'loop ns',
      'engine ÷ loop',
      'CPU engine ns',
      'CPU loop ns',
      'CPU ratio',
      'compile ms',
    ],
    rows: cities.map((c) => [
      fmt(c.services, 0),
      fmt(c.dependencies, 0),
      fmt(c.ticks, 0),
      String(c.reps),
      fmt(c.engineNs),
      fmt(c.loopNs),
      `${fmt(c.ratio, 1)}×`,
      fmt(c.engineCpuNs),
      fmt(c.loopCpuNs),
      `${fmt(c.cpuRatio, 1)}×`,
      fmt(c.compileMs, 0),
    ]),
    notes: [
      'Wall time is what the targets use; CPU time (this process, all threads) leaves out time spent waiting for a core.',
      ...cities
        .filter((c) => c.oversize)
        .map(
          (c) =>
            `${fmt(c.services, 0)} services: ${fmt(c.textChars / 1e6, 2)} MB of YAML is over the loader's 1 MB limit; compiled by the same stages without the size guard (cities.ts).`,
        ),
    ],
  };
}

function runTable(r: DefaultRunResult): Table {
  const row = (label: string, s: DefaultRunResult['plain'], d: number): string[] => [
    label,
    String(s.runs),
    fmt(s.median, d),
    fmt(s.p90, d),
    fmt(s.min, d),
    fmt(s.max, d),
    fmt(s.cpuMedian, d),
  ];
  const perTickUs = (ms: number): number => (ms * 1000) / r.ticks;
  return {
    title: `Default scenario (${DEFAULT_SCENARIO}, seed 1, no commands): one ${fmt(r.ticks, 0)}-tick run, ms`,
    columns: ['variant', 'runs', 'median', 'p90', 'min', 'max', 'CPU median'],
    rows: [
      row('run()', r.plain, 2),
      row('run() + hashState every tick', r.hashed, 1),
      row('reference: typed-array loop, same graph', r.loop, 2),
    ],
    notes: [
      `run(): ${fmt(perTickUs(r.plain.median), 2)} µs per tick = ${fmt((perTickUs(r.plain.median) * 1000) / r.services, 0)} ns per service-update (${r.services} services).`,
      `hashState: ≈ ${fmt(perTickUs(r.hashed.median - r.plain.median), 1)} µs per tick over the run; on the final state ${fmt(r.hashFinalUs, 0)} µs, of which all but ${fmt(r.hashFinalWithoutLogFeedUs, 0)} µs is the log and feed.`,
    ],
  };
}

function memoryTable(m: MemoryResult): Table {
  const g = m.gcDuringRun;
  return {
    title: 'Memory around one 4-hour run of the default scenario',
    columns: ['measure', 'value'],
    rows: [
      ['heap used before (after a full GC)', `${fmt(m.heapBeforeMB, 2)} MB`],
      ['heap used right after the run (garbage included)', `${fmt(m.heapAfterRunMB, 2)} MB`],
      ['heap used after a full GC, sim still referenced', `${fmt(m.heapAfterGcMB, 2)} MB`],
      ['retained by the finished sim', `${fmt(m.retainedKB, 1)} KB`],
      ['final state as canonical JSON', `${fmt(m.stateJsonKB, 1)} KB`],
      ['  of which log + feed', `${fmt(m.logAndFeedJsonKB, 1)} KB`],
      [
        'collections during the run (minor / major / other)',
        `${g.minor} / ${g.major} / ${g.other} (${fmt(g.totalMs, 1)} ms)`,
      ],
      ['allocated per tick (heap growth between collections)', `${fmt(m.bytesPerTick, 0)} B`],
    ],
  };
}

export const runSuite: RunSuite = async (ctx) => {
  ctx.log('engine: synthetic cities, engine vs typed-array loop');
  const cities = CITY_SIZES.map((n) => benchCity(n, ctx));
  ctx.log('engine: default scenario');
  const scenario = loadDefaultScenario();
  const runs = benchDefaultRun(scenario, ctx);
  ctx.log('engine: memory');
  const memory = await benchMemory(scenario);

  const targets: SuiteResult['targets'] = [
    ...cities.map((c) => ({
      name: `engine ÷ loop, ${fmt(c.services, 0)} services`,
      target: `≤ ${TARGET_RATIO}×`,
      measured: `${fmt(c.ratio, 1)}×`,
      met: c.ratio <= TARGET_RATIO,
    })),
    {
      name: '4-hour default run, median wall time',
      target: `≤ ${TARGET_RUN_MS} ms`,
      measured: `${fmt(runs.plain.median, 2)} ms`,
      met: runs.plain.median <= TARGET_RUN_MS,
    },
  ];
  // Printed so that no timed work can be optimised away (and as a sanity check: it is stable run to run).
  ctx.log(`engine: checksum ${checksum().toPrecision(12)}`);
  return {
    tables: [cityTable(cities), runTable(runs), memoryTable(memory)],
    targets,
    data: {
      cities,
      defaultRun: { scenario: DEFAULT_SCENARIO, seed: 1, ...runs },
      memory,
      checksum: checksum(),
    },
  };
};
