import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, run, hashState } from '../../src/engine';
import { compile } from '../../src/scenario';
import { CheckpointRecorder, CHECKPOINT_EVERY_TICKS, makeRecord, verifyRecord } from '../../src/run';
import { COMMAND_POOL, logFrom, SMALL_YAML, smallScenario } from './fixtures';

const scenario = smallScenario();

function record(seed: string, log: ReturnType<typeof logFrom>, untilTick = 600) {
  const rec = new CheckpointRecorder();
  const sim = run(scenario, seed, log, { untilTick, onTick: (s) => rec.onTick(s) });
  return { sim, record: makeRecord(sim, log, rec.checkpoints) };
}

describe('run records', () => {
  it('keep one checkpoint per simulated minute', () => {
    const { record: r } = record('1', [], 600);
    expect(r.checkpoints).toHaveLength(600 / CHECKPOINT_EVERY_TICKS);
    expect(r.finalTick).toBe(600);
  });

  it('replay equals the original run for random command logs (500 cases)', () => {
    const entry = fc.tuple(
      fc.integer({ min: 0, max: 599 }),
      fc.integer({ min: 0, max: COMMAND_POOL.length - 1 }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.array(entry, { maxLength: 8 }),
        (seed, entries) => {
          const { sim, record: r } = record(seed, logFrom(entries));
          const check = verifyRecord(scenario, r);
          expect(check.ok).toBe(true);
          expect(check.finalHash).toBe(hashState(sim.state));
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);

  it('reports where a tampered replay diverges, and what was issued then', () => {
    const log = logFrom([[120, 0]]); // WAF on the edge at tick 120
    const { sim, record: r } = record('7', log);
    const tampered = { ...r, commands: [{ tick: 300, cmd: r.commands[0]!.cmd }] };
    const check = verifyRecord(scenario, tampered, sim.state);
    expect(check.ok).toBe(false);
    // The WAF order changes the budget at tick 120, so the first checkpoint after it (tick 180) differs.
    expect(check.divergence!.tick).toBe(180);
    expect(check.divergence!.message).toMatch(/T\+00:03/);
    expect(check.divergence!.field).toBeDefined();
  });

  it('flags a record made with a different scenario', () => {
    const { record: r } = record('3', []);
    const check = verifyRecord(scenario, { ...r, scenarioHash: 'not-this-one' });
    expect(check.scenarioMismatch).toBe(true);
    expect(check.ok).toBe(true); // same rules here, so the replay still matches
  });

  it('verifies a run that an inject ended, and one stopped right after commands at its last tick', () => {
    const ending = compile(
      `${SMALL_YAML}
injects:
  - { id: finish, trigger: { at: 5m }, effects: [{ type: end, outcome: success, text: Done early }] }
`,
      'ending.yaml',
    ).scenario!;
    const rec = new CheckpointRecorder();
    const ended = run(ending, '4', logFrom([[100, 0]]), { onTick: (s) => rec.onTick(s) });
    expect(ended.state.ended).toBe(true);
    expect(ended.state.tick).toBe(301); // the ending tick (300) is consumed
    expect(verifyRecord(ending, makeRecord(ended, logFrom([[100, 0]]), rec.checkpoints)).ok).toBe(true);

    // Stopped by the facilitator at tick 200, just after ordering at that tick (applied in play, no step followed).
    const stopped = run(scenario, '4', [], { untilTick: 200 });
    const last = logFrom([[200, 0]]);
    apply(stopped, last[0]!.cmd);
    const check = verifyRecord(scenario, { ...makeRecord(stopped, last, []), checkpoints: [] });
    expect(check.ok).toBe(true);
  });
});
