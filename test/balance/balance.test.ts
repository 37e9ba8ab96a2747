/**
 * The balance tool (src/balance): its statistics, that a policy's run is a faithful replayable command log, that
 * a scenario's own rules compile with located errors and fire, and — the point of it all — that each shipped
 * scenario passes its checks on a small sample of seeds (`npm run balance -- FILE --check` runs the full set).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, scoreBreakdown, type Scenario } from '../../src/engine';
import { runChecks } from '../../src/balance/checks';
import { play } from '../../src/balance/play';
import { POLICIES } from '../../src/balance/policies';
import { policyByName } from '../../src/balance/policySet';
import { quantile, summarise, winRate } from '../../src/balance/stats';
import { playerView } from '../../src/balance/view';
import { createSim } from '../../src/engine';
import { compile } from '../../src/scenario';

// Every shipped scenario, so a new one is checked without editing this list.
const SHIPPED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
const load = (id: string): Scenario =>
  compile(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `scenarios/${id}.yaml`).scenario!;

describe('statistics', () => {
  it('quantiles interpolate linearly (R type 7); win rates count strict wins on paired seeds', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.1)).toBe(14);
    expect(summarise([3, 1, 2]).median).toBe(2);
    expect(summarise([1.01, 1.04, 2]).distinct).toBe(2);
    expect(winRate([2, 2, 3], [1, 2, 4])).toBeCloseTo(1 / 3, 12);
  });
});

describe('a policy run', () => {
  it('is deterministic and its command log replays to the same score (so a reported surprise reproduces)', () => {
    const scenario = load('nairobi-ddos-2023');
    const a = play(scenario, '17', POLICIES.textbook!);
    const b = play(scenario, '17', POLICIES.textbook!);
    expect(b).toEqual(a);
    expect(a.log.length).toBeGreaterThan(3);
    expect(scoreBreakdown(run(scenario, '17', a.log)).total).toBeCloseTo(a.total, 9);
  });

  it('sees only what a player sees: no truth, no rumour that has not appeared, no future', () => {
    const scenario = load('mpesa-rumour-2024');
    const view = playerView(createSim(scenario, '1'));
    expect(Object.keys(view).sort()).toEqual(
      [
        'budgetKES',
        'durationTicks',
        'mitigations',
        'orders',
        'partners',
        'prompts',
        'regions',
        'rumours',
        'services',
        'sinceStatement',
        'tick',
        'workarounds',
      ].sort(),
    );
    expect(view.rumours).toEqual([]); // none born at tick 0
    expect(JSON.stringify(view)).not.toMatch(/dataSafe|isTrue|revealTick/);
  });
});

describe("a scenario's own rules for the expert and panic plays", () => {
  const base = readFileSync('scenarios/tutorial.yaml', 'utf8');

  it('compile with the expression language, and a bad condition is reported at its line as SCN066', () => {
    const text = `${base}\nbalance:\n  expert:\n    - when: 'service("portal").statuz == "down"'\n      do: { type: mitigate, mitigation: waf-rule, target: portal }\n`;
    const { scenario, diagnostics } = compile(text, 'tutorial.yaml');
    expect(scenario).toBeUndefined();
    const d = diagnostics.find((x) => x.code === 'SCN066')!;
    expect(d.line).toBe(text.split('\n').findIndex((l) => l.includes('statuz')) + 1);
  });

  it('fire when their condition holds, once (or every `every`), on top of the generic play', () => {
    const text = `${base}\nbalance:\n  expert:\n    - when: 'minutes >= 2'\n      do: { type: mitigate, mitigation: waf-rule, target: portal }\n`;
    const scenario = compile(text, 'tutorial.yaml').scenario!;
    expect(scenario.balance.expert).toHaveLength(1);
    const result = play(scenario, '3', policyByName(scenario, 'textbook')!);
    const waf = result.log.filter((c) => c.cmd.type === 'mitigate' && c.cmd.mitigation === 'waf-rule');
    expect(waf.some((c) => c.tick === 120 && c.cmd.type === 'mitigate' && c.cmd.target === 'portal')).toBe(
      true,
    );
    const generic = play(load('tutorial'), '3', policyByName(load('tutorial'), 'textbook')!);
    expect(
      generic.log.some((c) => c.tick === 120 && c.cmd.type === 'mitigate' && c.cmd.mitigation === 'waf-rule'),
    ).toBe(false);
  });
});

describe('shipped scenarios pass their balance checks on a sample of seeds', () => {
  const policies = ['do-nothing', 'textbook', 'statements', 'acknowledge-spam', 'dishonest', 'panic'];
  for (const id of SHIPPED) {
    it(`${id}: every check holds on seeds 1–8`, () => {
      const scenario = load(id);
      const totals = new Map<string, { seeds: string[]; totals: number[] }>();
      for (const name of policies) {
        const policy = policyByName(scenario, name)!;
        const seeds = ['1', '2', '3', '4', '5', '6', '7', '8'];
        totals.set(name, { seeds, totals: seeds.map((s) => play(scenario, s, policy).total) });
      }
      const checks = runChecks(scenario, totals);
      expect(checks.length).toBeGreaterThanOrEqual(8);
      expect(checks.filter((c) => !c.ok).map((c) => c.text)).toEqual([]);
    });
  }
});

describe('the single-action check', () => {
  it('compares a single action with the expert on the same seeds (paired), not with the expert over all seeds', () => {
    const seeds = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    // The expert scores 90 on the five seeds the single action played and 50 on the rest (median 70 overall);
    // the single action scores 72 on its five. Against the overall median it would look 2 points better than
    // the expert; on its own seeds it is 18 points below.
    const totals = new Map<string, { seeds: string[]; totals: number[] }>([
      ['textbook', { seeds, totals: seeds.map((s) => (Number(s) <= 5 ? 90 : 50)) }],
      ['single:failover@core', { seeds: seeds.slice(0, 5), totals: [72, 72, 72, 72, 72] }],
    ]);
    const check = runChecks(load('tutorial'), totals).find((c) => c.id === 'no-single-action')!;
    expect(check.text).toBe(
      'the best single action (failover@core) is 18.0 points below textbook (target > 15)',
    );
    expect(check.ok).toBe(true);
  });
});
