/**
 * The after-action report as data (the Debrief scene renders it, and it exports to Markdown and JSON): a
 * timeline, the score breakdown with what moved each component, the scenario's objectives and debrief questions
 * with the facts from this run that bear on each, and (optionally) the what-if results.
 */
import { elapsedClock, scoreBreakdown, type LoggedCommand, type ScoreBreakdown, type Sim } from '../engine';
import { describeFacilitatorCommand } from './facilitatorWords';
import { describeCommand, type WhatIfReport } from './whatif';
import { keyServices, type Series } from './series';
import { displayText, escapeHtml } from './text';

export type Topic = 'technical' | 'messaging' | 'rumours' | 'workarounds' | 'cascade';

export interface TimelineEntry {
  tick: number;
  clock: string;
  /** `annotation`: a moment the facilitator noted (it goes on paper with the decisions). */
  kind: 'decision' | 'inject' | 'statement' | 'feed' | 'status' | 'note' | 'annotation';
  text: string;
  /** Who made the decision (a role, when the UI records one). */
  by?: string;
}

export interface Fact {
  text: string;
  topics: Topic[];
}

export interface ReportModel {
  title: string;
  seed: string;
  endedAt: string;
  outcome: string;
  finalHash: string;
  score: ScoreBreakdown;
  movers: Record<string, string[]>;
  timeline: TimelineEntry[];
  facts: Fact[];
  objectives: { text: string; facts: string[] }[];
  questions: { text: string; facts: string[] }[];
  whatIf?: WhatIfReport;
}

/** @deprecated The engine's `elapsedClock` ("T+01:23"); kept while src/ui/saves still imports this name. */
export const clock = elapsedClock;

const TOPIC_WORDS: Record<Topic, RegExp> = {
  technical: /filter|waf|rate|scrub|capacity|mitigat|block|provider|restart|fail ?over|offline|isolat/i,
  messaging: /said|say|statement|message|speak|leader|minister|data|silen|eta|truth|honest|trust/i,
  rumours: /rumou?r|belie|fake|denial|rebut/i,
  workarounds: /ussd|atm|counter|channel|workaround|switch|cash|visa|queue|branch/i,
  cascade: /shared|spread|cascade|edge|provider|depend|entered|through/i,
};

function factsFor(text: string, facts: Fact[]): string[] {
  const topics = (Object.keys(TOPIC_WORDS) as Topic[]).filter((t) => TOPIC_WORDS[t].test(text));
  const matched = facts.filter((f) => f.topics.some((t) => topics.includes(t))).map((f) => f.text);
  return matched.length > 0 ? matched : facts.slice(0, 4).map((f) => f.text);
}

export function buildReport(
  sim: Sim,
  commands: readonly LoggedCommand[],
  series: Series,
  options: { whatIf?: WhatIfReport; roles?: Record<number, string>; hash: string },
): ReportModel {
  const { scenario, state } = sim;
  const score = scoreBreakdown(sim);
  const timeline: TimelineEntry[] = [];
  commands.forEach((c, i) => {
    if (c.cmd.type === 'annotate') return; // a note, listed below from the state (the engine checked it)
    timeline.push({
      tick: c.tick,
      clock: elapsedClock(c.tick),
      kind: 'decision',
      text: describeFacilitatorCommand(scenario, c.cmd) ?? describeCommand(c),
      by: options.roles?.[i],
    });
  });
  for (const a of state.facilitator?.annotations ?? [])
    timeline.push({
      tick: a.tick,
      clock: elapsedClock(a.tick),
      kind: 'annotation',
      text: `Facilitator’s note: ${a.text}`,
    });
  for (const e of state.log) {
    if (e.kind === 'inject' || e.kind === 'status' || e.kind === 'note')
      timeline.push({
        tick: e.tick,
        clock: elapsedClock(e.tick),
        kind: e.kind === 'inject' ? 'inject' : e.kind,
        text: e.text,
      });
  }
  for (const s of state.people.statements) {
    if (s.landed)
      timeline.push({
        tick: s.landsTick,
        clock: elapsedClock(s.landsTick),
        kind: 'statement',
        text: `statement reached people via ${scenario.people.channels[s.channel]!.name}: ${s.blocks.map((b) => b.kind).join(', ')}`,
      });
  }
  for (const f of state.feed) {
    if (f.channel === 'headline' || f.channel === 'official' || f.channel === 'stakeholder')
      timeline.push({
        tick: f.tick,
        clock: elapsedClock(f.tick),
        kind: 'feed',
        text: `${f.from}: ${f.text}`,
      });
  }
  timeline.sort((a, b) => a.tick - b.tick);

  const facts = collectFacts(sim, commands, series);
  const movers = collectMovers(sim, commands);
  return {
    title: scenario.meta.title,
    seed: state.seed,
    endedAt: elapsedClock(state.tick),
    outcome: state.outcome ? `${state.outcome.outcome}: ${state.outcome.text}` : 'still running',
    finalHash: options.hash,
    score,
    movers,
    timeline,
    facts,
    objectives: scenario.meta.objectives.map((text) => ({ text, facts: factsFor(text, facts) })),
    questions: scenario.debriefQuestions.map((text) => ({ text, facts: factsFor(text, facts) })),
    whatIf: options.whatIf,
  };
}

