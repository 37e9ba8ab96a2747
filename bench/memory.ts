/**
 * Benchmark 3: memory around one run of the default scenario — heap before and after, what the finished
 * simulation retains, how big its state is as JSON (and how much of that is the bounded log and feed), the
 * collections that ran during the run, and the bytes the tick loop allocates per tick.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { canonicalJson, createSim, run, step, type Scenario, type Sim } from '../src/engine';
import { fullGc } from './gc';
import { keep } from './sink';

export interface MemoryResult {
  heapBeforeMB: number;
  /** Right after the run, before any forced collection: includes the run's garbage not yet collected. */
  heapAfterRunMB: number;
  heapAfterGcMB: number;
  /** What one finished sim keeps alive (state + runtime), averaged over several held at once. */
  retainedKB: number;
  stateJsonKB: number;
  logAndFeedJsonKB: number;
  gcDuringRun: { minor: number; major: number; other: number; totalMs: number };
  /** Heap growth per tick over the 600-tick segments during which no collection ran. */
  bytesPerTick: number;
}

const MB = 2 ** 20;
const heapUsed = (): number => process.memoryUsage().heapUsed;

/** GC entries are delivered asynchronously: observe, run, then yield once so they arrive. */
async function collectGcEntries(fn: () => void): Promise<PerformanceEntry[]> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  fn();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return entries;
}

function gcKinds(entries: PerformanceEntry[]): MemoryResult['gcDuringRun'] {
  const out = { minor: 0, major: 0, other: 0, totalMs: 0 };
  for (const e of entries) {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) out.minor++;
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) out.major++;
    else out.other++;
    out.totalMs += e.duration;
  }
  return out;
}

/**
 * Bytes allocated per tick: heap growth over 600-tick segments, counting only the segments during which no
 * collection ran (the GC entries carry timestamps on the same clock as performance.now). Without a collection
 * the growth is what was allocated; reading the heap once per segment costs a few hundred bytes, well under
 * a byte per tick. Checked against a whole run with a young generation too large to fill (no collection at all):
 * 856 B per tick there, 760–880 B here. (Medians over 10-tick windows over-counted by half.)
 */
async function bytesPerTick(scenario: Scenario): Promise<number> {
  const SEGMENT = 600;
  const probe = createSim(scenario, 1);
  const segments: { t0: number; t1: number; bytes: number }[] = [];
  fullGc();
  const entries = await collectGcEntries(() => {
    while (probe.state.tick + SEGMENT <= scenario.durationTicks) {
      const t0 = performance.now();
      const h0 = heapUsed();
      for (let t = 0; t < SEGMENT; t++) step(probe);
      const h1 = heapUsed();
      segments.push({ t0, t1: performance.now(), bytes: h1 - h0 });
    }
  });
  keep(probe.state.metrics.score);
  const clean = segments.filter(
    (g) => !entries.some((e) => e.startTime < g.t1 && e.startTime + e.duration > g.t0),
  );
  if (clean.length === 0) return Number.NaN;
  return clean.reduce((sum, g) => sum + g.bytes, 0) / (clean.length * SEGMENT);
}

/**
 * A single sim's retained size (~100 KB) is within the noise of the heap around it (code, feedback, caches
 * come and go by more than that), so several finished sims are held at once and the growth divided.
 */
function retainedPerSim(scenario: Scenario): number {
  const HELD = 10;
  fullGc();
  const before = heapUsed();
  const held: Sim[] = [];
  for (let i = 0; i < HELD; i++) held.push(run(scenario, 1));
  fullGc();
  const after = heapUsed();
  keep(held.reduce((sum, sim) => sum + sim.state.tick, 0));
  return (after - before) / HELD;
}

export async function benchMemory(scenario: Scenario): Promise<MemoryResult> {
  fullGc();
  const before = heapUsed();
  let sim: Sim | undefined;
  let afterRun = 0;
  const entries = await collectGcEntries(() => {
    sim = run(scenario, 1);
    afterRun = heapUsed();
  });
  fullGc();
  const afterGc = heapUsed();
  const state = sim!.state;
  keep(state.metrics.score);
  const json = canonicalJson(state);
  const logAndFeed = JSON.stringify(state.log).length + JSON.stringify(state.feed).length;
  return {
    heapBeforeMB: before / MB,
    heapAfterRunMB: afterRun / MB,
    heapAfterGcMB: afterGc / MB,
    retainedKB: retainedPerSim(scenario) / 1024,
    stateJsonKB: json.length / 1024,
    logAndFeedJsonKB: logAndFeed / 1024,
    gcDuringRun: gcKinds(entries),
    bytesPerTick: await bytesPerTick(scenario),
  };
}
