/**
 * Where the scenario script meets the players' actions (issue 9, "model gaps"): a scripted failure that only
 * named mitigations can end, a script that puts a workaround in place, and a geo-block that also turns away
 * the customers whose requests cross the blocked service through another one. Expected values are read off
 * the YAML below (delays from the mitigation catalogue: restart 3 min here is the fixture's own, failover 5 min).
 */
import { describe, it, expect } from 'vitest';
import { apply, createSim, step, type Sim } from '../../src/engine';
import { fixture, stepTo, svc } from './fixtures';

const services = `
  services:
    - { id: portal, name: Portal, kind: portal, capacity: 1000, critical: true, backup: true, restart: 2m, warmup: 4m, map: { x: 0, y: 0 } }
    - { id: evisa, name: E-visa, kind: visa, capacity: 1000, map: { x: 100, y: 0 } }
    - { id: desks, name: Border desks, kind: counter, capacity: 1000, map: { x: 200, y: 0 } }
  dependencies:
    - { from: evisa, to: portal, kind: hard }
  segments:
    - id: travellers
      name: Travellers
      size: 36000
      regions: { domestic: 0.1, foreign: 0.9 }
      needs: [{ service: evisa, perHour: 0.1, value: 100 }]
    - id: citizens
      name: Citizens
      size: 36000
      needs: [{ service: portal, perHour: 0.1, value: 100 }]
`;

function failing(endedBy: string): Sim {
  const scenario = fixture(
    `${services}
  injects:
    - { id: broken, trigger: { at: 10s }, effects: [{ type: fail, service: portal, for: 40m${endedBy} }] }
  `,
    { id: 'fault' },
  );
  const sim = createSim(scenario, 3);
  stepTo(sim, 20);
  expect(svc(sim, 'portal').status).toBe('down');
  return sim;
}

/** Orders `mitigation` on the portal and runs `minutes`; returns the portal's status then. */
function orderAndWait(sim: Sim, mitigation: string, minutes: number): string {
  expect(apply(sim, { type: 'mitigate', mitigation, target: 'portal' })).toMatchObject({ ok: true });
  stepTo(sim, sim.state.tick + minutes * 60);
  return svc(sim, 'portal').status;
}

const logText = (sim: Sim) => sim.state.log.map((l) => l.text).join('\n');

describe('a scripted failure and the mitigations that can end it', () => {
  it('by default a failover brings the standby up, and the log says the primary stays down', () => {
    const sim = failing('');
    // failover: 5 min delay, then a quarter of the 4 min warm-up; 8 min later the portal is serving again.
    expect(orderAndWait(sim, 'failover', 8)).not.toBe('down');
    expect(logText(sim)).toContain('the standby is up while the primary stays down');
  });

  it('`endedBy: []`: neither a restart nor a failover ends it, and each says why', () => {
    const sim = failing(', endedBy: []');
    expect(orderAndWait(sim, 'restart', 6)).toBe('down');
    expect(logText(sim)).toContain('the restart did not help: this failure is not a crash');
    expect(orderAndWait(sim, 'failover', 8)).toBe('down');
    expect(logText(sim)).toContain('the failure followed it there');
    // Time still ends it: 40 min after T+10 s, then the 4 min warm-up.
    stepTo(sim, 10 + 40 * 60 + 1);
    expect(svc(sim, 'portal').status).not.toBe('down');
  });

  it('`endedBy: [failover]`: the restart cannot end it, the failover can', () => {
    const sim = failing(', endedBy: [failover]');
    expect(orderAndWait(sim, 'restart', 6)).toBe('down');
    expect(orderAndWait(sim, 'failover', 8)).not.toBe('down');
  });

  it('an unknown mitigation in `endedBy` is a located error', async () => {
    const { compile } = await import('../../src/scenario');
    const { scenarioYaml } = await import('./fixtures');
    const text = scenarioYaml(`${services}
  injects:
    - { id: broken, trigger: { at: 10s }, effects: [{ type: fail, service: portal, endedBy: [reboot] }] }
  `);
    const { scenario, diagnostics } = compile(text, 'fault.yaml');
    expect(scenario).toBeUndefined();
    const d = diagnostics.find((x) => x.code === 'SCN024');
    expect(d?.message).toContain('reboot');
    expect(text.split('\n')[d!.line - 1]).toContain('endedBy');
  });
});

describe('a script puts a workaround in place', () => {
  const scenario = fixture(
    `${services}
  workarounds:
    - { id: visa-on-arrival, name: Visas on arrival, description: Get a visa at the border., from: evisa, to: desks, maxShare: 0.9, ramp: 10m, channel: press }
  injects:
    - id: ministry
      trigger: { at: 1m }
      effects:
        - { type: statement, channel: press, blocks: [{ kind: workaround, workaround: visa-on-arrival }] }
  `,
    { id: 'script-workaround' },
  );

  it('the statement effect enables it at no cost, and travellers take it up once it lands', () => {
    const sim = createSim(scenario, 1);
    const budget = sim.state.budgetKES;
    stepTo(sim, 60); // the inject fires in the tick that starts at T+60 s
    expect(sim.state.people.workarounds[0]!.enabled).toBe(false);
    step(sim);
    expect(sim.state.people.workarounds[0]!.enabled).toBe(true);
    stepTo(sim, 40 * 60);
    expect(sim.state.people.workarounds[0]!.uptake[0]).toBeGreaterThan(0.1);
    expect(sim.state.budgetKES).toBe(budget);
    expect(sim.state.metrics.budgetSpentKES).toBe(0);
  });
});

describe('a geo-block reaches the customers behind another service', () => {
  const scenario = fixture(services, { id: 'geo' });

  /** Share of the travellers' and the citizens' transactions succeeding at T+5 min, with or without the block. */
  function successAfter(block: boolean): { travellers: number; citizens: number } {
    const sim = createSim(scenario, 2);
    if (block)
      expect(
        apply(sim, { type: 'mitigate', mitigation: 'geo-block', target: 'portal', region: 'foreign' }),
      ).toMatchObject({ ok: true });
    stepTo(sim, 5 * 60);
    const rate = (g: number) => sim.state.segments[g]!.stranded[0]!;
    return { travellers: rate(0), citizens: rate(1) };
  }

  it('blocking "foreign" at the portal strands the foreign travellers whose e-visa runs through it', () => {
    const open = successAfter(false);
    const blocked = successAfter(true);
    expect(open.travellers).toBe(0);
    expect(blocked.travellers).toBeGreaterThan(0);
    // Citizens connect from home (the default region is all domestic): nobody stranded there either way.
    expect(blocked.citizens).toBe(0);
  });
});
