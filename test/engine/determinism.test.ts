/**
 * The determinism checker is itself tested: it must pass the real engine and catch a deliberately
 * non-deterministic one, naming the first tick and field that differ.
 */
import { describe, it, expect } from 'vitest';
import { step, type LoggedCommand, type Sim } from '../../src/engine';
import { checkDeterminism, describeReport, recordRun } from './determinism';
import { nairobi, propertyCity } from './fixtures';

const LOG: LoggedCommand[] = [
  { tick: 30, cmd: { type: 'mitigate', mitigation: 'rate-limit', target: 'gov-portal' } },
  { tick: 200, cmd: { type: 'mitigate', mitigation: 'geo-block', target: 'gov-portal', region: 'foreign' } },
  { tick: 600, cmd: { type: 'mitigate', mitigation: 'restart', target: 'gov-portal' } },
  {
    tick: 300,
    cmd: { type: 'statement', channel: 'social', languages: ['en', 'sw'], blocks: [{ kind: 'acknowledge' }] },
  },
  { tick: 400, cmd: { type: 'workaround', workaround: 'use-ussd', action: 'announce' } },
  { tick: 900, cmd: { type: 'lift', uid: 1 } },
];

/** A broken engine: from tick 37 on, each step adds a little real randomness to one field. */
function flakyStep(sim: Sim): void {
  const tick = sim.state.tick;
  step(sim);
  if (tick >= 37) sim.state.services[1]!.queue += Math.random();
}

describe('checkDeterminism', () => {
  it('passes the real engine on the default scenario, hashing every tick of 20 minutes with commands', () => {
    const report = checkDeterminism(recordRun(nairobi(), 1, LOG, 20 * 60), LOG);
    expect(report.ok, describeReport(report)).toBe(true);
    expect(report.hashes).toHaveLength(20 * 60);
    expect(new Set(report.hashes).size).toBe(20 * 60); // every tick changes the state (the clock at least)
  });

  it('fails a step that uses Math.random, naming the first differing tick, field and commands', () => {
    const log: LoggedCommand[] = [{ tick: 37, cmd: { type: 'noop' } }];
    const report = checkDeterminism(recordRun(propertyCity(), 1, log, 300, flakyStep), log);
    expect(report.ok).toBe(false);
    expect(report.tick).toBe(37);
    expect(report.hashes).toHaveLength(38); // ticks 0–37: identical up to 36
    expect(report.difference?.path).toBe('$.services[1].queue');
    expect(report.commands).toEqual(log);
    expect(describeReport(report)).toMatch(/^runs diverge after tick 37: \$\.services\[1\]\.queue is /);
  });

  it('fails two runs of different lengths', () => {
    let calls = 0;
    const report = checkDeterminism(() => {
      calls++;
      return recordRun(propertyCity(), 1, [], calls === 1 ? 10 : 12)();
    });
    expect(report).toMatchObject({ ok: false, tick: 10 });
    expect(report.difference?.path).toBe('$ (run length)');
  });
});
