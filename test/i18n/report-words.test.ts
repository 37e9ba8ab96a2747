/**
 * The debrief's own sentences and the Markdown export follow the interface language, and English stays exactly
 * what src/run writes (the JSON export and every older test read that).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { advance, createSim, hashState } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { buildReport, emptySeries, endingOf, reportToMarkdown, sample, type Ending } from '../../src/run';
import { endingText } from '../../src/ui/report/endingText';
import { markdownWords } from '../../src/ui/report/markdownWords';
import { logFrom, smallScenario } from '../run/fixtures';

afterAll(async () => {
  await loadLanguage('en');
});

const scenario = smallScenario();

function finishedReport() {
  const log = logFrom([
    [400, 0],
    [500, 9],
  ]);
  const sim = createSim(scenario, 'r');
  const series = emptySeries(sim);
  advance(sim, log, 0, { onTick: (s) => sample(series, s) });
  return { sim, report: buildReport(sim, log, series, { hash: hashState(sim.state) }) };
}

describe('the ending sentence', () => {
  const ending = (by: Ending['by']): Ending => ({ by, tick: 5520, clock: 'T+01:32', text: '' });

  it('in English is the sentence src/run writes', async () => {
    await loadLanguage('en');
    // The example documented on Ending.text in src/run/report.ts.
    expect(endingText(ending('trainee'), 4 * 3600)).toBe(
      'The trainee pressed End drill at T+01:32 (of 04:00).',
    );
    const { sim, report } = finishedReport();
    expect(endingText(report.ending, scenario.durationTicks)).toBe(endingOf(sim).text);
  });

  it('in Kiswahili names who ended it and keeps the times', async () => {
    await loadLanguage('sw');
    expect(endingText(ending('facilitator'), 4 * 3600)).toBe(
      'Msimamizi alimaliza zoezi saa T+01:32 (kati ya 04:00).',
    );
  });
});

describe('the Markdown export', () => {
  const { report } = finishedReport();

  it('in English is byte for byte what src/run writes with its own words', async () => {
    await loadLanguage('en');
    expect(reportToMarkdown(report, markdownWords())).toBe(reportToMarkdown(report));
  });

  it('in Kiswahili has Kiswahili headings and columns, and no English ones', async () => {
    await loadLanguage('sw');
    const md = reportToMarkdown(report, markdownWords());
    expect(md).toMatch(/^# Taarifa ya baada ya zoezi: /);
    expect(md).toContain('## Malengo ya kujifunza');
    expect(md).toContain('| sehemu | thamani | uzito | pointi | kilichoibadilisha |');
    expect(md).toContain('| muda | kilichotokea |');
    expect(md).toMatch(/\| T\+00:0\d \| uamuzi: /);
    expect(md).not.toMatch(/After-action report|## Learning objectives|## Timeline|\| decision:/);
    expect(missingKeys()).toEqual([]);
  });
});
