/**
 * The studio's "Try it" refusals (src/studio/jump.ts: a time it cannot read or past the end, an inject that
 * never fires) carry a code and values, worded by the studio in its language: English is exactly jump.ts's
 * text, Kiswahili has every code. Expected texts are written by hand from the language files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { enAll as en } from '../../src/i18n/locales/en/all';
import { fireTickOf, JUMP_TEXTS, parseJumpTime } from '../../src/studio/jump';
import { jumpText } from '../../src/ui/studio/tryIt';
import { smallScenario } from '../run/fixtures';

afterAll(async () => {
  await loadLanguage('en');
});

const small = smallScenario();

function refused<T extends { ok?: boolean; fires?: boolean }>(result: T) {
  if (result.ok || result.fires) throw new Error('accepted');
  return result as unknown as { error?: string; reason?: string; check: Parameters<typeof jumpText>[0] };
}

describe('studio jump refusals by code', () => {
  it('the English language file says what jump.ts says, code for code', () => {
    expect(en.studio.jump).toEqual(JUMP_TEXTS);
  });

  it('in English the studio shows jump.ts’s own text', async () => {
    await loadLanguage('en');
    const time = refused(parseJumpTime('soon', 3600));
    expect(jumpText(time.check)).toBe(time.error);
    expect(time.error).toBe(
      '“soon” is not a time of the drill: write T+h:mm (T+1:00 is one hour in) or a duration like 90m.',
    );
    const late = refused(parseJumpTime('T+2:00', 3600));
    expect(jumpText(late.check)).toBe(late.error);
    const none = refused(fireTickOf(small, 's', [], 'no-such-inject'));
    expect(jumpText(none.check)).toBe('there is no inject “no-such-inject”');
    expect(none.reason).toBe('there is no inject “no-such-inject”');
  });

  it('in Kiswahili every code is in Kiswahili, with its values', async () => {
    await loadLanguage('sw');
    expect(jumpText(refused(parseJumpTime('soon', 3600)).check)).toBe(
      '“soon” si wakati wa zoezi: andika T+h:mm (T+1:00 ni saa moja ndani) au muda kama 90m.',
    );
    const late = refused(parseJumpTime('T+2:00', 3600));
    expect(jumpText(late.check)).toBe(
      `${late.check.params.at} ni baada ya mwisho wa zoezi (zoezi linaisha ${late.check.params.end}).`,
    );
    expect(jumpText({ code: 'neverFires', params: { inject: 'x', seed: 'abc' } })).toBe(
      '“x” halitokei kamwe kwa mbegu abc na maagizo haya',
    );
    for (const code of Object.keys(JUMP_TEXTS) as (keyof typeof JUMP_TEXTS)[])
      expect(jumpText({ code, params: { text: 'a', at: 'b', end: 'c', inject: 'd', seed: 'e' } })).not.toBe(
        JUMP_TEXTS[code].replace(
          /\{\{(\w+)\}\}/g,
          (_, n: string) => ({ text: 'a', at: 'b', end: 'c', inject: 'd', seed: 'e' })[n] ?? '',
        ),
      );
    expect(missingKeys()).toEqual([]);
  });
});