function collectFacts(sim: Sim, commands: readonly LoggedCommand[], series: Series): Fact[] {
  const { scenario, state } = sim;
  const facts: Fact[] = [];
  for (const id of keyServices(series, 1)) {
    const xs = series.utilisation[id]!;
    const first = xs.findIndex((x) => x >= 1);
    const peak = Math.max(...xs);
    const name = scenario.services.find((s) => s.id === id)!.name;
    facts.push({
      text: `${name} first ran over capacity at ${elapsedClock(series.minutes[first]! * 60)} (peak ${Math.round(peak * 100)} %).`,
      topics: ['cascade', 'technical'],
    });
  }
  const firstMitigation = commands.find((c) => c.cmd.type === 'mitigate');
  facts.push({
    text: firstMitigation
      ? `First mitigation: ${describeCommand(firstMitigation)} at ${elapsedClock(firstMitigation.tick)}.`
      : 'No mitigation was ordered.',
    topics: ['technical'],
  });
  const p = state.people;
  const firstStatement = p.statements[0];
  facts.push({
    text:
      p.incidentTick < 0
        ? 'No critical service was hit.'
        : firstStatement
          ? `The incident began at ${elapsedClock(p.incidentTick)}; the first statement was ordered at ${elapsedClock(firstStatement.tick)}.`
          : `The incident began at ${elapsedClock(p.incidentTick)} and nobody spoke publicly.`,
    topics: ['messaging'],
  });
  for (const c of p.claims) {
    if (c.status === 'broken')
      facts.push({
        text: `A ${c.kind} claim made at ${elapsedClock(c.tick)} proved false.`,
        topics: ['messaging'],
      });
  }
  scenario.people.rumours.forEach((r, i) => {
    const rs = p.rumours[i]!;
    facts.push({
      text: rs.born
        ? `Rumour "${r.text}" spread from ${elapsedClock(rs.bornTick)}; peak belief ${Math.round(rs.peak * 100)} % in the worst segment.`
        : `Rumour "${r.id}" never took hold.`,
      topics: ['rumours', 'messaging'],
    });
  });
  scenario.people.workarounds.forEach((w, i) => {
    const ws = p.workarounds[i]!;
    if (ws.announcedTick < 0) return;
    const peakTo = Math.max(0, ...(series.utilisation[scenario.services[w.to]!.id] ?? [0]));
    facts.push({
      text: `Workaround "${w.name}" announced at ${elapsedClock(ws.announcedTick)}; ${scenario.services[w.to]!.name} peaked at ${Math.round(peakTo * 100)} % load.`,
      topics: ['workarounds'],
    });
  });
  facts.push({
    text: `Customers stranded at the worst moment: ${Math.round(state.metrics.strandedPeak).toLocaleString('en')}.`,
    topics: ['workarounds', 'cascade'],
  });
  return facts;
}

