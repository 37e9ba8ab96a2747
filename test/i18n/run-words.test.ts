/**
 * The run's own sentences on the debrief (decisions on the timeline, the facts under each objective and
 * question, what moved each score component, statements landing) in the interface language: English is what
 * src/run writes (ENGLISH_RUN_WORDS: the JSON export and older tests read it); Kiswahili words the same facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { advance, createSim, hashState, type Command, type LoggedCommand } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { buildReport, emptySeries, ENGLISH_RUN_WORDS, sample, type ReportModel } from '../../src/run';
import { commandInWords, engineLine, trustWhyOf } from '../../src/run/words';
import { compile } from '../../src/scenario';
import { runWords } from '../../src/ui/report/runWords';

afterAll(async () => {
  await loadLanguage('en');
});

function shipped(file: string) {
  const { scenario } = compile(
    readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8'),
    file,
  );
  if (!scenario) throw new Error(`${file} does not compile`);
  return scenario;
}

const at = (tick: number, cmd: Command): LoggedCommand => ({ tick, cmd });

/**
 * The M-Pesa rumour drill (its outage starts at T+00:30) with orders, words and a workaround: a restart of the
 * ledger lifted again, a wrong cause and a short ETA (claims that prove false), a rebuttal with the law, cash
 * fares announced.
 */
const scenario = shipped('mpesa-rumour-2024.yaml');
const log: LoggedCommand[] = [
  at(1850, { type: 'mitigate', mitigation: 'rate-limit', target: 'wallet-app' }),
  at(1900, {
    type: 'statement',
    channel: 'social',
    languages: ['en', 'sw'],
    blocks: [{ kind: 'cause', cause: 'cyber-attack' }],
  }),
  at(2000, {
    type: 'statement',
    channel: 'sms',
    languages: ['sw'],
    blocks: [{ kind: 'eta', minutes: 5 }, { kind: 'data-safe' }],
  }),
  at(2100, { type: 'workaround', workaround: 'fares-in-cash', action: 'announce' }),
  at(2400, { type: 'lift', uid: 1 }),
  at(4200, {
    type: 'statement',
    channel: 'social',
    languages: ['sw'],
    blocks: [{ kind: 'rebuttal', rumour: 'tax-integration', evidence: 'law' }],
  }),
];

function report(words?: Parameters<typeof buildReport>[3]['words']): ReportModel {
  const sim = createSim(scenario, 'sw-run');
  const series = emptySeries(sim);
  advance(sim, log, 0, { onTick: (s) => sample(series, s) });
  return buildReport(sim, log, series, {
    hash: hashState(sim.state),
    roles: { 1: 'Mkuu wa mawasiliano' },
    words,
  });
}

/**
 * Every sentence of the run's own in a report: facts, what moved it, and the timeline lines it words (decisions,
 * statements landing, service status changes). A trust event caused by a scripted event is named by the
 * scenario's own words ("+1.0 “Social media team: …”"): not ours to translate, left out.
 */
function sentences(r: ReportModel): string[] {
  const trustEvent = (m: string) => /^T\+\d\d:\d\d [+-]\d+\.\d “/.test(m);
  return [
    ...r.facts.map((f) => f.text),
    ...Object.values(r.movers)
      .flat()
      .filter((m) => !trustEvent(m)),
    ...r.timeline
      .filter((e) => e.kind === 'decision' || e.kind === 'statement' || e.kind === 'status')
      .map((e) => e.text),
  ];
}

/** English phrases of those sentences that must not be left in a Kiswahili one. */
const ENGLISH =
  /\b(Ordered|Lifted|Statement (on|reached)|Announced|Withdrew|the workaround|went into trouble|what depends on|ran over capacity|of capacity|fewer than half|asked|The answer|no answer in time|The incident began|nobody spoke|The claim|proved false|held\.|Public trust went|spread from|peak belief|Rebutted|never took hold|announced at|Customers stranded|points overall|began to spread|data is safe|that data was safe|an ETA of|cause: a|rebut|what was said|silence:|scripted events|The attack|is restarting|healthy|degraded|crashed under|gave an ETA|said customer data|explained the cause|missed the ETA|claim held up)\b/;

