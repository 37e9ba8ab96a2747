import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine';
import { keyDecisions, outcomeOf, Replayer, whatIf, SNAPSHOT_EVERY_TICKS } from '../../src/run';
import { hashState } from '../../src/engine';
import { logFrom, smallScenario } from './fixtures';

const scenario = smallScenario();
const log = logFrom([
  [400, 0], // WAF on the edge at 06:40
  [500, 9], // announce USSD
  [600, 13], // noop: not a key decision
]);
const until = 1500;

describe('what if', () => {
  it('questions mitigations, statements and workarounds, not no-ops', () => {
    expect(keyDecisions(log)).toEqual([0, 1]);
  });

  it('is deterministic and matches a direct run with the moved command', () => {
    const progress: number[] = [];
    const a = whatIf(scenario, 's', log, until, {
      shiftTicks: 300,
      onProgress: (done) => progress.push(done),
    });
    const b = whatIf(scenario, 's', log, until, { shiftTicks: 300 });
    expect(a).toEqual(b);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]); // 1 actual + 2 decisions × 3 variants
    const earlier = a.variants.find((v) => v.decision === 0 && v.kind === 'earlier')!;
    expect(earlier.tick).toBe(100);
    const direct = run(scenario, 's', [{ tick: 100, cmd: log[0]!.cmd }, log[1]!, log[2]!], {
      untilTick: until,
    });
    expect(earlier.outcome).toEqual(outcomeOf(direct));
    const never = a.variants.find((v) => v.decision === 1 && v.kind === 'never')!;
    expect(never.outcome).toEqual(outcomeOf(run(scenario, 's', [log[0]!, log[2]!], { untilTick: until })));
    expect(never.summary).toMatch(/^without announce workaround use-ussd: /);
  });

  it('shows that filtering the edge earlier leaves less money stuck', () => {
    const report = whatIf(scenario, 's', log, until, { shiftTicks: 300 });
    const never = report.variants.find((v) => v.decision === 0 && v.kind === 'never')!;
    // Without the WAF the flood keeps the shared edge saturated: more value fails to move.
    expect(never.outcome.failedValueKES).toBeGreaterThan(report.actual.failedValueKES);
  });
});

describe('replay with time travel', () => {
  const replayer = new Replayer(scenario, 's', log, until);
  const straight = (tick: number) => hashState(run(scenario, 's', log, { untilTick: tick }).state);

  it('jumps to any tick and gives the state a straight run reaches there', () => {
    for (const tick of [0, 1, SNAPSHOT_EVERY_TICKS - 1, SNAPSHOT_EVERY_TICKS, 777, until]) {
      expect(hashState(replayer.at(tick).state)).toBe(straight(tick));
    }
  });

  it('forks: the new branch keeps only the commands before the fork point', () => {
    expect(replayer.forkLog(450).map((c) => c.tick)).toEqual([400]);
    expect(replayer.forkLog(0)).toEqual([]);
  });
});
