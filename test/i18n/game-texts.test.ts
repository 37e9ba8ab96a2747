/**
 * The game screens' sentences that are built from parts (who asks, what happens without an answer, which
 * languages a statement is said in, what a statement says): English exactly as it was written before the
 * translation (the browser tests read those words), Kiswahili as a whole sentence in its own word order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadLanguage, missingKeys } from '../../src/i18n';
import type { Scenario } from '../../src/engine';
import type { PromptView } from '../../src/store/selectors';
import { statusDetail, WIDEST_DETAILS } from '../../scenes/layout/labelText';
import { emptyFeedText } from '../../src/ui/feed';
import { blockWords, languagesLabel } from '../../src/ui/messagesTab';
import { timeoutText } from '../../src/ui/promptDialog';

afterAll(async () => {
  await loadLanguage('en');
});

/** A decision with two answers, the second the default, due 90 s after tick 0. */
const prompt = (pause: boolean) =>
  ({
    injectId: 'q',
    issuedTick: 0,
    deadlineTick: 90,
    pause,
    from: 'CEO',
    text: 'Shut the app?',
    options: [
      { id: 'yes', label: 'Yes', isDefault: false },
      { id: 'no', label: 'No', isDefault: true },
    ],
  }) as unknown as PromptView;

/** Only the parts of a scenario blockWords reads. */
const scenario = {
  people: {
    workarounds: [{ id: 'ussd', name: 'Use *334#' }],
    rumours: [{ id: 'leak', text: 'Accounts were emptied' }],
    stakeholders: [{ id: 'isp', name: 'Safaricom' }],
  },
} as unknown as Scenario;

describe('game sentences by language', () => {
  it('English is unchanged', async () => {
    await loadLanguage('en');
    expect(timeoutText(prompt(true), 0)).toBe(
      'The clock is stopped until you answer. Without an answer, “No” is taken.',
    );
    expect(timeoutText(prompt(false), 30)).toBe('Without an answer within 1m, “No” is taken.');
    expect(languagesLabel([])).toBe('no language');
    expect(languagesLabel(['sw'])).toBe('Kiswahili only');
    expect(languagesLabel(['en', 'sw'])).toBe('English and Kiswahili');
    expect(blockWords(scenario, { kind: 'eta', minutes: 45 })).toBe('ETA 45 min');
    expect(blockWords(scenario, { kind: 'rebuttal', rumour: 'leak', evidence: 'law' })).toBe(
      'the rumour "Accounts were emptied" is false, citing the law',
    );
    expect(blockWords(scenario, { kind: 'blame', partner: 'isp' })).toBe('Safaricom is to blame');
    expect(emptyFeedText(5, false)).toBe(
      'Nothing yet. News, messages and decisions will appear here as the drill runs.',
    );
  });

  it('Kiswahili says each one as a whole sentence, names kept as written', async () => {
    await loadLanguage('sw');
    expect(timeoutText(prompt(true), 0)).toBe('Saa imesimama hadi ujibu. Usipojibu, “No” litachaguliwa.');
    expect(timeoutText(prompt(false), 30)).toBe('Usipojibu ndani ya dk 1, “No” litachaguliwa.');
    expect(languagesLabel(['sw'])).toBe('Kiswahili pekee');
    expect(languagesLabel(['en', 'sw'])).toBe('Kiingereza na Kiswahili');
    expect(blockWords(scenario, { kind: 'eta', minutes: 45 })).toBe('itarejea ndani ya dk 45');
    expect(blockWords(scenario, { kind: 'blame', partner: 'isp' })).toBe('lawama ni ya Safaricom');
    expect(blockWords(scenario, { kind: 'workaround', workaround: 'ussd' })).toBe('njia mbadala: Use *334#');
    // Map labels: the status word in Kiswahili, and never longer than the room reserved for the English ones.
    expect(statusDetail('degraded', 0.85, false)).toBe('imedorora 85\u00a0%');
    expect(statusDetail('down', 0, true)).toBe('imezimwa (agizo)');
    const reserved = Math.max(...WIDEST_DETAILS.map((d) => d.length));
    for (const status of ['healthy', 'degraded', 'down', 'recovering'] as const)
      expect(statusDetail(status, 99.99, false).length).toBeLessThanOrEqual(reserved);
    expect(statusDetail('down', 0, true).length).toBeLessThanOrEqual(reserved);
    expect(missingKeys()).toEqual([]);
  });
});
