import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cityPeople, figuresFor, MAX_FIGURES } from '../../scenes/layout/cityPeople';
import { apply, createSim, step } from '../../src/engine';
import { compile } from '../../src/scenario';

const scenario = compile(
  readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8'),
  'nairobi-ddos-2023.yaml',
).scenario!;

describe('people on the map', () => {
  it('draws nobody for nobody, someone for anyone, more for more, never more than the cap', () => {
    expect(figuresFor(0)).toBe(0);
    expect(figuresFor(Number.NaN)).toBe(0);
    expect(figuresFor(1)).toBe(1);
    expect(figuresFor(100)).toBeLessThan(figuresFor(1_000));
    expect(figuresFor(1_000)).toBeLessThan(figuresFor(10_000));
    expect(figuresFor(1e9)).toBe(MAX_FIGURES);
  });

  it('counts stranded customers at the services whose needs they could not meet, as the engine does', () => {
    const sim = createSim(scenario, '7');
    for (let t = 0; t < 3600; t++) step(sim);
    const people = cityPeople(scenario, sim.state);
    const total = people.stranded.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeCloseTo(sim.state.metrics.stranded, 3);
    // The attacked portal strands its citizens.
    const portal = scenario.services.findIndex((s) => s.id === 'gov-portal');
    expect(people.stranded[portal]).toBeGreaterThan(0);
  });

  it('moves people along a workaround once it is announced, and only then', () => {
    const sim = createSim(scenario, '7');
    for (let t = 0; t < 1800; t++) step(sim);
    expect(cityPeople(scenario, sim.state).walkers).toEqual([]);
    const w = scenario.people.workarounds.findIndex((x) => x.id === 'cash-at-atms');
    const result = apply(sim, { type: 'workaround', workaround: 'cash-at-atms', action: 'announce' });
    expect(result).toMatchObject({ ok: true });
    for (let t = 0; t < 1200; t++) step(sim);
    const walkers = cityPeople(scenario, sim.state).walkers;
    const def = scenario.people.workarounds[w]!;
    expect(walkers.find((x) => x.from === def.from && x.to === def.to)?.people).toBeGreaterThan(0);
  });

  it('puts people in line only at counters and ATMs', () => {
    const sim = createSim(scenario, '7');
    for (let t = 0; t < 600; t++) step(sim);
    const people = cityPeople(scenario, sim.state);
    scenario.services.forEach((s, i) => {
      if (s.kind !== 'counter' && s.kind !== 'atm-network') expect(people.queuing[i]).toBe(0);
    });
    const atm = scenario.services.findIndex((s) => s.kind === 'atm-network');
    expect(people.queuing[atm]).toBeGreaterThan(0);
  });
});