function collectMovers(sim: Sim, commands: readonly LoggedCommand[]): Record<string, string[]> {
  const { scenario, state } = sim;
  const p = state.people;
  const decisions = commands.map((c) => `${elapsedClock(c.tick)} ${describeCommand(c)}`);
  const trust = p.trustEvents
    .filter((e) => e.who === 0)
    .map((e) => `${elapsedClock(e.tick)} ${e.delta > 0 ? '+' : ''}${e.delta.toFixed(1)} ${e.why}`);
  const drivers = Object.entries(p.drivers)
    .filter(([, v]) => Math.abs(v) >= 0.5)
    .map(([k, v]) => `${k}: ${v > 0 ? '+' : ''}${v.toFixed(1)} points overall`);
  return {
    availability: [
      ...decisions.filter((d) =>
        /waf|rate|scrub|capacity|block|provider|restart|failover|maintenance|shed|isolate/.test(d),
      ),
      ...state.log
        .filter((e) => e.kind === 'status' && /crashed|restarting/.test(e.text))
        .map((e) => `${elapsedClock(e.tick)} ${e.text}`),
    ],
    valueMoved: decisions.filter((d) => /workaround|waf|rate|scrub|capacity/.test(d)),
    customers: decisions.filter((d) => /workaround|goodwill/.test(d)),
    budget: commands
      .filter((c) => c.cmd.type === 'mitigate' || c.cmd.type === 'statement' || c.cmd.type === 'workaround')
      .map((c) => `${elapsedClock(c.tick)} ${describeCommand(c)}`),
    trust: [...drivers, ...trust],
    rumours: scenario.people.rumours
      .flatMap((r, i) =>
        p.rumours[i]!.born ? [`${elapsedClock(p.rumours[i]!.bornTick)} '${r.id}' began to spread`] : [],
      )
      .concat(decisions.filter((d) => /rebuttal/.test(d))),
    honesty: p.claims
      .filter((c) => c.status !== 'open')
      .map((c) => `${elapsedClock(c.tick)} ${c.kind}${c.value ? ` (${c.value})` : ''}: ${c.status}`),
  };
}

/**
 * A Markdown export: readable in any editor, pastable into an after-action document. Everything in it that
 * comes from the scenario, the run or the player (titles, objectives, feed text, roles) is untrusted: HTML
 * special characters are escaped (a renderer shows `<img onerror=…>` as text) and bidirectional controls
 * removed (`md`); table cells also escape `|` and newlines (`cell`).
 */
export function reportToMarkdown(r: ReportModel): string {
  const lines: string[] = [];
  lines.push(
    `# After-action report: ${md(r.title)}`,
    '',
    `Seed ${md(r.seed)} · ended ${md(r.endedAt)} · ${md(r.outcome)} · state hash \`${md(r.finalHash)}\``,
    '',
  );
  lines.push(
    `## Score: ${r.score.total.toFixed(1)} / 100`,
    '',
    '| component | value | weight | points | what moved it |',
    '|---|---|---|---|---|',
  );
  for (const c of r.score.components) {
    lines.push(
      `| ${cell(c.label)} | ${c.value.toFixed(0)} | ${c.weight} | ${c.points.toFixed(1)} | ${cell(c.explanation)} |`,
    );
  }
  lines.push('');
  for (const c of r.score.components) {
    const m = r.movers[c.id] ?? [];
    if (m.length === 0) continue;
    lines.push(`**${md(c.label)}** — moved by:`, ...m.slice(0, 12).map((x) => `- ${md(x)}`), '');
  }
  lines.push('## Learning objectives', '');
  for (const o of r.objectives) lines.push(`- **${md(o.text)}**`, ...o.facts.map((f) => `  - ${md(f)}`));
  lines.push('', '## Debrief questions', '');
  for (const q of r.questions) lines.push(`- **${md(q.text)}**`, ...q.facts.map((f) => `  - ${md(f)}`));
  if (r.whatIf) {
    lines.push('', '## What if', '');
    for (const v of r.whatIf.variants) lines.push(`- ${md(v.summary)}`);
  }
  lines.push('', '## Timeline', '', '| time | what |', '|---|---|');
  for (const t of r.timeline)
    lines.push(`| ${cell(t.clock)} | ${t.kind}${t.by ? ` (${cell(t.by)})` : ''}: ${cell(t.text)} |`);
  return `${lines.join('\n')}\n`;
}

/** Untrusted text on one Markdown line. */
function md(text: string): string {
  return escapeHtml(displayText(text)).replace(/\r?\n/g, ' ');
}

function cell(text: string): string {
  return md(text).replace(/\|/g, '\\|');
}
