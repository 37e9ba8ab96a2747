/**
 * Benchmark 1: ns per service-update of the engine versus the typed-array loop of loop.ts on one synthetic
 * city. Repetitions are interleaved (engine, loop, engine, loop, …) so that load from other processes falls on
 * both alike; each repetition starts from a fresh state created outside the timed region. One full GC runs
 * before the series and none between repetitions (see defaultRun.ts for why).
 */
import { createSim, step } from '../src/engine';
import { compileCity } from './cities';
import { fullGc } from './gc';
import { loopChecksum, loopCity, loopState, runLoop } from './loop';
import { keep, measure, type Sample } from './sink';
import { median } from './stats';
import type { SuiteContext } from './suite';
import { fmt } from './table';

/** Service-updates per timed repetition: 0.1 s or more per repetition even for the loop. */
const UPDATES_PER_REP = 2_000_000;

export interface CityResult {
  services: number;
  dependencies: number;
  needs: number;
  textChars: number;
  oversize: boolean;
  compileMs: number;
  ticks: number;
  reps: number;
  /** Each timed repetition, ms. */
  engine: Sample[];
  loop: Sample[];
  /** Medians of wall time, per service-update. */
  engineNs: number;
  loopNs: number;
  ratio: number;
  /** The same from CPU time (less sensitive to other processes). */
  engineCpuNs: number;
  loopCpuNs: number;
  cpuRatio: number;
}

export function benchCity(services: number, ctx: SuiteContext): CityResult {
  let city: ReturnType<typeof compileCity> | undefined;
  const compileMs = measure(() => {
    city = compileCity(services);
  }).wall;
  const { scenario, shape, textChars, oversize } = city!;
  // The 10-service city needs 200,000 ticks for a measurable repetition; the city's clock is long enough.
  const ticks = Math.max(200, Math.min(200_000, Math.round(UPDATES_PER_REP / services)));
  if (ticks >= scenario.durationTicks) throw new Error(`synthetic city too short for ${ticks} ticks`);
  const flat = loopCity(scenario);
  const warmups = ctx.quick ? 1 : 2;
  const reps = ctx.quick ? 3 : 9;

  const engineRep = (): Sample => {
    const sim = createSim(scenario, 1);
    const ms = measure(() => {
      for (let t = 0; t < ticks; t++) step(sim);
    });
    keep(sim.state.metrics.score + sim.state.services[0]!.availability + sim.state.tick);
    return ms;
  };
  const loopRep = (): Sample => {
    const st = loopState(flat.n);
    const ms = measure(() => runLoop(flat, st, ticks));
    keep(loopChecksum(st));
    return ms;
  };

  fullGc();
  for (let i = 0; i < warmups; i++) {
    engineRep();
    loopRep();
  }
  const engine: Sample[] = [];
  const loop: Sample[] = [];
  for (let i = 0; i < reps; i++) {
    engine.push(engineRep());
    loop.push(loopRep());
  }
  const perUpdate = (samples: Sample[], key: keyof Sample): number =>
    (median(samples.map((x) => x[key])) * 1e6) / (ticks * services);
  const engineNs = perUpdate(engine, 'wall');
  const loopNs = perUpdate(loop, 'wall');
  const engineCpuNs = perUpdate(engine, 'cpu');
  const loopCpuNs = perUpdate(loop, 'cpu');
  ctx.log(
    `  ${fmt(services, 0)} services: engine ${fmt(engineNs)} ns, loop ${fmt(loopNs)} ns per service-update`,
  );
  return {
    services,
    dependencies: shape.dependencies,
    needs: shape.needs,
    textChars,
    oversize,
    compileMs,
    ticks,
    reps,
    engine,
    loop,
    engineNs,
    loopNs,
    ratio: engineNs / loopNs,
    engineCpuNs,
    loopCpuNs,
    cpuRatio: engineCpuNs / loopCpuNs,
  };
}
