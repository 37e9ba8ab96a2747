/**
 * What a drill records while it runs, for the after-action tools (src/run): a state hash every simulated minute
 * (so a replay can say where it diverged) and the per-minute chart series. Both are filled after every step,
 * live or fast-forwarded, so a resumed, forked or loaded drill carries the same history as one played straight.
 *
 * FAST-FORWARD. `fastForward` rebuilds a drill from scenario + seed + command log up to a tick, recording on the
 * way. The commands stamped with that very tick are applied too: in play, `issue` applies a command at once
 * (the state the player saw after ordering it), so a save or a stop made right after an order includes it.
 */
import {
  advance,
  applyDue,
  createSim,
  type ApplyResult,
  type LoggedCommand,
  type Scenario,
  type Sim,
} from '../engine';
import { CheckpointRecorder } from '../run/record';
import { emptySeries, sample, type Series } from '../run/series';

export class Recording {
  private readonly checkpointRecorder = new CheckpointRecorder();
  readonly series: Series;

  constructor(sim: Sim) {
    this.series = emptySeries(sim);
  }

  private lastTick = -1;

  /** Call after every step. */
  onTick(sim: Sim): void {
    // The step in which an inject ends the drill does not advance the tick: the checkpoint recorder sees that
    // tick twice (and verifyRecord expects both checkpoints), but a chart must not get the minute twice.
    this.checkpointRecorder.onTick(sim);
    if (sim.state.tick !== this.lastTick) sample(this.series, sim);
    this.lastTick = sim.state.tick;
  }

  get checkpoints(): readonly string[] {
    return this.checkpointRecorder.checkpoints;
  }
}

export interface FastForward {
  sim: Sim;
  /** The commands that were applied (those stamped after `untilTick` are left out), with the engine's answers. */
  log: LoggedCommand[];
  results: ApplyResult[];
  recording: Recording;
}

/** Commands in tick order; entries with the same tick keep their order (the engine applies them in log order). */
export function sortedLog(log: readonly LoggedCommand[]): LoggedCommand[] {
  return log.map((c) => ({ tick: c.tick, cmd: structuredClone(c.cmd) })).sort((a, b) => a.tick - b.tick);
}

export function fastForward(
  scenario: Scenario,
  seed: string | number,
  history: readonly LoggedCommand[],
  untilTick: number,
): FastForward {
  const sim = createSim(scenario, seed);
  const recording = new Recording(sim);
  const commands = sortedLog(history);
  const log: LoggedCommand[] = [];
  const results: ApplyResult[] = [];
  const onCommand = (entry: LoggedCommand, result: ApplyResult) => {
    // A command the engine refused because the drill had ended was never logged in play: leave it out here too.
    if (!result.ok && result.code === 'cmd/scenario-ended') return;
    log.push(entry);
    results.push(result);
  };
  const cursor = advance(sim, commands, 0, {
    untilTick,
    onTick: (s) => recording.onTick(s),
    onCommand,
  });
  if (!sim.state.ended && sim.state.tick === untilTick) applyDue(sim, commands, cursor, onCommand);
  return { sim, log, results, recording };
}
