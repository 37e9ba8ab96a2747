/**
 * The languages of the game's own interface (not the languages a scenario's people speak: those are the
 * scenario's). Each has the locale its numbers, money and dates are formatted in.
 */
export const UI_LANGUAGES = ['en', 'sw'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_UI_LANGUAGE: UiLanguage = 'en';

/** Each language's name in itself: the switch shows "Kiswahili" to someone who cannot read "Swahili". */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', sw: 'Kiswahili' };

/**
 * BCP-47 locale for Intl formatting. English keeps en-GB (day before month, "12,346"), which every figure in
 * the game was written for; Kiswahili uses Kenya's conventions.
 */
export const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', sw: 'sw-KE' };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The menu's switch is labelled in every language at once (it is how someone finds their own). */
export const LANGUAGE_SWITCH_LABEL = 'Language · Lugha';
