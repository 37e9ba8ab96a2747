/**
 * Refusals of untrusted input (share links, run files, command logs) carry a code from src/run and are worded
 * by the page in its language: English stays exactly src/run's text, Kiswahili has every code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { enAll as en } from '../../src/i18n/locales/en/all';
import { decodeShare, MAX_FRAGMENT_LENGTH, parseLimited, REFUSALS } from '../../src/run';
import { refusalText } from '../../src/ui/refusalText';
import { readRunFile } from '../../src/ui/saves/runFile';
import { parseCommandLog } from '../../src/ui/studio/tryIt';

afterAll(async () => {
  await loadLanguage('en');
});

/** One input per refusal code a share link or a parse can give. */
const hostile = {
  notALink: () => decodeShare('#not-a-run'),
  linkTooLong: () => decodeShare(`#run=${'A'.repeat(MAX_FRAGMENT_LENGTH + 1)}`),
  linkNotDecompressed: () => decodeShare('#run=%%%'),
  tooDeep: () => parseLimited('['.repeat(100), 'save', { maxChars: 1000, maxDepth: 10 }),
  tooLarge: () => parseLimited('[1, 2, 3]', 'command log', { maxChars: 4 }),
  notJson: () => parseLimited('{', 'file', { maxChars: 100 }),
};

describe('refusals by code', () => {
  it('the English language file says what src/run says, code for code', () => {
    const { subject: _subject, runFile: _runFile, part: _part, storage: _storage, ...codes } = en.refusals;
    expect(codes).toEqual(REFUSALS);
  });

  it('in English the page shows src/run’s own text', async () => {
    await loadLanguage('en');
    for (const [code, make] of Object.entries(hostile)) {
      const result = make();
      if (result.ok) throw new Error(`${code} was accepted`);
      expect(result.refusal.code).toBe(code);
      expect(refusalText(result)).toBe(result.error);
    }
    expect(refusalText(hostile.tooLarge() as { error: string })).toBe(
      'the command log is too large (9 characters; at most 4)',
    );
  });

  it('in Kiswahili every refusal is in Kiswahili, with its numbers', async () => {
    await loadLanguage('sw');
    const link = hostile.notALink();
    if (link.ok) throw new Error('accepted');
    expect(refusalText(link)).toBe('si kiungo cha mchezo wa Cascade');
    expect(refusalText(hostile.tooLarge() as never)).toBe(
      'ukubwa wa orodha ya maagizo umezidi kikomo (herufi 9; kikomo ni 4)',
    );
    for (const make of Object.values(hostile)) {
      const result = make();
      if (result.ok) throw new Error('accepted');
      expect(refusalText(result)).not.toBe(result.error);
    }
    // Refusals made on the page itself (run files, command logs) are worded there.
    expect(readRunFile('{"kind": "x"}')).toEqual({
      ok: false,
      error: 'faili si mchezo wa Cascade (haina "kind": "cascade-run-export")',
    });
    expect(readRunFile('{')).toEqual({ ok: false, error: 'faili si JSON halali' });
    expect(parseCommandLog('{}')).toEqual({
      ok: false,
      error: 'orodha ya maagizo ni orodha ya JSON ya vipengele {"tick", "cmd"}',
    });
    expect(missingKeys()).toEqual([]);
  });
});
