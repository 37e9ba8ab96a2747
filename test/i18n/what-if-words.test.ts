/**
 * What-if lines on the debrief ("“Ordered …” at T+00:12 instead of T+00:47: … It would have …") in the interface
 * language: English is the sentence src/run and the page wrote before (the JSON export keeps it); Kiswahili words
 * the same variant from its numbers, including why it scored as it did (src/run/whatIfExplain.ts's facts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { ENGLISH_RUN_WORDS, type Outcome, type Variant } from '../../src/run';
import { explainVariant } from '../../src/run/whatIfExplain';
import { variantPieces, variantWords } from '../../src/ui/report/whatIfWords';
import { smallScenario } from '../run/fixtures';

afterAll(async () => {
  await loadLanguage('en');
});

const SMALL = smallScenario();
const log: LoggedCommand[] = [
  { tick: 2820, cmd: { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' } },
];
const ZERO = { availability: 0, valueMoved: 0, customers: 0, budget: 0, trust: 0, rumours: 0, honesty: 0 };
const actual: Outcome = {
  score: 50.2,
  failedValueKES: 1_700_000,
  strandedPeak: 1000,
  trustEnd: 50,
  criticalAvailability: 0.8,
  harm: {
    downtime: 36_000,
    customerHours: 100_000,
    valueLostKES: 50_000_000,
    trustLost: 10,
    rumourPeak: 0.3,
  },
  spentKES: 2_000_000,
  points: { ...ZERO, valueMoved: 10, trust: 12 },
};
// Better on every count: customers, money, downtime, trust, the rumour and the budget.
const better: Outcome = {
  ...actual,
  score: 54.1,
  failedValueKES: 1_190_000,
  strandedPeak: 2500,
  harm: { downtime: 30_000, customerHours: 60_000, valueLostKES: 45_000_000, trustLost: 6, rumourPeak: 0.2 },
  spentKES: 1_000_000,
  points: { ...ZERO, valueMoved: 12.5, trust: 13.4 },
};
// Worse on every count.
const worse: Outcome = {
  ...actual,
  score: 47,
  failedValueKES: 2_000_000,
  harm: {
    downtime: 40_000,
    customerHours: 150_000,
    valueLostKES: 60_000_000,
    trustLost: 14,
    rumourPeak: 0.5,
  },
  spentKES: 2_500_000,
  points: { ...ZERO, valueMoved: 8, trust: 10.8 },
};
const variant = (kind: Variant['kind'], outcome: Outcome): Variant => ({
  decision: 0,
  label: '',
  kind,
  tick: kind === 'never' ? -1 : 720,
  outcome,
  summary: '',
  because: explainVariant(actual, outcome),
});
const variants = [variant('earlier', better), variant('never', worse), variant('later', actual)];

/** English phrases of a what-if line that must not be left in a Kiswahili one. */
const ENGLISH =
  /\b(Ordered|Without|instead of|money failed to move|customers stranded|score \d|It would|would have|spared|kept|let the|cut|added|saved|cost|spent|the same|changed little|service-minutes|points of public trust|money kept moving|public trust [+−])\b/;

describe('what-if lines in the interface language', () => {
  it('in English are the sentences written before', async () => {
    await loadLanguage('en');
    for (const v of variants)
      expect(variantWords(SMALL, log, [{ ok: true }], actual, v)).toBe(
        variantWords(SMALL, log, [{ ok: true }], actual, v, ENGLISH_RUN_WORDS),
      );
    expect(variantWords(SMALL, log, [{ ok: true }], actual, variants[0]!)).toBe(
      '“Ordered Rate limiting per client on Portal” at T+00:12 instead of T+00:47: 30 % less money failed to move (KES 1.2m instead of KES 1.7m); 2,500 customers stranded at the worst moment instead of 1,000; score 54.1 instead of 50.2. It would have spared customers 40,000 hours stranded, saved 4 points of public trust and saved KES 1.0 m of the budget; score +3.9 (money kept moving +2.5, public trust +1.4).',
    );
  });

  it('in Kiswahili the same variants, with their numbers and why, worded in Kiswahili', async () => {
    await loadLanguage('en');
    const english = variants.map((v) => variantPieces(SMALL, log, [{ ok: true }], actual, v));
    await loadLanguage('sw');
    variants.forEach((v, i) => {
      const sw = variantPieces(SMALL, log, [{ ok: true }], actual, v);
      for (const piece of ['what', 'score', 'why'] as const) {
        expect(sw[piece]).not.toBe(english[i]![piece]);
        expect(sw[piece]).not.toMatch(ENGLISH);
      }
      expect(sw.stranded === '').toBe(english[i]!.stranded === '');
      if (sw.stranded) expect(sw.stranded).not.toMatch(ENGLISH);
    });
    expect(variantWords(SMALL, log, [{ ok: true }], actual, variants[0]!)).toBe(
      '“Agizo: Rate limiting per client kwenye Portal” saa T+00:12 badala ya T+00:47: pesa zilizoshindwa kutumwa zingepungua kwa 30\u00a0% (KES milioni 1.2 badala ya KES milioni 1.7); wateja 2,500 wangekwama wakati mbaya zaidi badala ya 1,000; alama 54.1 badala ya 50.2. Hali hiyo ingewaepusha wateja saa 40,000 za kukwama, ingeokoa pointi 4 za imani ya umma na ingeokoa KES milioni 1.0 za bajeti; alama +3.9 (Mtiririko wa pesa +2.5, Imani ya umma +1.4).',
    );
    expect(variantPieces(SMALL, log, [{ ok: true }], actual, variants[2]!).why).toBe(
      ' Hali hiyo ingebadilisha machache tu mjini; alama zingebaki zilezile.',
    );
    // The JSON export keeps English whatever the page's language.
    expect(variantWords(SMALL, log, [{ ok: true }], actual, variants[0]!, ENGLISH_RUN_WORDS)).toMatch(
      /^“Ordered /,
    );
    expect(missingKeys()).toEqual([]);
  });
});
