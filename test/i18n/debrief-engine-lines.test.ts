/**
 * Every shipped scenario played to the debrief with a command log that makes the engine speak for itself
 * (failovers, manual restarts, the budget running out, data taken, the truth coming out, the facilitator's
 * actions, older items dropped): in Kiswahili the debrief's timeline and the Markdown export word all of it in
 * Kiswahili; in English they are exactly what src/run writes (the JSON export and older tests read that).
 * What the scenario's author or the facilitator wrote (names, messages, answers) stays as they wrote it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  advance,
  createSim,
  hashState,
  type ApplyResult,
  type Command,
  type LoggedCommand,
  type Scenario,
} from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import {
  buildReport,
  emptySeries,
  ENGLISH_RUN_WORDS,
  reportToMarkdown,
  sample,
  type ReportModel,
} from '../../src/run';
import { compile } from '../../src/scenario';
import { feedWhyInWords } from '../../src/run/words';
import { droppedWords } from '../../src/ui/droppedWords';
import { feedItemInWords } from '../../src/ui/feedWords';
import { endingText, outcomeText } from '../../src/ui/report/endingText';
import { markdownWords } from '../../src/ui/report/markdownWords';
import { runWords } from '../../src/ui/report/runWords';
import { reportTimeline } from '../../src/ui/report/timeline';

afterAll(async () => {
  await loadLanguage('en');
});

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

function shipped(file: string): Scenario {
  const { scenario } = compile(readFileSync(join(dir, file), 'utf8'), file);
  if (!scenario) throw new Error(`${file} does not compile`);
  return scenario;
}

const at = (tick: number, cmd: Command): LoggedCommand => ({ tick, cmd });

/**
 * The facilitator holds, skips, rewords and fires injects, posts, asks, notes and sets the room's clock; the team
 * fails over, restarts and adds capacity everywhere (the budget runs out), says data is safe with a wrong cause
 * and a short ETA (claims the truth breaks), blames a partner, and a flood of the facilitator's posts makes the
 * state drop its oldest log and feed items.
 */
function logFor(s: Scenario): LoggedCommand[] {
  const inj = s.injects;
  const says = (i: number) => inj[i]!.effects.some((e) => e.type === 'feed' || e.type === 'prompt');
  const quiet = (i: number) => inj[i]!.effects.every((e) => e.type === 'feed');
  const held = inj.length - 2;
  const skipped = [...inj.keys()].reverse().find((i) => i !== held && quiet(i) && i > 2) ?? 3;
  const edited = [...inj.keys()].find((i) => i > 0 && says(i))!;
  const mitigation = (kind: string) => s.mitigations.filter((m) => m.kind === kind).map((m) => m.id);
  const partner = s.people.stakeholders.find((x) => x.kind === 'partner')?.id;
  const log: LoggedCommand[] = [
    at(10, { type: 'hold-inject', inject: inj[held]!.id }),
    at(11, { type: 'hold-inject', inject: inj[2]!.id }),
    at(12, { type: 'skip-inject', inject: inj[skipped]!.id }),
    at(14, {
      type: 'edit-inject',
      inject: inj[edited]!.id,
      effect: inj[edited]!.effects.findIndex((e) => e.type === 'feed' || e.type === 'prompt'),
      text: 'Reworded by the facilitator',
    }),
    at(16, { type: 'post', channel: 'headline', from: 'Daily Nation', text: 'A post by the facilitator' }),
    at(18, { type: 'ask', from: 'CEO', text: 'Do we call the regulator?', answers: ['Yes', 'No'] }),
    at(20, { type: 'annotate', text: 'Note this moment' }),
    at(22, { type: 'room', action: 'speed', speed: 4 }),
    at(24, { type: 'room', action: 'pause' }),
    at(26, { type: 'room', action: 'resume' }),
    at(28, { type: 'fire-inject', inject: inj[1]!.id }),
    at(40, { type: 'answer', inject: 'ask-1', option: 'Yes' }),
  ];
  // The facilitator's posts: more than the state keeps of its log and its feed.
  for (let k = 0; k < 320; k++)
    log.push(at(50 + k, { type: 'post', channel: 'social', from: 'Crowd', text: `Post ${k}` }));
  const T = Math.min(s.durationTicks - 240, 1800);
  s.services.forEach((service, i) => {
    for (const id of mitigation('failover'))
      log.push(at(T + i, { type: 'mitigate', mitigation: id, target: service.id }));
    for (const id of mitigation('restart'))
      log.push(at(T + 60 + i, { type: 'mitigate', mitigation: id, target: service.id }));
    for (const id of mitigation('add-capacity'))
      log.push(at(T + 120 + i, { type: 'mitigate', mitigation: id, target: service.id }));
  });
  log.push(
    at(T + 30, {
      type: 'statement',
      channel: s.people.channels[0]!.id,
      languages: ['en', 'sw'],
      blocks: [
        { kind: 'data-safe' },
        { kind: 'cause', cause: 'glitch' },
        { kind: 'eta', minutes: 5 },
        ...(partner ? [{ kind: 'blame' as const, partner }] : []),
      ],
    }),
    at(T + 200, { type: 'release-inject', inject: inj[held]!.id }),
    at(T + 201, { type: 'release-inject', inject: inj[2]!.id }),
    at(T + 210, { type: 'ask', from: 'CEO', text: 'Do we tell the board?', answers: ['Yes', 'No'] }),
  );
  return log.sort((a, b) => a.tick - b.tick);
}

