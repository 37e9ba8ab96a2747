/**
 * A service's kind in words on the service panel (it showed the id, "token-vending · critical"): every built-in
 * kind has a name in English and in Kiswahili; an author's own kind shows the name the author gave it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../src/engine';
import { loadLanguage, t } from '../../src/i18n';

describe('service kinds in words', () => {
  afterAll(async () => {
    await loadLanguage('en');
  });

  it('names every built-in service kind in words in both languages (the service panel showed ids such as token-vending)', async () => {
    for (const language of ['en', 'sw'] as const) {
      await loadLanguage(language);
      const names = SERVICE_KINDS.map((k) => t(`service:kindName.${k}`));
      for (const [i, name] of names.entries()) {
        expect(name).not.toBe(SERVICE_KINDS[i]);
        expect(name).not.toContain('kindName');
      }
      expect(new Set(names).size).toBe(SERVICE_KINDS.length);
    }
    expect(t('service:kindName.token-vending')).toBe('Uuzaji wa tokeni');
  });
});
