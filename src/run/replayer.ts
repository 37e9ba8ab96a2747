/**
 * Time travel over a recorded run: jump to any tick quickly (a snapshot every SNAPSHOT_EVERY ticks, then
 * replay the rest), and fork — take over from any point with the log truncated there.
 */
import {
  advance,
  createSim,
  restore,
  snapshot,
  type LoggedCommand,
  type Scenario,
  type Sim,
  type SimState,
} from '../engine';

export const SNAPSHOT_EVERY_TICKS = 600;

export class Replayer {
  private readonly snapshots = new Map<number, SimState>();
  private readonly log: LoggedCommand[];
  readonly endTick: number;

  constructor(
    readonly scenario: Scenario,
    readonly seed: string,
    commands: readonly LoggedCommand[],
    endTick: number,
  ) {
    this.log = [...commands].sort((a, b) => a.tick - b.tick);
    this.endTick = Math.min(endTick, scenario.durationTicks);
    // One pass records the snapshots; seeking is then at most SNAPSHOT_EVERY_TICKS steps.
    const sim = createSim(scenario, seed);
    this.snapshots.set(0, snapshot(sim));
    advance(sim, this.log, 0, {
      untilTick: this.endTick,
      onTick: (s) => {
        if (s.state.tick % SNAPSHOT_EVERY_TICKS === 0) this.snapshots.set(s.state.tick, snapshot(s));
      },
    });
  }

  /** The simulation as it was at `tick` (a fresh Sim each call; mutate it freely). */
  at(tick: number): Sim {
    const target = Math.max(0, Math.min(this.endTick, Math.floor(tick)));
    const base = Math.floor(target / SNAPSHOT_EVERY_TICKS) * SNAPSHOT_EVERY_TICKS;
    const sim = restore(this.scenario, this.snapshots.get(base)!);
    const cursor = this.log.findIndex((c) => c.tick >= base);
    advance(sim, this.log, cursor < 0 ? this.log.length : cursor, { untilTick: target });
    return sim;
  }

  /** Commands up to (not including) `tick`: the start of a new branch taken over at that moment. */
  forkLog(tick: number): LoggedCommand[] {
    return this.log.filter((c) => c.tick < tick).map((c) => ({ tick: c.tick, cmd: structuredClone(c.cmd) }));
  }

  get commands(): readonly LoggedCommand[] {
    return this.log;
  }
}