describe('the run’s sentences in the interface language', () => {
  it('the run says something of every kind checked', () => {
    const r = report();
    const text = sentences(r).join('\n');
    for (const phrase of [
      'Ordered ',
      'Lifted ',
      'Announced the workaround',
      'The claim ',
      'The rumour “',
      'Rebutted at',
      'Workaround “',
      'points overall',
      'Statement reached people via',
      'Customers stranded at the worst moment',
      ': healthy → down',
      'is restarting (warming up)',
      '(Mkuu wa mawasiliano)',
    ])
      expect(text).toContain(phrase);
  });

  it('in English are src/run’s own sentences, unchanged', async () => {
    await loadLanguage('en');
    expect(runWords()).toBe(ENGLISH_RUN_WORDS);
    expect(report(runWords())).toEqual(report());
    // Hand-checked: the words src/run wrote before they were given their facts.
    expect(commandInWords(scenario, log[0]!.cmd)).toBe(
      'Ordered Rate limiting per client on Mobile-money app',
    );
    expect(commandInWords(scenario, log[4]!.cmd, log, [{ ok: true, uid: 1 } as never])).toBe(
      'Lifted Rate limiting per client on Mobile-money app',
    );
    // The engine's log lines the report words again: their facts give back the engine's line, word for word.
    const sim = createSim(scenario, 'sw-run');
    advance(sim, log, 0);
    const parsed = sim.state.log.filter((e) => engineLine(scenario, e.text));
    expect(parsed.length).toBeGreaterThan(10);
    for (const e of parsed) expect(ENGLISH_RUN_WORDS.engineLine(engineLine(scenario, e.text)!)).toBe(e.text);
    // Each trust event's reason the report words again: its facts give back the engine's reason.
    const whys = sim.state.people.trustEvents.map((e) => e.why).filter((why) => trustWhyOf(why));
    expect(whys.length).toBeGreaterThan(3);
    for (const why of whys) expect(ENGLISH_RUN_WORDS.trustWhy(trustWhyOf(why)!)).toBe(why);
    expect(report().facts.at(-1)!.text).toMatch(
      /^Customers stranded at the worst moment: \d{1,3}(,\d{3})*\.$/,
    );
  });

  it('in Kiswahili every one is worded in Kiswahili, keeping the scenario’s names and the times', async () => {
    await loadLanguage('en');
    const english = report();
    await loadLanguage('sw');
    const sw = report(runWords());
    const [en, kis] = [sentences(english), sentences(sw)];
    expect(kis.length).toBe(en.length);
    kis.forEach((text, i) => {
      expect(text).not.toBe(en[i]);
      expect(text, en[i]).not.toMatch(ENGLISH);
      // The same clocks, in the same order.
      expect(text.match(/T\+\d\d:\d\d/g) ?? []).toEqual(en[i]!.match(/T\+\d\d:\d\d/g) ?? []);
    });
    // Scripted events: what they do and the answers taken for the team, in Kiswahili (what people say in them is
    // the scenario's own words).
    const injects = sw.timeline.filter((e) => e.kind === 'inject').map((e) => e.text);
    expect(injects.some((x) => /: jibu “/.test(x))).toBe(true);
    for (const x of injects)
      expect(x).not.toMatch(
        /: answer “|^The rumour “.*” is spreading$|^Scripted statement| fails$| is restored$|\(no answer in time/,
      );
    const decisions = sw.timeline.filter((e) => e.kind === 'decision').map((e) => e.text);
    expect(decisions[0]).toBe('Agizo: Rate limiting per client kwenye Mobile-money app');
    expect(decisions[1]).toContain('chanzo: shambulio la mtandaoni');
    expect(decisions[3]).toBe('Njia mbadala “Pay fares in cash” ilitangazwa');
    expect(missingKeys()).toEqual([]);
  });
});
