/**
 * Replays a record and checks it reproduces the recorded run: every checkpoint and the final hash. A mismatch is
 * reported in words — where it first diverged, what was issued then — never as a silent difference.
 */
import {
  advance,
  applyDue,
  createSim,
  elapsedClock,
  firstDifference,
  hashState,
  restore,
  type LoggedCommand,
  type Scenario,
  type SimState,
} from '../engine';
import { CHECKPOINT_EVERY_TICKS, scenarioHash, type RunRecord } from './record';

export interface Divergence {
  /** First tick whose checkpoint differs (or the final tick). */
  tick: number;
  expectedHash: string;
  actualHash: string;
  /** Commands issued in the minute before the divergence. */
  commandsThen: LoggedCommand[];
  /** When a recorded state is available (a save): the first field that differs. */
  field?: { path: string; expected: unknown; actual: unknown };
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  finalHash: string;
  divergence?: Divergence;
  scenarioMismatch: boolean;
}

export function verifyRecord(
  scenario: Scenario,
  record: RunRecord,
  recordedFinalState?: SimState,
): VerifyResult {
  const scenarioMismatch = scenarioHash(scenario) !== record.scenarioHash;
  const sim = createSim(scenario, record.seed);
  const log = [...record.commands].sort((a, b) => a.tick - b.tick);
  let divergence: Divergence | undefined;
  let index = 0;
  advance(sim, log, 0, {
    untilTick: record.finalTick,
    onTick: (s) => {
      if (divergence || s.state.tick % CHECKPOINT_EVERY_TICKS !== 0) return;
      const expected = record.checkpoints[index++];
      if (expected === undefined) return;
      const actual = hashState(s.state);
      if (actual !== expected) divergence = describe(s.state.tick, expected, actual, log);
    },
  });
  // Commands stamped with the final tick were applied in play but no step followed (the facilitator ended the
  // drill, or it was saved, right after them): apply them too.
  const pending = log.findIndex((c) => c.tick >= sim.state.tick);
  if (pending >= 0) applyDue(sim, log, pending);
  const finalHash = hashState(sim.state);
  if (!divergence && finalHash !== record.finalHash)
    divergence = describe(sim.state.tick, record.finalHash, finalHash, log);
  if (divergence && recordedFinalState) {
    const d = firstDifference(recordedFinalState, restore(scenario, sim.state).state);
    if (d) divergence.field = { path: d.path, expected: d.a, actual: d.b };
  }
  if (divergence && scenarioMismatch)
    divergence.message += ' The scenario file has changed since this run was recorded.';
  return { ok: !divergence, finalHash, divergence, scenarioMismatch };
}

function describe(
  tick: number,
  expectedHash: string,
  actualHash: string,
  log: readonly LoggedCommand[],
): Divergence {
  // Commands applied since the last matching checkpoint (they run at the start of their tick).
  const commandsThen = log.filter((c) => c.tick >= tick - CHECKPOINT_EVERY_TICKS && c.tick < tick);
  const issued = commandsThen.length
    ? `; commands issued then: ${commandsThen.map((c) => `${c.cmd.type}@${c.tick}`).join(', ')}`
    : '; no command was issued in that minute';
  return {
    tick,
    expectedHash,
    actualHash,
    commandsThen,
    message: `The replay diverged from the recording at ${elapsedClock(tick)} (tick ${tick})${issued}.`,
  };
}
