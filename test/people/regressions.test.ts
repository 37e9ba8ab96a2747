/** Bugs found by the people-side suite, kept fixed. */
import { describe, expect, it } from 'vitest';
import { apply, createSim, step } from '../../src/engine';
import { compile } from '../../src/scenario';
import { APP_SEG, APP_USERS, labSim, labYaml, stepTo } from './fixtures';

describe('regressions', () => {
  it('a workaround with no channel on offer is a located error, not a crash when announced', () => {
    const yaml = labYaml().replace(/^people:\n/m, 'people:\n  channels: []\n');
    const result = compile(
      yaml.includes('channels: []') ? yaml : `${yaml}\npeople:\n  channels: []\n`,
      'lab.yaml',
    );
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.some((d) => d.code === 'SCN029' && d.path.startsWith('workarounds[0]'))).toBe(
      true,
    );
  });

  it('customers stay conserved at absurd demand (more transactions an hour than seconds)', () => {
    const sim = labSim({ outage: { atMinutes: 0, forMinutes: 30 } });
    // Force an extreme rate after compile: 20,000 transactions per customer per hour.
    const scenario = structuredClone({ ...sim.scenario, injects: [] }) as typeof sim.scenario;
    (scenario.segments[APP_SEG]!.needs[0] as { perHour: number }).perHour = 20_000;
    const extreme = createSim(scenario, 1);
    for (let i = 0; i < 5; i++) step(extreme);
    const seg = extreme.state.segments[APP_SEG]!;
    const stranded = seg.stranded.reduce((a, b) => a + b, 0);
    expect(seg.active + stranded + seg.churned).toBeCloseTo(APP_USERS.size, 3);
    expect(stranded).toBeLessThanOrEqual(APP_USERS.size);
  });

  it('a private briefing does not break the public silence', () => {
    const sim = labSim({ outage: { atMinutes: 1, forMinutes: 120 } });
    stepTo(sim, 300);
    const before = sim.state.people.lastStatementTick;
    expect(
      apply(sim, {
        type: 'statement',
        channel: 'regulator',
        languages: ['en'],
        blocks: [{ kind: 'acknowledge' }],
      }).ok,
    ).toBe(true);
    stepTo(sim, 300 + 2000);
    expect(sim.state.people.lastStatementTick).toBe(before);
  });
});
