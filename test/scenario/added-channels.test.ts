/**
 * Channels of the scenario's own (`people.addChannels`): a copy of the built-in channel each is `like`, with the
 * author's numbers; a statement on it is priced and delivered like any channel. Mistakes are located.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, createSim, step } from '../../src/engine';
import { compile } from '../../src/scenario';

const tutorial = readFileSync('scenarios/tutorial.yaml', 'utf8');

/** The tutorial with these `people.addChannels` entries (the tutorial has a `people:` section). */
function withAdded(entries: string): { text: string; result: ReturnType<typeof compile> } {
  const text = tutorial.replace(/^people:\n/m, `people:\n  addChannels:\n${entries}\n`);
  return { text, result: compile(text, 'added-channels.yaml') };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe("a scenario's own channels", () => {
  it('adds a copy of the like channel with the numbers given, and a statement on it goes out', () => {
    const { result } = withAdded(
      '    - { id: volunteers, name: Community health volunteers, like: social, reach: 0.3, delay: 5m, cost: 5000 }',
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const scenario = result.scenario!;
    const added = scenario.people.channels.find((c) => c.id === 'volunteers')!;
    const social = scenario.people.channels.find((c) => c.id === 'social')!;
    expect(added).toMatchObject({
      name: 'Community health volunteers',
      reach: 0.3,
      delayTicks: 300,
      costKES: 5000,
    });
    expect(added.credibility).toBe(social.credibility);
    expect(added.addresses).toEqual(social.addresses);
    const sim = createSim(scenario, '1');
    const budget = sim.state.budgetKES;
    const said = apply(sim, {
      type: 'statement',
      channel: 'volunteers',
      languages: ['en'],
      blocks: [{ kind: 'acknowledge' }],
    });
    expect(said.ok).toBe(true);
    expect(sim.state.budgetKES).toBe(budget - 5000);
    while (sim.state.tick < 320 && !sim.state.ended) step(sim);
    expect(sim.state.people.statements.at(-1)!.landed).toBe(true);
  });

  it('reports an unknown like, and an id that repeats or is a built-in channel, where they are written', () => {
    const entries = [
      '    - { id: volunteers, name: Volunteers, like: socail }',
      '    - { id: hotline, name: Hotline, like: sms }',
      '    - { id: hotline, name: Hotline again, like: sms }',
      '    - { id: sms, name: Our SMS, like: sms }',
    ].join('\n');
    const { text, result } = withAdded(entries);
    expect(result.scenario).toBeUndefined();
    const find = (path: string) => result.diagnostics.find((d) => d.path === path);
    expect(find('people.addChannels[0].like'), JSON.stringify(result.diagnostics)).toMatchObject({
      code: 'SCN029',
      line: lineOf(text, 'like: socail'),
    });
    expect(find('people.addChannels[0].like')!.message).toContain("did you mean 'social'");
    expect(find('people.addChannels[2].id')).toMatchObject({
      code: 'SCN020',
      line: lineOf(text, 'Hotline again'),
    });
    expect(find('people.addChannels[2].id')!.message).toMatch(/duplicate channel id 'hotline'/);
    expect(find('people.addChannels[3].id')).toMatchObject({ code: 'SCN020', line: lineOf(text, 'Our SMS') });
    expect(find('people.addChannels[3].id')!.message).toContain('built-in channel');
  });
});
