/**
 * Numbers, money, spans and dates follow the interface language, and English stays exactly as the game was
 * written (every other test reads English labels).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { currentLanguage, loadLanguage, missingKeys, t } from '../../src/i18n';
import { countLabel, durationLabel, kesLabel, wallClockLabel } from '../../src/store/format';
import { chooseLanguage } from '../../src/ui/language';
import { diagnosticLine } from '../../src/ui/menu';
import { DIAGNOSTIC_CODES } from '../../src/scenario';
import { enAll as en } from '../../src/i18n/locales/en/all';

afterAll(async () => {
  await loadLanguage('en');
});

describe('labels by language', () => {
  it('English keeps its forms', async () => {
    await loadLanguage('en');
    expect(durationLabel(45)).toBe('45s');
    expect(durationLabel(500)).toBe('8m 20s');
    expect(durationLabel(3900)).toBe('1h 05m');
    expect(durationLabel(7200)).toBe('2h');
    expect(kesLabel(12_000_000)).toBe('KES 12.0m');
    expect(kesLabel(1_600_000_000)).toBe('KES 1.60bn');
    expect(kesLabel(150_000)).toBe('KES 150k');
    expect(kesLabel(-544_306)).toBe('KES −544k');
    expect(countLabel(12345.6)).toBe('12,346');
    expect(wallClockLabel('2023-07-27T07:00', 6310)).toBe('Thu 27 Jul 08:45:10');
  });

  it('Kiswahili puts the unit word first, and names days in Kiswahili', async () => {
    expect(await loadLanguage('sw')).toBe('sw');
    expect(currentLanguage()).toBe('sw');
    expect(durationLabel(45)).toBe('sek 45');
    expect(durationLabel(500)).toBe('dk 8 sek 20');
    expect(durationLabel(3900)).toBe('saa 1 dk 05');
    expect(kesLabel(12_000_000)).toBe('KES milioni 12.0');
    expect(kesLabel(150_000)).toBe('KES elfu 150');
    expect(countLabel(12345.6)).toBe('12,346');
    // 27 July 2023 was a Thursday: Alhamisi.
    expect(wallClockLabel('2023-07-27T07:00', 6310)).toMatch(/^Alh\S* 27 \S+ 08:45:10$/);
    expect(t('menu:start')).toBe('Anza zoezi ▶');
    expect(t('menu:services', { count: 1 })).toBe('Huduma 1');
  });

  it('an unknown language falls back to English, and no key was missing', async () => {
    expect(await loadLanguage('fr')).toBe('en');
    expect(t('menu:start')).toBe('Start drill ▶');
    expect(t('menu:services', { count: 2 })).toBe('2 services');
    expect(missingKeys()).toEqual([]);
  });
});

describe('which language the page starts in', () => {
  const none = { search: '', stored: null, browser: [] as string[] };
  it('the address wins, then the stored choice, then a Kiswahili browser, else English', () => {
    expect(chooseLanguage({ ...none, search: '?lang=sw', stored: 'en' })).toBe('sw');
    expect(chooseLanguage({ ...none, stored: 'sw' })).toBe('sw');
    expect(chooseLanguage({ ...none, browser: ['sw-KE', 'en'] })).toBe('sw');
    expect(chooseLanguage({ ...none, browser: ['en-KE'] })).toBe('en');
    expect(chooseLanguage({ ...none, search: '?lang=xx', stored: 'zz' })).toBe('en');
  });
});

describe('diagnostics in the interface language', () => {
  it('every compiler code has its English title and fix in the language files, word for word', () => {
    const titles = Object.fromEntries(
      Object.entries(DIAGNOSTIC_CODES).map(([code, info]) => [code, { title: info.title, fix: info.fix }]),
    );
    const { related: _r, warning: _w, ...english } = en.diagnostics;
    expect(english).toEqual(titles);
  });

  it('a Kiswahili line leads with the title and fix, keeps the detail; English is unchanged', async () => {
    const d = {
      code: 'SCN011',
      severity: 'error',
      file: 'x.yaml',
      line: 12,
      column: 3,
      path: 'services[3].kind',
      message: "missing field 'kind'",
    } as const;
    await loadLanguage('en');
    expect(diagnosticLine(d)).toBe("12:3 SCN011 missing field 'kind'");
    await loadLanguage('sw');
    expect(diagnosticLine(d)).toBe(
      "12:3 SCN011 Sehemu inayohitajika haipo. Ongeza sehemu inayohitajika. — missing field 'kind'",
    );
    await loadLanguage('en');
  });
});
