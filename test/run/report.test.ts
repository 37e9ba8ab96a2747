import { describe, expect, it } from 'vitest';
import { advance, createSim, hashState, scoreBreakdown } from '../../src/engine';
import { buildReport, emptySeries, reportToMarkdown, sample } from '../../src/run';
import { logFrom, smallScenario } from './fixtures';

const scenario = smallScenario();

function finished(log: ReturnType<typeof logFrom>) {
  const sim = createSim(scenario, 'r');
  const series = emptySeries(sim);
  advance(sim, log, 0, { onTick: (s) => sample(series, s) });
  return {
    sim,
    series,
    report: buildReport(sim, log, series, { hash: hashState(sim.state), roles: { 0: 'Network lead' } }),
  };
}

describe('after-action report', () => {
  const log = logFrom([
    [400, 0],
    [500, 9],
    [520, 11],
  ]);
  const { sim, series, report } = finished(log);

  it('samples one point per simulated minute for every chart', () => {
    expect(series.minutes).toHaveLength(30); // the small city runs 30 minutes
    expect(series.availability.portal).toHaveLength(30);
    expect(series.trust.public).toHaveLength(30);
    expect(series.belief.leak).toHaveLength(30);
  });

  it('has the same score breakdown as the engine', () => {
    expect(report.score.total).toBeCloseTo(scoreBreakdown(sim).total, 9);
    expect(report.score.components.map((c) => c.id)).toEqual([
      'availability',
      'valueMoved',
      'customers',
      'budget',
      'trust',
      'rumours',
      'honesty',
    ]);
  });

  it('puts decisions on the timeline in time order, with who made them', () => {
    const decisions = report.timeline.filter((t) => t.kind === 'decision');
    expect(decisions.map((d) => d.clock)).toEqual(['T+00:06', 'T+00:08', 'T+00:08']);
    expect(decisions[0]!.by).toBe('Network lead');
    const ticks = report.timeline.map((t) => t.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('links the budget and trust components to the decisions that moved them', () => {
    // In the scenario's words: the mitigation's display label and the service's name, not their ids.
    expect(
      report.movers.budget!.some((m) => m.includes('Ordered WAF rule against odd queries on Edge')),
    ).toBe(true);
    expect(report.movers.budget!.some((m) => m.includes('waf-rule'))).toBe(false);
    expect(report.movers.trust!.some((m) => /statements|acknowledged/.test(m))).toBe(true);
  });

  it('gives every objective facts from this run', () => {
    expect(report.objectives).toHaveLength(scenario.meta.objectives.length);
    for (const o of report.objectives) expect(o.facts.length).toBeGreaterThan(0);
    expect(report.facts.some((f) => f.text.includes('Use USSD'))).toBe(true);
  });

  it('exports Markdown with the score table, objectives and timeline, escaping table cells', () => {
    const md = reportToMarkdown({
      ...report,
      timeline: [...report.timeline, { tick: 1, clock: 'T+00:00', kind: 'note', text: 'a | b' }],
    });
    expect(md).toMatch(/^# After-action report: Small city/);
    expect(md).toContain('| Service kept up |');
    expect(md).toContain('## Learning objectives');
    expect(md).toContain('a \\| b');
  });

  it('escapes HTML and removes bidirectional overrides in the Markdown export (scenario text is untrusted)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const md = reportToMarkdown({
      ...report,
      title: `Drill ${hostile}`,
      objectives: [{ text: `Objective <script>alert(2)</script>`, facts: ['\u202Eevil'] }],
      timeline: [
        ...report.timeline,
        { tick: 1, clock: 'T+00:00', kind: 'feed', text: `${hostile} & more`, by: 'A\u202Eb' },
      ],
    });
    expect(md).not.toMatch(/<img|<script/);
    expect(md).toContain('# After-action report: Drill &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('- **Objective &lt;script&gt;alert(2)&lt;/script&gt;**');
    expect(md).toContain('  - evil');
    expect(md).toContain('| T+00:00 | feed (Ab): &lt;img src=x onerror=alert(1)&gt; &amp; more |');
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
