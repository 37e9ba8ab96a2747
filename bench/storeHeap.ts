/**
 * Bounded state (issue 11): the heap a drill's store holds after 1 and after 24 simulated hours, after forced
 * full collections. `npm run bench -- --only store-heap`.
 *
 * What runs is the page's own store (src/store: createGameStore, the same frame() a scene's update() calls,
 * with the recording of per-minute series and checkpoints it keeps for the debrief), in Node with the collector
 * exposed (gc.ts), not in Chromium: the panels and Phaser are left out, the store and the engine state are what
 * is measured. The scenario is the default one with `clock.duration: 24h` instead of 4h (at 24 h its feed and
 * log have long reached their limits); no commands are issued, and every decision is answered with its default
 * option as soon as it holds the clock. Frames are 1/60 s at 8× with the rate raised (as `?fast=N` does), so
 * 24 hours take 10,800 frames.
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/engine';
import { compile } from '../src/scenario';
import { createGameStore, type GameStore } from '../src/store';
import { fullGc } from './gc';
import type { RunSuite } from './suite';
import { fmt, type Table } from './table';

const HOUR = 3600;
const FRAME_MS = 1000 / 60;
/** 8× is 48 ticks a second; × 10 (as `?fast=10`) is 8 ticks a frame. */
const RATE_SCALE = 10;
const KB = 1024;
const MB = 2 ** 20;

export function dayLongDefault(): Scenario {
  const text = readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8');
  const day = text.replace(/^(\s*duration:\s*)4h\s*$/m, '$124h');
  if (day === text) throw new Error('the default scenario no longer says `duration: 4h`');
  const scenario = compile(day, 'nairobi-ddos-2023-24h.yaml').scenario;
  if (!scenario) throw new Error('the 24-hour variant of the default scenario does not compile');
  return scenario;
}

/** Answers the first decision holding the clock with its default option. */
function answerDefault(game: GameStore): void {
  const s = game.getState();
  const pending = s.sim.state.prompts[0];
  if (!pending) return;
  const inject = s.scenario.injects[pending.inject]!;
  const effect = inject.effects[pending.effect]!;
  if (effect.type !== 'prompt') return;
  const option = effect.options.find((o) => o.isDefault) ?? effect.options[0]!;
  game.getState().issue({ type: 'answer', inject: inject.id, option: option.id });
}

/** Frames until the drill reaches `tick` (or ends). */
function playTo(game: GameStore, tick: number): void {
  while (game.getState().sim.state.tick < tick && !game.getState().ended) {
    if (game.getState().waitingForAnswer) answerDefault(game);
    game.getState().frame(FRAME_MS);
  }
}

export interface HeapPoint {
  hour: number;
  tick: number;
  heapUsedMB: number;
  stateJsonKB: number;
  feed: number;
  feedDropped: number;
  log: number;
  logDropped: number;
}

function point(game: GameStore, hour: number): HeapPoint {
  fullGc();
  const heapUsedMB = process.memoryUsage().heapUsed / MB;
  const state = game.getState().sim.state;
  return {
    hour,
    tick: state.tick,
    heapUsedMB,
    stateJsonKB: JSON.stringify(state).length / KB,
    feed: state.feed.length,
    feedDropped: state.feedDropped?.count ?? 0,
    log: state.log.length,
    logDropped: state.logDropped?.count ?? 0,
  };
}

export interface StoreHeapResult {
  points: HeapPoint[];
  /** Heap after GC at 24 h minus at 1 h. */
  growthMB: number;
}

export function measureStoreHeap(scenario = dayLongDefault()): StoreHeapResult {
  fullGc();
  const game = createGameStore({
    scenario,
    seed: 1,
    startPaused: false,
    speed: 8,
    rateScale: RATE_SCALE,
  });
  const points = [point(game, 0)];
  playTo(game, HOUR);
  points.push(point(game, 1));
  for (const hour of [4, 12, 24]) {
    playTo(game, hour * HOUR);
    points.push(point(game, hour));
  }
  const at1 = points.find((p) => p.hour === 1)!;
  const at24 = points.find((p) => p.hour === 24)!;
  // Keep the store alive until the last measurement (it is what is measured).
  if (game.getState().sim.state.tick < 0) throw new Error('unreachable');
  return { points, growthMB: at24.heapUsedMB - at1.heapUsedMB };
}

export const runSuite: RunSuite = async (ctx) => {
  ctx.log('store heap: the default scenario for 24 simulated hours through the game store');
  const result = measureStoreHeap();
  const table: Table = {
    title: 'Game store over 24 simulated hours (default scenario, 24 h variant), heap after forced GC',
    columns: [
      'hour',
      'tick',
      'heap used MB',
      'state JSON KB',
      'feed kept',
      'feed dropped',
      'log kept',
      'log dropped',
    ],
    rows: result.points.map((p) => [
      String(p.hour),
      fmt(p.tick, 0),
      fmt(p.heapUsedMB, 2),
      fmt(p.stateJsonKB, 1),
      String(p.feed),
      String(p.feedDropped),
      String(p.log),
      String(p.logDropped),
    ]),
    notes: [`growth from 1 h to 24 h: ${fmt(result.growthMB * 1024, 0)} KB`],
  };
  return {
    tables: [table],
    data: { ...result },
    targets: [
      {
        name: 'heap growth of the store from 1 h to 24 simulated hours, after GC',
        target: '≤ 1 MB',
        measured: `${fmt(result.growthMB, 2)} MB`,
        met: result.growthMB <= 1,
      },
    ],
  };
};
