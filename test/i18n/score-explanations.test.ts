/**
 * The debrief's score explanations (what moved each component) in the interface language. The engine gives each
 * one as data (src/engine/scoring.ts `why`); English is the engine's own sentence, unchanged (the CLI, the JSON
 * export and older tests read it); Kiswahili words the same facts from the `debrief` namespace, on screen
 * (src/ui/report/scoreWhyText.ts) and in the Markdown export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  advance,
  createSim,
  hashState,
  SCORE_LABELS,
  scoreWhyInEnglish,
  type Command,
  type LoggedCommand,
  type ScoreWhy,
} from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { buildReport, emptySeries, reportToMarkdown, sample } from '../../src/run';
import { compile } from '../../src/scenario';
import { markdownWords } from '../../src/ui/report/markdownWords';
import { scoreLabelText, scoreWhyText } from '../../src/ui/report/scoreWhyText';

afterAll(async () => {
  await loadLanguage('en');
});

const KES = { code: 'KES', symbol: 'KES', after: false };
const USD = { code: 'USD', symbol: '$', after: false };

function shipped(file: string) {
  const { scenario } = compile(
    readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8'),
    file,
  );
  if (!scenario) throw new Error(`${file} does not compile`);
  return scenario;
}

const say = (tick: number, blocks: Extract<Command, { type: 'statement' }>['blocks']): LoggedCommand => ({
  tick,
  cmd: { type: 'statement', channel: 'social', languages: ['en', 'sw'], blocks },
});

/**
 * The M-Pesa rumour drill (its outage starts at T+00:30) with a few words said after it starts: an ETA too short
 * to keep and the wrong cause (claims that prove false), and "data is safe".
 */
function report() {
  const scenario = shipped('mpesa-rumour-2024.yaml');
  const log: LoggedCommand[] = [
    say(1900, [{ kind: 'cause', cause: 'cyber-attack' }]),
    say(2000, [{ kind: 'eta', minutes: 5 }, { kind: 'data-safe' }]),
  ];
  const sim = createSim(scenario, 'sw-debrief');
  const series = emptySeries(sim);
  advance(sim, log, 0, { onTick: (s) => sample(series, s) });
  return buildReport(sim, log, series, { hash: hashState(sim.state) });
}

/** English phrases of the explanations that must not be left in a Kiswahili one. */
const ENGLISH =
  /unattended|of downtime|service-(minute|hour)|lost or stuck|customer-hours?|stranded|harm avoided|budget spent|points of trust|moved by|for unsupported claims|rumour took hold|worst rumour|belief|public informed|of the incident|false claim|gamble|proved false|said before|\b(statements|blame|claims|silence|pain|rumours|recovery|injects) [+-]\d/;