interface Played {
  report: ReportModel;
  markdown: string;
  /** The feed panel's items (who, what, why) as the page words them. */
  feed: string[];
}

/** The debrief's report (its timeline as the page shows it) and the Markdown export, in the current language. */
function play(file: string, seed: string, english = false): Played {
  const scenario = shipped(file);
  const log = logFor(scenario);
  const sim = createSim(scenario, seed);
  const series = emptySeries(sim);
  const results: ApplyResult[] = [];
  advance(sim, log, 0, { onTick: (x) => sample(series, x), onCommand: (_e, r) => results.push(r) });
  const words = english ? ENGLISH_RUN_WORDS : runWords();
  const model = buildReport(sim, log, series, {
    hash: hashState(sim.state),
    stopped: { by: 'trainee' },
    words,
  });
  const timeline = reportTimeline(scenario, sim.state, log, results, {}, model, words);
  const report: ReportModel = { ...model, timeline: timeline.map(({ rejected: _r, ...e }) => e) };
  const feed = sim.state.feed.map((item) => {
    const { from, text, why } = english
      ? { from: item.from, text: item.text, why: feedWhyInWords(item.why) }
      : feedItemInWords(scenario, item);
    return `${from}: ${text} (${why})`;
  });
  if (english) return { report, markdown: reportToMarkdown(report), feed };
  const ending = { ...report.ending, text: endingText(report.ending, scenario.durationTicks) };
  const outcome = outcomeText(sim.state.outcome, scenario);
  return { report, markdown: reportToMarkdown({ ...report, ending, outcome }, markdownWords()), feed };
}

/** The facilitator's actions as the English timeline words them (checked absent in Kiswahili, present in English). */
const FACILITATOR_ACTIONS = [
  'Facilitator fired',
  'Facilitator held',
  'Facilitator released',
  'Facilitator skipped',
  'Facilitator reworded',
  'Facilitator posted as',
  'Facilitator asked the team',
  'Facilitator set the speed',
  'Facilitator paused the room',
  'Facilitator resumed the room',
  'Facilitator’s note',
];

/** The engine's own English that the debrief and the export must not show in Kiswahili. */
const KNOWN_ENGLISH = [
  'failed over to the backup site',
  'the failure followed it there',
  'the standby is up',
  'its data is stale',
  'manual restart under way',
  'restart not needed any more',
  'the restart did not help',
  'ended the failure of',
  'budget spent: stopped',
  'The drill has reached its end',
  'The drill ended:',
  'data was taken',
  'the truth came out',
  'workaround put in place by the script',
  'came due while held',
  'fired by the facilitator',
  'released by the facilitator',
  "the team's answer to",
  'no answer in time',
  ...FACILITATOR_ACTIONS,
  'not kept',
  'older engine event',
  'older feed item',
  'Investigative desk',
  'proves false',
  'the outage is not ours',
  'ran its full length',
  'stopped before its end',
  'timeout:',
  'success:',
  'partial:',
  'failure:',
  // The feed: the engine's own items and why each appeared.
  'You said ',
  'Still nothing',
  'They would say that',
  'The incident budget is spent',
  'You answered',
  'was taken (the default)',
  'the scenario script',
  'born from the outage',
  'it contradicts what was said',
  'was missed',
  'rebuttal after being blamed',
  'a bare denial of',
  'running costs would have overdrawn',
  'posted by the facilitator',
  'a question from the facilitator',
  ' stranded; their trust is',
  'Trending:',
  'Finance:',
  'Decision:',
  'Investigation:',
  'Customers:',
];

/** The same sentences, found in the English report of at least one scenario (so the log really triggers them). */
const MUST_TRIGGER = [
  'failed over to the backup site',
  'the failure followed it there',
  'manual restart under way',
  'restart not needed any more',
  'the restart did not help',
  'budget spent: stopped',
  'The drill has reached its end',
  'The drill ended:',
  'data was taken',
  'the truth came out',
  'came due while held',
  "the team's answer to",
  ...FACILITATOR_ACTIONS,
  'older engine events were not kept',
  'older feed items were not kept',
  'proves false',
  'the outage is not ours',
  'ran its full length',
  'The incident budget is spent',
  'was taken (the default)',
  'the scenario script',
  'it contradicts what was said',
  'rebuttal after being blamed',
  'running costs would have overdrawn',
  'posted by the facilitator',
  'a question from the facilitator',
  ' stranded; their trust is',
  'Trending:',
];

