/**
 * Benchmark 2: wall time of one whole run of the default scenario (seed 1, no commands) through `run()`,
 * the function the CLI and the tests use; then the same with `hashState` after every tick (what a
 * continuous determinism check costs); and, as a reference, the typed-array loop of loop.ts over the same
 * services and edges for the same number of ticks.
 */
import { readFileSync } from 'node:fs';
import { hashState, run, type Scenario, type Sim, type SimState } from '../src/engine';
import { compile } from '../src/scenario';
import { fullGc } from './gc';
import { loopChecksum, loopCity, loopState, runLoop } from './loop';
import { keep, measure, type Sample } from './sink';
import { median, summarise, type Summary } from './stats';
import type { SuiteContext } from './suite';
import { fmt } from './table';

export const DEFAULT_SCENARIO = 'scenarios/nairobi-ddos-2023.yaml';

export function loadDefaultScenario(): Scenario {
  const result = compile(readFileSync(DEFAULT_SCENARIO, 'utf8'), DEFAULT_SCENARIO);
  if (!result.scenario)
    throw new Error(`${DEFAULT_SCENARIO} does not compile: ${result.diagnostics[0]?.message ?? ''}`);
  return result.scenario;
}

/** Wall-time statistics, the CPU-time median, and every sample. */
type Timings = Summary & { cpuMedian: number; samples: Sample[] };

export interface DefaultRunResult {
  ticks: number;
  services: number;
  plain: Timings;
  hashed: Timings;
  loop: Timings;
  /** One hashState of the final state, µs (median of many), and of the same state with log and feed emptied. */
  hashFinalUs: number;
  hashFinalWithoutLogFeedUs: number;
}

/** Where hashState's time goes: the bounded log and feed are most of the state's text. */
function hashCost(state: SimState): { full: number; withoutLogFeed: number } {
  const bare: SimState = { ...state, log: [], feed: [] };
  const per = (s: SimState): number => {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = measure(() => keep(hashState(s).length));
      samples.push(t.wall * 1000);
    }
    return median(samples);
  };
  per(state);
  return { full: per(state), withoutLogFeed: per(bare) };
}

const timings = (samples: Sample[]): Timings => ({
  ...summarise(samples.map((x) => x.wall)),
  cpuMedian: median(samples.map((x) => x.cpu)),
  samples,
});

export function benchDefaultRun(scenario: Scenario, ctx: SuiteContext): DefaultRunResult {
  const warmups = ctx.quick ? 1 : 3;
  const runs = ctx.quick ? 3 : 31;
  // A hashed run takes seconds: 15 runs (the minimum asked for) keep the whole bench within a few minutes.
  const hashedRuns = ctx.quick ? 3 : 15;
  const flat = loopCity(scenario);
  let lastHash = '';
  const onTick = (sim: Sim): void => {
    lastHash = hashState(sim.state);
  };

  const plainRun = (): Sample => {
    let sim: Sim | undefined;
    const ms = measure(() => {
      sim = run(scenario, 1);
    });
    keep(sim!.state.metrics.score + sim!.state.tick);
    return ms;
  };
  const hashedRun = (): Sample => {
    const ms = measure(() => {
      run(scenario, 1, [], { onTick });
    });
    keep(lastHash.length);
    return ms;
  };
  const loopRun = (): Sample => {
    const st = loopState(flat.n);
    const ms = measure(() => runLoop(flat, st, scenario.durationTicks));
    keep(loopChecksum(st));
    return ms;
  };

  // One full collection before the series, none between runs: a forced full GC right before a run made that
  // run slower (10–60 % wall) and added the collector's background threads to its CPU time.
  fullGc();
  for (let i = 0; i < warmups; i++) {
    plainRun();
    loopRun();
  }
  const plain: Sample[] = [];
  const loop: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(plainRun());
    loop.push(loopRun());
  }
  ctx.log(
    `  default run: median ${fmt(median(plain.map((x) => x.wall)), 2)} ms (typed-array loop over the same graph: ${fmt(median(loop.map((x) => x.wall)), 2)} ms)`,
  );
  fullGc();
  for (let i = 0; i < warmups; i++) hashedRun();
  const hashed: Sample[] = [];
  for (let i = 0; i < hashedRuns; i++) hashed.push(hashedRun());
  ctx.log(`  default run + hashState every tick: median ${fmt(median(hashed.map((x) => x.wall)), 1)} ms`);
  const cost = hashCost(run(scenario, 1).state);
  return {
    ticks: scenario.durationTicks,
    services: scenario.services.length,
    plain: timings(plain),
    hashed: timings(hashed),
    loop: timings(loop),
    hashFinalUs: cost.full,
    hashFinalWithoutLogFeedUs: cost.withoutLogFeed,
  };
}
