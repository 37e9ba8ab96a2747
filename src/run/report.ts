/**
 * The after-action report as data (the Debrief scene renders it, and it exports to Markdown and JSON): a
 * timeline, the score breakdown with what moved each component, the scenario's objectives and debrief questions
 * with the facts from this run that bear on each, and (optionally) the what-if results.
 */
import {
  elapsedClock,
  scoreBreakdown,
  type Currency,
  type LoggedCommand,
  type ScoreBreakdown,
  type ScoreComponent,
  type Sim,
} from '../engine';
import { droppedTimeline } from './dropped';
import { denialNamed, feedInWords } from './feedFacts';
import { collectFacts, factsForItems, type Fact } from './facts';
import type { WhatIfReport } from './whatif';
import type { Series } from './series';
import { displayText, escapeHtml } from './text';
import {
  blockInWords,
  claimInWords,
  commandInWords,
  ENGLISH_RUN_WORDS,
  humanText,
  injectShownAsFeed,
  shortText,
  trustWhyOf,
  type RunWords,
} from './words';

export type { Fact, Topic } from './facts';

export interface TimelineEntry {
  tick: number;
  clock: string;
  /**
   * `annotation`: a moment the facilitator noted (it goes on paper with the decisions). `dropped`: how many
   * older log or feed items the drill's state no longer holds, and what they were (dropped.ts).
   */
  kind: 'decision' | 'inject' | 'statement' | 'feed' | 'status' | 'note' | 'annotation' | 'dropped';
  text: string;
  /** Who made the decision (a role, when the UI records one). */
  by?: string;
}

/** Who ended the drill: time ran out, the scenario's script, the trainee (End drill) or the facilitator. */
export type EndedBy = 'time' | 'script' | 'trainee' | 'facilitator' | 'unknown';

export interface Ending {
  by: EndedBy;
  tick: number;
  clock: string;
  /** One sentence: "The trainee pressed End drill at T+01:32 (of 04:00)." */
  text: string;
}

