/**
 * The debrief for people: after a played run of each shipped scenario, the report (as rendered to Markdown and
 * to the JSON export's report) names things the way the scenario does — no service, inject, mitigation,
 * rumour, workaround or attack id that is not also a word of the scenario's own text — each objective and
 * question gets facts of its own, and the report says who ended the drill and when.
 */
import { describe, expect, it } from 'vitest';
import { elapsedClock } from '../../src/engine';
import { createGameStore } from '../../src/store';
import { exportOf, markdownOf } from '../../src/ui/report/exports';
import { internalIds, leakedIds, playedGame, shippedScenarios } from './report-words.fixture';
import { reportOf } from '../../src/store/report';

const SCENARIOS = shippedScenarios();

describe.each(SCENARIOS.map((s) => [s.id, s] as const))(
  'the report of a played run of %s',
  (_id, scenario) => {
    const game = playedGame(scenario, '7');
    const markdown = markdownOf(game);
    const exported = exportOf(game).report;

    it('shows no internal id in the Markdown report or the exported report', () => {
      expect(internalIds(scenario).length).toBeGreaterThan(3); // the scan has something to look for
      expect(leakedIds(scenario, markdown)).toEqual([]);
      expect(leakedIds(scenario, JSON.stringify(exported))).toEqual([]);
    });

    it('gives each objective and question facts of its own, none repeated under more than two items', () => {
      const items = [...exported.objectives, ...exported.questions];
      for (const item of items) expect(item.facts.length, item.text).toBeGreaterThan(0);
      const shown = new Map<string, number>();
      for (const item of items) for (const f of item.facts) shown.set(f, (shown.get(f) ?? 0) + 1);
      expect([...shown].filter(([, n]) => n > 2)).toEqual([]);
      // Not one generic list: most items lead with a fact nobody else leads with.
      const leads = new Set(items.map((i) => i.facts[0]));
      expect(leads.size).toBeGreaterThanOrEqual(Math.ceil(items.length * 0.6));
    });

    it('says that time ran out, and when, after a full run', () => {
      expect(exported.ending.by).toMatch(/^(time|script)$/);
      expect(markdown).toContain(exported.ending.text);
    });

    it('says the facilitator ended a drill they stopped, and when', () => {
      // An hour in, or halfway through a shorter drill (the tutorial's script ends it after nine minutes).
      const at = Math.min(3600, Math.floor(game.getState().sim.state.tick / 120) * 60);
      const clock = elapsedClock(at);
      const stopped = playedGame(scenario, '7', at);
      const report = exportOf(stopped).report;
      expect(report.ending).toMatchObject({ by: 'facilitator', clock });
      expect(report.ending.text).toContain(`The facilitator ended the drill at ${clock} (of `);
      expect(markdownOf(stopped)).toContain(report.ending.text);
    });
  },
);

describe('facts that bear on the item', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'nairobi-ddos-2023')!;
  const report = exportOf(playedGame(scenario, '7')).report;
  const item = (start: string) =>
    [...report.objectives, ...report.questions].find((i) => i.text.startsWith(start))!;

  it('an objective about the channels that stay up gets facts about USSD, ATMs or counters', () => {
    const facts = item('Notice which channels stay up').facts;
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => /USSD|ATM|counter|stranded/.test(f))).toBe(true);
  });

  it('a question about the portal gets facts about the portal', () => {
    expect(
      item('When would taking the portal').facts.some((f) => f.includes('Government e-services portal')),
    ).toBe(true);
  });

  it('a question about what leaders said about data gets what was said', () => {
    const facts = item('What did leaders say about data').facts;
    expect(facts.some((f) => /minister|Statement/.test(f))).toBe(true);
    expect(facts.some((f) => /first ran over capacity/.test(f))).toBe(false);
  });
});

describe('who ended the drill', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'tutorial')!;

  it('End drill in the HUD (stop() naming no one) is the trainee; the facilitator is said as such', () => {
    const live = createGameStore({ scenario, seed: '3', history: { log: [], untilTick: 120 } });
    expect(reportOf(live.getState()).ending.by).toBe('unknown'); // not ended yet
    live.getState().stop();
    expect(live.getState().stoppedBy).toBe('trainee');
    expect(reportOf(live.getState()).ending.text).toBe(
      'The trainee pressed End drill at T+00:02 (of 00:10).',
    );

    const room = createGameStore({ scenario, seed: '3', history: { log: [], untilTick: 120 } });
    room.getState().stop('facilitator');
    expect(reportOf(room.getState()).ending.text).toBe(
      'The facilitator ended the drill at T+00:02 (of 00:10).',
    );
  });
});