describe('score explanations in the interface language', () => {
  const r = report();

  it('the run gives explanations of every kind worth checking', () => {
    const kinds = r.score.components.map((c) => c.why.kind);
    expect(kinds).toEqual([
      'availability',
      'valueMoved',
      'customers',
      'budget',
      'trust',
      'rumours',
      'honesty',
    ]);
    const honesty = r.score.components.find((c) => c.id === 'honesty')!.why;
    expect(honesty.kind === 'honesty' && honesty.broken + honesty.gambles).toBeGreaterThan(0);
    expect(honesty.kind === 'honesty' && honesty.informed).toBeGreaterThan(0);
    const trust = r.score.components.find((c) => c.id === 'trust')!.why;
    expect(trust.kind === 'trust' && trust.drivers.length).toBeGreaterThan(0);
  });

  it('in English are the engine’s sentences, unchanged', async () => {
    await loadLanguage('en');
    for (const c of r.score.components) {
      expect(scoreWhyText(c.why, r.score.currency)).toBe(c.explanation);
      expect(scoreLabelText(c.id)).toBe(SCORE_LABELS[c.id]);
    }
    expect(reportToMarkdown(r, markdownWords())).toBe(reportToMarkdown(r));
  });

  it('in English, hand-checked sentences are the ones the engine wrote before they were data', () => {
    const cases: [ScoreWhy, string][] = [
      [
        { kind: 'availability', downtime: 1800, baseline: 23_400 },
        '30 service-minutes of downtime against 6.5 service-hours unattended',
      ],
      [
        { kind: 'valueMoved', lost: 60_900_000, baseline: 1_234_000_000 },
        'KES 60.9 m lost or stuck against KES 1.23 bn unattended',
      ],
      [
        { kind: 'customers', customerHours: 27_767.6, baseline: 34_981 },
        '27,768 customer-hours stranded or lost against 34,981 unattended',
      ],
      [
        { kind: 'budget', spent: 1_200_000, budget: 6_000_000 },
        'harm avoided, less half the share of the budget spent (KES 1.2 m of KES 6.0 m)',
      ],
      [
        {
          kind: 'trust',
          trustLost: 120,
          baseline: 70.84,
          broken: 4,
          gambles: 0,
          drivers: [
            { driver: 'statements', points: 16.5 },
            { driver: 'claims', points: -45.5 },
          ],
        },
        '120.0 points of trust lost against 70.8 unattended (less 76 % for unsupported claims); moved by statements +16.5, claims -45.5',
      ],
      [{ kind: 'noRumour' }, 'no rumour took hold, with or without you'],
      [
        { kind: 'rumours', peak: 0.81, baseline: 0.82, broken: 0, gambles: 0 },
        'worst rumour at 81 % belief against 82 % unattended',
      ],
      [
        { kind: 'honesty', informed: 0.45, broken: 1, gambles: 2 },
        'public informed for 45 % of the incident; 1 claim proved false, 2 gambles (said before anything supported it)',
      ],
      [
        { kind: 'honesty', informed: 1, broken: 0, gambles: 0 },
        'public informed for 100 % of the incident; no false claim, no gamble',
      ],
    ];
    for (const [why, text] of cases) expect(scoreWhyInEnglish(why, KES)).toBe(text);
    expect(scoreWhyInEnglish({ kind: 'budget', spent: 1_200_000, budget: 6_000_000 }, USD)).toBe(
      'harm avoided, less half the share of the budget spent ($1.2 m of $6.0 m)',
    );
  });

  it('in Kiswahili every explanation and every name is worded in Kiswahili, with the same numbers', async () => {
    await loadLanguage('en');
    const english = r.score.components.map((c) => scoreWhyText(c.why, r.score.currency));
    const labels = r.score.components.map((c) => scoreLabelText(c.id));
    await loadLanguage('sw');
    r.score.components.forEach((c, i) => {
      const sw = scoreWhyText(c.why, r.score.currency);
      expect(sw).not.toBe(english[i]);
      expect(sw).not.toMatch(ENGLISH);
      expect(sw.trim().length).toBeGreaterThan(10);
      expect(scoreLabelText(c.id)).not.toBe(labels[i]);
    });
    const trust = r.score.components.find((c) => c.id === 'trust')!;
    expect(scoreWhyText(trust.why, r.score.currency)).toMatch(
      /^pointi \d+\.\d za imani zilipotea, dhidi ya \d+\.\d bila hatua/,
    );
    expect(missingKeys()).toEqual([]);
  });

  it('in Kiswahili, hand-checked sentences', async () => {
    await loadLanguage('sw');
    expect(scoreWhyText({ kind: 'availability', downtime: 1800, baseline: 23_400 }, KES)).toBe(
      'muda wa kukatika: dakika 30 za huduma, dhidi ya saa 6.5 za huduma bila hatua',
    );
    expect(scoreWhyText({ kind: 'valueMoved', lost: 60_900_000, baseline: 1_234_000_000 }, KES)).toBe(
      'KES milioni 60.9 zilipotea au kukwama, dhidi ya KES bilioni 1.23 bila hatua',
    );
    expect(scoreWhyText({ kind: 'noRumour' }, KES)).toBe(
      'hakuna uvumi ulioshika kasi, mkichukua hatua au la',
    );
    expect(scoreWhyText({ kind: 'honesty', informed: 0.45, broken: 1, gambles: 2 }, KES)).toBe(
      'umma ulipata taarifa kwa 45\u00a0% ya muda wa tukio; dai 1 lilithibitika kuwa la uongo, madai 2 ya kubahatisha (yalitolewa kabla ya ushahidi wowote)',
    );
    expect(scoreWhyText({ kind: 'rumours', peak: 0.81, baseline: 0.82, broken: 2, gambles: 0 }, KES)).toBe(
      'uvumi mbaya zaidi uliaminiwa na 81\u00a0%, dhidi ya 82\u00a0% bila hatua (punguzo la 51\u00a0% kwa madai yasiyo na msingi)',
    );
  });

  it('the Kiswahili Markdown export has the Kiswahili explanations and names, and no English ones', async () => {
    await loadLanguage('sw');
    const md = reportToMarkdown(r, markdownWords());
    for (const c of r.score.components) {
      expect(md).toContain(`| ${scoreLabelText(c.id)} |`);
      expect(md).not.toContain(c.explanation);
      expect(md).not.toContain(`| ${c.label} |`);
    }
    const scoreTable = md.slice(md.indexOf('| sehemu |'), md.indexOf('## Malengo'));
    expect(scoreTable).not.toMatch(ENGLISH);
  });
});
