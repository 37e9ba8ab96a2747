/**
 * A run record: everything needed to reproduce a drill exactly — scenario identity, seed, the command log — plus
 * checkpoints (a state hash every simulated minute) so a replay can say *where* it diverged, not just that it did.
 */
import { canonicalJson, hashState, hashText, type LoggedCommand, type Scenario, type Sim } from '../engine';
import { configure } from 'safe-stable-stringify';

/** Bumped whenever the engine's rules change so that old records may replay differently. */
export const ENGINE_VERSION = '1.0.0';
export const CHECKPOINT_EVERY_TICKS = 60;

const stable = configure({ deterministic: true });

export interface RunRecord {
  kind: 'cascade-run';
  engineVersion: string;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  commands: LoggedCommand[];
  /** Hash after every CHECKPOINT_EVERY_TICKS ticks, index i = tick (i + 1) × CHECKPOINT_EVERY_TICKS. */
  checkpoints: string[];
  finalTick: number;
  finalHash: string;
  finalScore: number;
}

/**
 * Identity of a compiled scenario: its data (functions are dropped; a condition's source text stays), so two
 * files that compile to the same drill share a hash and an edited drill does not.
 */
export function scenarioHash(scenario: Scenario): string {
  return hashText(stable(scenario) ?? '');
}

/** Records checkpoints while a run advances: call `onTick` after every step. */
export class CheckpointRecorder {
  readonly checkpoints: string[] = [];
  onTick(sim: Sim): void {
    if (sim.state.tick % CHECKPOINT_EVERY_TICKS === 0) this.checkpoints.push(hashState(sim.state));
  }
}

export function makeRecord(
  sim: Sim,
  commands: readonly LoggedCommand[],
  checkpoints: readonly string[],
): RunRecord {
  return {
    kind: 'cascade-run',
    engineVersion: ENGINE_VERSION,
    scenarioId: sim.scenario.id,
    scenarioHash: scenarioHash(sim.scenario),
    seed: sim.state.seed,
    commands: commands.map((c) => ({ tick: c.tick, cmd: structuredClone(c.cmd) })),
    checkpoints: [...checkpoints],
    finalTick: sim.state.tick,
    finalHash: hashState(sim.state),
    finalScore: sim.state.metrics.score,
  };
}

export { canonicalJson };