const SEEDS = ['1', 'debrief-sw'];

describe('the engine’s own lines on the debrief and in the feed, every shipped scenario', () => {
  it('the command log makes the engine say each of them (in English)', async () => {
    await loadLanguage('en');
    const all = files
      .flatMap((f) =>
        SEEDS.map((seed) => {
          const { markdown, feed } = play(f, seed, true);
          return [markdown, ...feed].join('\n');
        }),
      )
      .join('\n');
    expect(MUST_TRIGGER.filter((phrase) => !all.includes(phrase))).toEqual([]);
  });

  it('in English, the page’s words are src/run’s own, byte for byte', async () => {
    await loadLanguage('en');
    for (const f of files)
      for (const seed of SEEDS) {
        const page = play(f, seed);
        const run = play(f, seed, true);
        expect(page.report, f).toEqual(run.report);
        expect(page.markdown, f).toBe(run.markdown);
        expect(page.feed, f).toEqual(run.feed);
        expect(droppedWords()).toBe(ENGLISH_RUN_WORDS.dropped);
      }
  });

  it('in Kiswahili, none of the engine’s English is left in the timeline or the Markdown export', async () => {
    await loadLanguage('sw');
    for (const f of files)
      for (const seed of SEEDS) {
        const { report, markdown, feed } = play(f, seed);
        const lines = [...report.timeline.map((e) => e.text), ...markdown.split('\n'), ...feed];
        for (const line of lines)
          for (const phrase of KNOWN_ENGLISH) expect(line, `${f}: ${line}`).not.toContain(phrase);
      }
    expect(missingKeys()).toEqual([]);
  });

  it('in Kiswahili, the engine’s lines say what happened, in Kiswahili, with the scenario’s names', async () => {
    await loadLanguage('sw');
    const all = files.flatMap((f) => SEEDS.map((seed) => play(f, seed).markdown)).join('\n');
    for (const phrase of [
      'ilihamishiwa kwenye kituo cha akiba',
      'inawashwa upya kwa mkono',
      'haihitaji tena kuwashwa upya',
      'bajeti imekwisha; vilivyosimamishwa: ',
      'Zoezi limefika mwisho wake',
      'data ziliibiwa (“',
      'ukweli ulijulikana (',
      'Msimamizi alianzisha ',
      'Msimamizi alizuia ',
      'Msimamizi aliachilia ',
      'Msimamizi aliruka ',
      'Msimamizi alibadilisha maneno ya ',
      'Msimamizi alichapisha kama Daily Nation: “A post by the facilitator”',
      'Msimamizi aliiuliza timu, kama CEO: “Do we call the regulator?” (Yes / No)',
      'Msimamizi aliweka kasi 4×',
      'Msimamizi alisitisha chumba',
      'Msimamizi aliendeleza chumba',
      'Maelezo ya msimamizi: Note this moment',
      'jibu la timu kwa “Do we tell the board?”: No (hakuna jibu kwa wakati',
      'ya zamani ya injini hayakuhifadhiwa (',
      'ya zamani vya habari havikuhifadhiwa (',
      'Dawati la uchunguzi: Taarifa ya saa T+',
      'hitilafu hii si yetu',
      '· muda umekwisha: Zoezi liliendeshwa kwa urefu wake wote. ·',
      // The author's own Kiswahili, where they gave one (the tutorial): the script's words and the outcome.
      'Tutorial: “Karibu, kamanda. Zoezi hili',
      'Msimamizi alianzisha Tutorial: “Ramani inaonyesha huduma tano',
      'Umeviona vidhibiti; rudia mafunzo haya',
    ])
      expect(all.includes(phrase), phrase).toBe(true);
  });

  it('a denial the truth broke names the rumour by its words, not its id', async () => {
    await loadLanguage('sw');
    const scenario = shipped('mpesa-rumour-2024.yaml');
    const { from, text } = feedItemInWords(scenario, {
      channel: 'headline',
      from: 'Investigative desk',
      text: "Statement at T+01:10 proves false: the denial of 'tax-integration'.",
      why: "inject 'truth-out'; it contradicts what was said at T+01:10",
    });
    expect(from).toBe('Dawati la uchunguzi');
    expect(text).toMatch(
      /^Taarifa ya saa T\+01:10 imethibitika kuwa si kweli: kukanusha uvumi 'The government /,
    );
    expect(text).not.toContain('tax-integration');
  });
});
