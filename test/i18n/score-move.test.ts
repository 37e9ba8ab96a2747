/**
 * "Why the score moved" in the interface language (src/ui/scoreMoveText.ts): English is the store's own
 * sentence, unchanged; Kiswahili words the same move (same part, same numbers) from the `engine` namespace.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createSim, type ScoreParts } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { describeScoreMove, scoreMove } from '../../src/store';
import { scoreMoveText } from '../../src/ui/scoreMoveText';
import { mitigationCity } from '../engine/fixtures';

afterAll(async () => {
  await loadLanguage('en');
});

const KES = { code: 'KES', symbol: 'KES', after: false };
const base: ScoreParts = {
  tick: 600,
  total: 40,
  points: { availability: 10, valueMoved: 10, customers: 10, budget: 0, trust: 10, rumours: 0, honesty: 0 },
  harm: { downtime: 0, customerHours: 0, valueLostKES: 0, trustLost: 0, rumourPeak: 0 },
  baselineHarm: { downtime: 0, customerHours: 0, valueLostKES: 0, trustLost: 0, rumourPeak: 0 },
};
const state = createSim(mitigationCity(), 1).state;
// Customers stranded is the part that fell most: 1,234 of them (a number with a thousands separator).
const strandedState = { ...state, metrics: { ...state.metrics, stranded: 1234 } };
const down = { ...base, tick: 900, total: 31.5, points: { ...base.points, customers: 2, trust: 9.5 } };
const up = { ...base, tick: 900, total: 46, points: { ...base.points, availability: 15, trust: 11 } };

describe('why the score moved, in the interface language', () => {
  it('in English it is the store’s sentence, unchanged', async () => {
    await loadLanguage('en');
    for (const [after, st] of [
      [down, strandedState],
      [up, state],
    ] as const) {
      expect(scoreMoveText(scoreMove(base, after, st), KES)).toBe(describeScoreMove(base, after, st, KES));
    }
    expect(scoreMoveText(scoreMove(base, down, strandedState), KES)).toBe(
      '−8.5 since T+00:10: 1,234 customers stranded',
    );
    expect(scoreMoveText(scoreMove(base, { ...base, total: 40.2 }, state), KES)).toBe('');
  });

  it('in Kiswahili the same move, worded in Kiswahili with its numbers', async () => {
    await loadLanguage('sw');
    expect(scoreMoveText(scoreMove(base, down, strandedState), KES)).toMatch(
      /^−8\.5 tangu T\+00:10: wateja waliokwama: 1[,.\u00a0]?234$/,
    );
    expect(scoreMoveText(scoreMove(base, up, state), KES)).toBe('+6.0 tangu T+00:10: huduma zinarejea');
    // No single part moved with the total: several parts.
    const mixed = { ...base, tick: 900, total: 35, points: { ...base.points, customers: 12 } };
    expect(scoreMoveText(scoreMove(base, mixed, state), KES)).toBe('−5.0 tangu T+00:10: sehemu kadhaa');
    expect(missingKeys()).toEqual([]);
  });
});