export interface ReportModel {
  title: string;
  seed: string;
  endedAt: string;
  outcome: string;
  /** Who ended the drill and when. */
  ending: Ending;
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

/**
 * How the drill ended. `stopped`: it was stopped before its end (End drill), by whom when known (a save or the
 * live drill knows; a share link does not carry it).
 */
export function endingOf(sim: Sim, stopped?: { by: 'trainee' | 'facilitator' | 'unknown' } | null): Ending {
  const { scenario, state } = sim;
  const at = elapsedClock(state.tick);
  const of = `(of ${elapsedClock(scenario.durationTicks).slice(2)})`;
  if (state.outcome?.outcome === 'timeout')
    return {
      by: 'time',
      tick: state.tick,
      clock: at,
      text: `Time ran out: the drill ran its full length, to ${at}.`,
    };
  if (state.outcome)
    return {
      by: 'script',
      tick: state.tick,
      clock: at,
      text: `The scenario's script ended the drill at ${at} ${of}.`,
    };
  const by = stopped?.by ?? 'unknown';
  const text =
    by === 'trainee'
      ? `The trainee pressed End drill at ${at} ${of}.`
      : by === 'facilitator'
        ? `The facilitator ended the drill at ${at} ${of}.`
        : `The drill was stopped at ${at} ${of}, before its end (who stopped it was not recorded).`;
  return { by, tick: state.tick, clock: at, text };
}

export function buildReport(
  sim: Sim,
  commands: readonly LoggedCommand[],
  series: Series,
  options: {
    whatIf?: WhatIfReport;
    roles?: Record<number, string>;
    hash: string;
    stopped?: { by: 'trainee' | 'facilitator' | 'unknown' } | null;
    /** The words of the decisions, facts and "what moved it" lines (English unless the page gives its own). */
    words?: RunWords;
  },
): ReportModel {
  const { scenario, state } = sim;
  const w = options.words ?? ENGLISH_RUN_WORDS;
  const score = scoreBreakdown(sim);
  const timeline: TimelineEntry[] = [];
  commands.forEach((c, i) => {
    if (c.cmd.type === 'annotate') return; // a note, listed below from the state (the engine checked it)
    timeline.push({
      tick: c.tick,
      clock: elapsedClock(c.tick),
      kind: 'decision',
      text: commandInWords(scenario, c.cmd, [], [], w),
      by: options.roles?.[i],
    });
  });
  for (const a of state.facilitator?.annotations ?? [])
    timeline.push({
      tick: a.tick,
      clock: elapsedClock(a.tick),
      kind: 'annotation',
      text: w.facilitatorNote(a.text),
    });
  for (const e of state.log) {
    if (e.kind === 'inject' && injectShownAsFeed(scenario, e.text)) continue;
    // An answer the team gave is on the timeline as their decision; only a default taken on timeout is added.
    if (e.kind === 'inject' && /^decision '[^']+': .* \(answered\)$/.test(e.text)) continue;
    if (e.kind === 'inject' || e.kind === 'status' || e.kind === 'note')
      timeline.push({
        tick: e.tick,
        clock: elapsedClock(e.tick),
        kind: e.kind === 'inject' ? 'inject' : e.kind,
        text: humanText(scenario, e.text, w),
      });
  }
  for (const s of state.people.statements) {
    if (s.landed)
      timeline.push({
        tick: s.landsTick,
        clock: elapsedClock(s.landsTick),
        kind: 'statement',
        text: w.statementLanded(
          scenario.people.channels[s.channel]!.name,
          s.blocks.map((b) => blockInWords(scenario, b, w)),
        ),
      });
  }
  for (const f of state.feed) {
    if (f.channel === 'headline' || f.channel === 'official' || f.channel === 'stakeholder') {
      const { from, text } = feedInWords(scenario, f, w);
      timeline.push({
        tick: f.tick,
        clock: elapsedClock(f.tick),
        kind: 'feed',
        text: `${from}: ${text}`,
      });
    }
  }
  timeline.push(...droppedTimeline(state, w.dropped));
  timeline.sort((a, b) => a.tick - b.tick);

  const facts = collectFacts(sim, commands, series, options.roles, w);
  const movers = collectMovers(sim, commands, w);
  // One pass over objectives then questions: a fact given to an objective is not repeated under a question
  // unless nothing else bears on it.
  const perItem = factsForItems(sim, [...scenario.meta.objectives, ...scenario.debriefQuestions], facts);
  const objectives = perItem.slice(0, scenario.meta.objectives.length);
  const questions = perItem.slice(scenario.meta.objectives.length);
  return {
    title: scenario.meta.title,
    seed: state.seed,
    endedAt: elapsedClock(state.tick),
    outcome: state.outcome ? `${state.outcome.outcome}: ${state.outcome.text}` : 'stopped before its end',
    ending: endingOf(sim, options.stopped),
    finalHash: options.hash,
    score,
    movers,
    timeline,
    facts,
    objectives: scenario.meta.objectives.map((text, i) => ({ text, facts: objectives[i]! })),
    questions: scenario.debriefQuestions.map((text, i) => ({ text, facts: questions[i]! })),
    whatIf: options.whatIf,
  };
}

/** A trust event's reason: English is the engine's (with the scenario's names); another language its facts. */
function trustWhyInWords(scenario: Sim['scenario'], why: string, w: RunWords): string {
  const facts = w === ENGLISH_RUN_WORDS ? undefined : trustWhyOf(why);
  if (facts?.kind === 'claimFalse') return w.trustWhy({ ...facts, what: denialNamed(scenario, facts.what) });
  return facts ? w.trustWhy(facts) : humanText(scenario, why, w);
}

function collectMovers(sim: Sim, commands: readonly LoggedCommand[], w: RunWords): Record<string, string[]> {
  const { scenario, state } = sim;
  const p = state.people;
  const words = (c: LoggedCommand) => commandInWords(scenario, c.cmd, [], [], w);
  const line = (c: LoggedCommand) => `${elapsedClock(c.tick)} ${words(c)}`;
  const technical = commands.filter((c) => c.cmd.type === 'mitigate' || c.cmd.type === 'lift');
  const trust = p.trustEvents
    .filter((e) => e.who === 0)
    .map(
      (e) =>
        `${elapsedClock(e.tick)} ${e.delta > 0 ? '+' : ''}${e.delta.toFixed(1)} ${trustWhyInWords(scenario, e.why, w)}`,
    );
  const drivers = Object.entries(p.drivers)
    .filter(([, v]) => Math.abs(v) >= 0.5)
    .map(([k, v]) => w.driver(k, v));
  return {
    availability: [
      ...technical.map(line),
      ...state.log
        .filter((e) => e.kind === 'status' && /crashed|restarting/.test(e.text))
        .map(
          (e) =>
            `${elapsedClock(e.tick)} ${w === ENGLISH_RUN_WORDS ? e.text : humanText(scenario, e.text, w)}`,
        ),
    ], // the team's orders first (what they can discuss), then the crashes and restarts
    valueMoved: commands.filter((c) => c.cmd.type === 'workaround' || c.cmd.type === 'mitigate').map(line),
    customers: commands.filter((c) => c.cmd.type === 'workaround').map(line),
    budget: commands
      .filter((c) => c.cmd.type === 'mitigate' || c.cmd.type === 'statement' || c.cmd.type === 'workaround')
      .map(line),
    trust: [...drivers, ...trust],
    rumours: scenario.people.rumours
      .flatMap((r, i) =>
        p.rumours[i]!.born
          ? [w.rumourBegan(elapsedClock(p.rumours[i]!.bornTick), shortText(r.text, 50))]
          : [],
      )
      .concat(
        commands
          .filter((c) => c.cmd.type === 'statement' && c.cmd.blocks.some((b) => b.kind === 'rebuttal'))
          .map(line),
      ),
    honesty: p.claims
      .filter((c) => c.status !== 'open')
      .map((c) => w.claimMover(elapsedClock(c.tick), claimInWords(scenario, c, w), c.status)),
  };
}

/**
 * The Markdown export's own words (headings, column names, kinds of timeline entry). English by default; the
 * page passes them in the interface language (src/ui/report/markdownWords.ts), so src/run stays free of the
 * i18n instance. Each function is given the values already escaped.
 */
export interface MarkdownWords {
  title(title: string): string;
  runLine(v: { seed: string; endedAt: string; outcome: string; hash: string }): string;
  score(total: string): string;
  /** component, value, weight, points, what moved it */
  scoreColumns: readonly [string, string, string, string, string];
  movedBy(label: string): string;
  objectives: string;
  questions: string;
  whatIf: string;
  timeline: string;
  /** time, what */
  timelineColumns: readonly [string, string];
  kind(kind: TimelineEntry['kind']): string;
  /** A score component's name and explanation (not escaped: the export escapes them). */
  component(c: ScoreComponent, currency: Currency): { label: string; explanation: string };
}

export const ENGLISH_MARKDOWN_WORDS: MarkdownWords = {
  title: (title) => `After-action report: ${title}`,
  runLine: ({ seed, endedAt, outcome, hash }) =>
    `Seed ${seed} · ended ${endedAt} · ${outcome} · state hash \`${hash}\``,
  score: (total) => `Score: ${total} / 100`,
  scoreColumns: ['component', 'value', 'weight', 'points', 'what moved it'],
  movedBy: (label) => `**${label}** — moved by:`,
  objectives: 'Learning objectives',
  questions: 'Debrief questions',
  whatIf: 'What if',
  timeline: 'Timeline',
  timelineColumns: ['time', 'what'],
  kind: (kind) => kind,
  component: (c) => ({ label: c.label, explanation: c.explanation }),
};

/**
 * A Markdown export: readable in any editor, pastable into an after-action document. Everything in it that
 * comes from the scenario, the run or the player (titles, objectives, feed text, roles) is untrusted: HTML
 * special characters are escaped (a renderer shows `<img onerror=…>` as text) and bidirectional controls
 * removed (`md`); table cells also escape `|` and newlines (`cell`).
 */
export function reportToMarkdown(r: ReportModel, words: MarkdownWords = ENGLISH_MARKDOWN_WORDS): string {
  const w = words;
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const lines: string[] = [];
  lines.push(
    `# ${w.title(md(r.title))}`,
    '',
    w.runLine({ seed: md(r.seed), endedAt: md(r.endedAt), outcome: md(r.outcome), hash: md(r.finalHash) }),
    '',
    md(r.ending.text),
    '',
  );
  lines.push(`## ${w.score(r.score.total.toFixed(1))}`, '', row(w.scoreColumns), '|---|---|---|---|---|');
  for (const c of r.score.components) {
    const { label, explanation } = w.component(c, r.score.currency);
    lines.push(
      `| ${cell(label)} | ${c.value.toFixed(0)} | ${c.weight} | ${c.points.toFixed(1)} | ${cell(explanation)} |`,
    );
  }
  lines.push('');
  for (const c of r.score.components) {
    const m = r.movers[c.id] ?? [];
    if (m.length === 0) continue;
    lines.push(
      w.movedBy(md(w.component(c, r.score.currency).label)),
      ...m.slice(0, 12).map((x) => `- ${md(x)}`),
      '',
    );
  }
  lines.push(`## ${w.objectives}`, '');
  for (const o of r.objectives) lines.push(`- **${md(o.text)}**`, ...o.facts.map((f) => `  - ${md(f)}`));
  lines.push('', `## ${w.questions}`, '');
  for (const q of r.questions) lines.push(`- **${md(q.text)}**`, ...q.facts.map((f) => `  - ${md(f)}`));
  if (r.whatIf) {
    lines.push('', `## ${w.whatIf}`, '');
    for (const v of r.whatIf.variants) lines.push(`- ${md(v.summary)}`);
  }
  lines.push('', `## ${w.timeline}`, '', row(w.timelineColumns), '|---|---|');
  for (const t of r.timeline)
    lines.push(
      `| ${cell(t.clock)} | ${cell(w.kind(t.kind))}${t.by ? ` (${cell(t.by)})` : ''}: ${cell(t.text)} |`,
    );
  return `${lines.join('\n')}\n`;
}

/** Untrusted text on one Markdown line. */
function md(text: string): string {
  return escapeHtml(displayText(text)).replace(/\r?\n/g, ' ');
}

function cell(text: string): string {
  return md(text).replace(/\|/g, '\\|');
}
