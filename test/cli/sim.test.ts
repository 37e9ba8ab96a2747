/**
 * `npm run sim`: the real script, run as a user would (tsx), for its output and exit codes.
 * Slow-ish (a process each), so few cases.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashState, run } from '../../src/engine';
import { compile } from '../../src/scenario';

const ROOT = join(import.meta.dirname, '..', '..');
const DEFAULT = join(ROOT, 'scenarios', 'nairobi-ddos-2023.yaml');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function sim(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'sim.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('npm run sim', () => {
  it('runs the scenario headless: a line per minute, then the final metrics and the same hash as the engine in-process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-sim-'));
    const log = [{ tick: 300, cmd: { type: 'mitigate', mitigation: 'waf-rule', target: 'operator-edge' } }];
    writeFileSync(join(dir, 'log.json'), JSON.stringify(log));
    const r = sim([DEFAULT, '--seed', '9', '--until', '10m', '--commands', join(dir, 'log.json'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { summary: { hash: string; tick: number }; minutes: string[] };
    expect(out.minutes).toHaveLength(10);
    expect(out.minutes[0]).toMatch(/^T\+00:01 {2}up \d+\/\d+/);
    expect(out.summary.tick).toBe(600);
    const scenario = compile(readFileSync(DEFAULT, 'utf8'), DEFAULT).scenario!;
    expect(out.summary.hash).toBe(hashState(run(scenario, '9', log as never, { untilTick: 600 }).state));
  }, 60_000);

  it('--json adds the people side: score breakdown against the unattended run, trust, rumours, workarounds, budget', () => {
    const r = sim([DEFAULT, '--seed', '9', '--json']);
    expect(r.code).toBe(0);
    const { people } = JSON.parse(r.out) as {
      people: {
        score: {
          total: number;
          components: { id: string }[];
          harm: object;
          harmIfNobodyActed: { downtime: number };
        };
        trust: {
          stakeholders: { id: string; start: number; lowest: number; end: number }[];
          segments: unknown[];
        };
        rumours: { id: string; peakBelief: number }[];
        workarounds: { id: string; enabled: boolean }[];
        budgetSpentKES: number;
      };
    };
    // No commands: this run is the unattended one, so it avoided nothing.
    expect(people.score.harm).toEqual(people.score.harmIfNobodyActed);
    expect(people.score.harmIfNobodyActed.downtime).toBeGreaterThan(0);
    expect(people.score.components.map((c) => c.id)).toContain('honesty');
    const pub = people.trust.stakeholders.find((k) => k.id === 'public')!;
    expect(pub.start).toBe(60);
    expect(pub.lowest).toBeLessThanOrEqual(pub.end);
    expect(pub.lowest).toBeLessThan(pub.start); // four hours of silence and outage cost trust
    expect(people.trust.segments.length).toBeGreaterThan(0);
    expect(people.rumours.map((x) => x.id)).toEqual(['data-leak']);
    expect(people.workarounds.every((w) => !w.enabled)).toBe(true);
    expect(people.budgetSpentKES).toBe(0);
  }, 60_000);

  it('gives a one-line error and exit code 2 for bad arguments and missing files', () => {
    const cases: [string[], RegExp][] = [
      [[DEFAULT], /^error: --seed is required/],
      [['missing.yaml', '--seed', '1'], /^error: no such file: missing\.yaml$/m],
      [[DEFAULT, '--seed', '1', '--until', 'banana'], /^error: --until must be a duration/],
    ];
    for (const [args, message] of cases) {
      const r = sim(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
  }, 60_000);
});
